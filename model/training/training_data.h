#pragma once
// A run's corpora as the trainer gets them: every training corpus read and cleaned
// (data/corpus_cleaning.h), its held-out pairs set aside, the dev sets read, and what cleaning
// did to each corpus. The same for `dari train`'s processes and the window's tests.

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "data/corpus.h"
#include "data/corpus_cleaning.h"
#include "model/bundle/config.h"

namespace dari {

// A set of pairs with the name reports and logs give it ("korsts-ko-en").
struct NamedPairs {
    std::string name;
    std::vector<SentencePair> pairs;
};

struct TrainCorpus {
    std::string name;
    std::vector<SentencePair> pairs;  // cleaned, held-out pairs taken out
    double weight = 1.0;              // in every epoch's mix (data/corpus_mix.h)
};

struct TrainInputs {
    std::vector<TrainCorpus> corpora;
    std::vector<NamedPairs> devs;       // scored at every validation
    std::vector<NamedPairs> heldOut;    // per corpus with data.corpora's holdout: never trained on
    std::vector<CleanReport> cleaning;  // per training corpus (the trainer adds over max_pieces)
    std::string fingerprint;            // of the training pairs, for the bundle's metadata
    // The training corpora as folder and file names (BundleMeta::trainingData).
    std::vector<std::string> trainingData;

    // One corpus, one dev set, nothing cleaned (tests, Learn's tiny networks).
    static TrainInputs single(std::vector<SentencePair> train, std::vector<SentencePair> dev,
                              std::string fingerprint, std::string trainingData);
    std::size_t trainPairs() const;
};

// One training corpus or dev set as run.json records it.
struct CorpusSource {
    std::string name;
    CorpusSpec spec;
    double weight = 1.0;  // training corpora only
    int holdout = 0;      // training corpora only
};

struct RunCorpora {
    std::vector<CorpusSource> train, dev;

    // data.corpora, each relative path starting at `dataDir`.
    static RunCorpora fromConfig(const std::vector<CorpusEntry>& corpora,
                                 const std::string& dataDir);
    // Gives corpora of the same name a number: "docs", "docs (2)".
    void nameUniquely();
    // run.json's "corpora" and "dev_sets" (and, from older runs, "train" and "dev").
    nlohmann::json toJson() const;
    static RunCorpora fromJson(const nlohmann::json& run);
};

struct LoadOptions {
    bool skipInvalid = false;  // malformed lines skipped and counted, not an error
    // Each file's read report ("skipped 3 pairs: ...") as it is read: shown to the user.
    std::function<void(const std::string& path, const std::string& report)> onReport;
};

// Reads, cleans and holds out. Throws std::runtime_error naming the corpus for an unreadable,
// empty or (after cleaning) too small training corpus, or an empty dev set.
TrainInputs loadTrainInputs(const RunCorpora& corpora, const Config& config,
                            const LoadOptions& options = {});

// The held-out pairs of a corpus are the same for every seed and member: chosen by its name.
uint64_t holdoutSeed(const std::string& corpusName);

// cleaning.json: every corpus's counts, examples and warnings.
nlohmann::json cleaningJson(const std::vector<CleanReport>& reports, double warnShare);

}  // namespace dari
