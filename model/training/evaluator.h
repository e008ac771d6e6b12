#pragma once
// Scoring a model on held-out pairs: loss (teacher-forced) and BLEU/chrF of its output.

#include <string>
#include <vector>

#include "data/batch.h"
#include "data/vocabulary.h"
#include "model/network/seq2seq.h"
#include "model/search/search.h"

namespace dari {

// Mean cross-entropy per target piece (with optional label smoothing), padding ignored.
torch::Tensor sequenceLoss(const torch::Tensor& logits, const torch::Tensor& targets,
                           double labelSmoothing);
// The same for a training pass: when the pass kept the output vectors, the output
// layer and softmax run only on real (non-padding) positions.
torch::Tensor trainingLoss(Seq2Seq& model, const ForwardResult& result,
                           const torch::Tensor& targets, double labelSmoothing);

struct DevScores {
    double loss = 0.0;  // per target piece, no smoothing
    double bleu = 0.0, chrf = 0.0;
    std::vector<std::string> hypotheses;
};

// Greedy, without the repetition guard: validation measures the model itself.
DecodeOptions validationGreedy();

// Batches are shared out over the worker pool's threads (one per configured core).
// Several networks are scored as an ensemble (model/ensemble.h). Each keeps its train/eval mode.
DevScores evaluate(const std::vector<Seq2Seq>& networks, const std::vector<Example>& examples,
                   const std::vector<std::string>& references, const Vocabulary& tgt,
                   const DecodeOptions& options = validationGreedy(), int batchSize = 64);
DevScores evaluate(Seq2Seq& model, const std::vector<Example>& examples,
                   const std::vector<std::string>& references, const Vocabulary& tgt,
                   const DecodeOptions& options = validationGreedy(), int batchSize = 64);

}  // namespace dari
