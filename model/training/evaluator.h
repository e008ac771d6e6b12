#pragma once
// Scoring a model on held-out pairs: loss (teacher-forced) and BLEU/chrF of its output.

#include <string>
#include <vector>

#include "data/batch.h"
#include "data/vocabulary.h"
#include "model/network/seq2seq.h"
#include "model/search/search.h"
#include "model/training/loss.h"

namespace dari {

struct DevScores {
    double loss = 0.0;  // per target piece, no smoothing
    double bleu = 0.0, chrf = 0.0;
    std::vector<std::string> hypotheses;
};

// Greedy, without the repetition guard: validation measures the model itself.
DecodeOptions validationGreedy();

// Batches are shared out over the worker pool's threads (one per configured core).
// Several networks are scored as an ensemble (model/ensemble.h). Each keeps its train/eval mode.
// `spans`: what each example's placeholders stand for (data/placeholders.h), restored in its
// output before it is scored against the reference.
DevScores evaluate(const std::vector<Seq2Seq>& networks, const std::vector<Example>& examples,
                   const std::vector<std::string>& references, const Vocabulary& tgt,
                   const DecodeOptions& options = validationGreedy(), int batchSize = 64,
                   const std::vector<std::vector<std::string>>& spans = {});
DevScores evaluate(Seq2Seq& model, const std::vector<Example>& examples,
                   const std::vector<std::string>& references, const Vocabulary& tgt,
                   const DecodeOptions& options = validationGreedy(), int batchSize = 64,
                   const std::vector<std::vector<std::string>>& spans = {});

}  // namespace dari
