#pragma once
// The public corpora Dari's default models are trained on: where they come from and under
// which licence, written once for model cards (dari pack), the About box and the welcome page.

#include <string>
#include <vector>

namespace dari {

struct KnownCorpus {
    std::string folder;       // the folder name under DARI_DATA (../shared/data)
    std::string title;        // what it is
    std::string origin;       // where a user gets it
    std::string licence;      // SPDX-style name
    std::string attribution;  // what the licence asks to be credited
};

// Tatoeba ko-en (and its extra pairs), Chatbot_data (ko), Korean-English news, KorSTS, JHE,
// the technical documentation corpus.
const std::vector<KnownCorpus>& knownCorpora();

// The known corpus whose folder holds `path` (a corpus file, or a description such as
// "tatoeba-ko-en/train.tsv"); nullptr if none.
const KnownCorpus* knownCorpusOf(const std::string& path);

// A corpus file as its folder and file name ("tatoeba-ko-en/train.tsv"): enough to recognise a
// known corpus, without the user's own paths (BundleMeta::trainingData, model cards).
std::string corpusLabel(const std::string& path);

// What reports and logs call a corpus file: its folder for the usual split names
// ("korsts-ko-en/train.tsv" -> "korsts-ko-en"), else its file name without the extension.
std::string corpusName(const std::string& path);

// The corpora folder: $DARI_DATA if set, else `fallback` (the source tree's ../shared/data).
std::string corporaFolder(const std::string& fallback);

}  // namespace dari
