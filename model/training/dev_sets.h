#pragma once
// The dev sets a run validates on, each scored on its own, and the one score that picks the
// best checkpoint (train.best_by): the mean BLEU or chrF over the sets, or one set's.

#include <string>
#include <vector>

#include "data/batch.h"
#include "data/corpus.h"
#include "data/vocabulary.h"
#include "model/network/seq2seq.h"
#include "model/search/search.h"

namespace dari {

// One dev set, ready to score.
struct DevSet {
    std::string name;
    std::vector<SentencePair> pairs;  // as read: sources for the log's samples, references
    std::vector<Example> examples;    // encoded (with placeholders when the model has them)
    std::vector<std::vector<std::string>> spans;  // what each example's placeholders stand for
    std::vector<std::string> references() const;
};

struct DevSetScores {
    std::string name;
    size_t pairs = 0;
    double bleu = 0.0, chrf = 0.0, loss = 0.0;
    std::vector<std::string> hypotheses;
};

struct ValidationScores {
    std::vector<DevSetScores> sets;
    double bleu = 0.0, chrf = 0.0, loss = 0.0;  // the means over the sets
    double score = 0.0;                         // train.best_by's
};

// An even spread of at most `count` of `total` positions (all when count is 0 or >= total).
std::vector<size_t> evenIndices(size_t total, size_t count);

// Throws a message naming train.best_by and the dev sets unless it is bleu, chrf, or one of
// them followed by ":" and a set's name.
void checkBestBy(const std::string& bestBy, const std::vector<std::string>& names);

// Scores every set (each with the worker pool's threads) and their means.
ValidationScores scoreDevSets(Seq2Seq& model, const std::vector<DevSet>& sets,
                              const Vocabulary& tgt, const DecodeOptions& options,
                              const std::string& bestBy);

}  // namespace dari
