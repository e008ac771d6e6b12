#pragma once
// A model bundle: one folder with everything needed to use (or fine-tune) a model.
//
//   config.yaml   every setting, commented      src.spm / tgt.spm  SentencePiece models
//   model.pt      the weights (best dev BLEU)   meta.json          task, languages, scores, ...
//   member2.pt, member3.pt, ...  an ensemble's other members (meta.json's "members"; see `dari
//   ensemble`)
// A training run adds checkpoint.pt, run.json and train_log.jsonl to the same folder.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "data/vocabulary.h"
#include "model/bundle/config.h"
#include "model/metrics/confidence.h"
#include "model/network/seq2seq.h"

namespace dari {

// A dev set's scores at the best checkpoint (several dev sets: model/training/dev_sets.h).
struct DevSetScore {
    std::string name;
    int64_t pairs = 0;
    double bleu = 0.0, chrf = 0.0;
};

struct BundleMeta {
    std::string task = "translate";
    std::string srcLang, tgtLang;
    std::string corpusFingerprint;
    // The training corpora as folder and file ("tatoeba-ko-en/train.tsv"): enough to name a
    // known corpus (data/corpus_sources.h) without a user's own paths.
    std::vector<std::string> trainingData;
    int64_t trainPairs = 0, devPairs = 0;
    double trainingSeconds = 0.0;
    int64_t steps = 0;
    double epochs = 0.0;
    double devBleu = 0.0, devChrf = 0.0, devLoss = 0.0;  // the means over devSets
    std::vector<DevSetScore> devSets;                    // each dev set's (empty: one, unnamed)
    int devBeam = 0;  // the beam the dev scores were decoded with (1: greedy; 0: not recorded)
    int64_t parameters = 0;            // of all members together
    int64_t members = 1;               // networks that decode together (an ensemble: > 1)
    ConfidenceCalibration confidence;  // levels of the outputs' scores (dari calibrate)
    // task classify (model/bundle/classifier_bundle.h): the labels in index order, dev scores
    std::vector<std::string> labels;
    std::vector<int64_t> labelCounts;  // training sentences per label (the majority: the most)
    double devAccuracy = 0.0, devMacroF1 = 0.0;
    double majorityBaseline = 0.0;  // dev accuracy of always answering the commonest label
    // task chat: the training corpus's most frequent replies (model/metrics/frequent_replies.h)
    std::vector<std::string> frequentReplies;
    std::string dariVersion;
    std::string created;  // ISO 8601, UTC

    nlohmann::json toJson() const;
    static BundleMeta fromJson(const nlohmann::json& json);
    static BundleMeta load(const std::string& dir);  // DIR/meta.json
    void save(const std::string& dir) const;         // ... written atomically
};

struct Bundle {
    Config config;
    Vocabulary src, tgt;
    Seq2Seq model{
        nullptr};  // the network (an ensemble's first member: the one fine-tuning starts from)
    std::vector<Seq2Seq> moreMembers;  // an ensemble's other members, same config and vocabularies
    BundleMeta meta;

    // Every network that decodes: model, then moreMembers.
    std::vector<Seq2Seq> networks() const;

    // Loads and validates every file; errors name the file that is missing or corrupt. The
    // networks are on the CPU, whatever device saved them. A classification model is refused
    // (it has no decoder: model/bundle/classifier_bundle.h loads it).
    static Bundle load(const std::string& dir);
    // Moves every network to `device` (model/device.h's resolveDevice).
    void to(torch::Device device);
    // Writes every file atomically (weights last is not enough: each file is replaced whole).
    void save(const std::string& dir) const;
    void saveWeights(const std::string& dir) const;
    void saveMeta(const std::string& dir) const;
};

// An ensemble's weight files: model.pt for member 1, memberN.pt for the others (in DIR).
std::string memberFileName(int64_t member);
std::string memberFile(const std::string& dir, int64_t member);

// Saves a module's parameters and buffers to `path` atomically; loads them, naming the file on
// error.

void saveModule(const torch::nn::Module& module, const std::string& path);
void loadModule(torch::nn::Module& module, const std::string& path);

// What a bundle's files are on disk now (name, size, modification time and inode of meta.json,
// config.yaml, the vocabularies and every weight file): it changes when the folder is
// retrained, replaced or edited, so a program holding the bundle in memory can tell. nullopt:
// the folder no longer exists.
std::optional<std::string> bundleFingerprint(const std::string& dir);

std::string isoTimeNow();

}  // namespace dari
