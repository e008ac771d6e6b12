#pragma once
// The training objective: mean cross-entropy per target piece, padding ignored.

#include <torch/torch.h>

#include "model/network/seq2seq.h"

namespace dari {

// Mean cross-entropy per target piece (with optional label smoothing), padding ignored.
torch::Tensor sequenceLoss(const torch::Tensor& logits, const torch::Tensor& targets,
                           double labelSmoothing);
// The same for a training pass: when the pass kept the output vectors, the output
// layer and softmax run only on real (non-padding) positions.
torch::Tensor trainingLoss(Seq2Seq& model, const ForwardResult& result,
                           const torch::Tensor& targets, double labelSmoothing);

}  // namespace dari
