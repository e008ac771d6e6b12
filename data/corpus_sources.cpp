#include "data/corpus_sources.h"

#include <cstdlib>
#include <filesystem>

namespace dari {

const std::vector<KnownCorpus>& knownCorpora() {
    static const std::vector<KnownCorpus> corpora = {
        {"tatoeba-ko-en", "Tatoeba Korean-English sentence pairs (manythings.org/anki, 2023-02-20)",
         "https://tatoeba.org and https://www.manythings.org/anki/", "CC-BY-2.0-FR",
         "Sentences from the Tatoeba Project (tatoeba.org), collected by www.manythings.org/anki"},
        {"chatbot-ko", "Chatbot_data_for_Korean v1.0 (Youngsook Song, 2018)",
         "https://github.com/songys/Chatbot_data", "MIT", "Copyright (c) 2018 Youngsook Song"},
        {"news-ko-en",
         "Korean-English news corpus v1 (Park, Hong and Cha 2016, \"Korean Language Resources "
         "for Everyone\", PACLIC 30)",
         "https://github.com/jungyeul/korean-parallel-corpora", "CC-BY-SA-3.0",
         "Jungyeul Park, Jeen-Pyo Hong and Jeong-Won Cha"},
        {"tatoeba-extra-ko-en",
         "More Tatoeba Korean-English sentence pairs (lekowan/lovealphabets, corpusObj.js)",
         "https://tatoeba.org", "CC-BY-2.0-FR", "Sentences from the Tatoeba Project (tatoeba.org)"},
        {"korsts-ko-en",
         "KorSTS sentences (Ham et al. 2020, kakaobrain/kor-nlu-datasets) aligned with the "
         "English STS Benchmark (Cer et al. 2017) they were translated from: captions, news "
         "headlines, forum posts",
         "https://github.com/kakaobrain/kor-nlu-datasets", "CC-BY-SA-4.0",
         "Korean: KorSTS, Jiyeon Ham, Yo Joong Choe, Kyubyong Park, Ilji Choi and Hyungjoon Soh "
         "(Kakao Brain); English: STS Benchmark, Daniel Cer et al. (its sub-sources' terms)"},
        {"jhe-ko-en", "JHE Korean-English corpus, dev file (general sentences of mixed topics)",
         "https://github.com/jungyeul/korean-parallel-corpora", "CC-BY-SA-3.0",
         "Jungyeul Park (korean-parallel-corpora)"},
        {"docs-ko-en",
         "Technical documentation in Korean and English, aligned paragraph by paragraph: the "
         "Python 3.13 documentation (python/python-docs-ko), LibreOffice 7.4 help, the GNOME "
         "user and admin guides, the GIMP manual",
         "https://github.com/python/python-docs-ko, https://help.libreoffice.org, "
         "https://help.gnome.org, https://docs.gimp.org",
         "PSF-2.0 (Python docs), MPL-2.0 (LibreOffice help), CC-BY-SA-3.0 (GNOME docs), "
         "GFDL-1.2-or-later (GIMP manual)",
         "The Python Software Foundation and the Python Korean translation team; The Document "
         "Foundation; the GNOME Documentation Project; the GIMP Documentation Team"},
    };
    return corpora;
}

const KnownCorpus* knownCorpusOf(const std::string& path) {
    std::filesystem::path p(path);
    for (; !p.empty() && p.has_relative_path(); p = p.parent_path()) {
        for (const auto& corpus : knownCorpora())
            if (p.filename() == corpus.folder) return &corpus;
        if (p.parent_path() == p) break;
    }
    return nullptr;
}

std::string corpusLabel(const std::string& path) {
    const std::filesystem::path p(path);
    return (p.parent_path().filename() / p.filename()).generic_string();
}

std::string corpusName(const std::string& path) {
    const std::filesystem::path p(path);
    const std::string stem = p.stem().string();
    const bool split = stem == "train" || stem == "dev" || stem == "test" || stem == "valid";
    if (split && !p.parent_path().filename().empty()) return p.parent_path().filename().string();
    return stem.empty() ? p.filename().string() : stem;
}

std::string corporaFolder(const std::string& fallback) {
    const char* data = std::getenv("DARI_DATA");
    return data && *data ? data : fallback;
}

}  // namespace dari
