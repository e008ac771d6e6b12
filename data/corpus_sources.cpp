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

std::string corporaFolder(const std::string& fallback) {
    const char* data = std::getenv("DARI_DATA");
    return data && *data ? data : fallback;
}

}  // namespace dari
