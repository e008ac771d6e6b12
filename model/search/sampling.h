#pragma once
// Sampling replies: temperature, top-k and nucleus (top-p) draws, and sample-and-rank.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "model/search/search.h"

namespace dari {

// One piece drawn per row of logProbs [R, V] after temperature, top-k and top-p filtering.
torch::Tensor samplePieces(const torch::Tensor& logProbs, const DecodeOptions& options,
                           torch::Generator& gen);

// Sample-and-rank: options.nbest draws per source (one batch row each), ranked by
// length-normalised log-probability, identical draws merged.
std::vector<std::vector<Hypothesis>> sampleDecode(const std::vector<Seq2Seq>& networks,
                                                  const Batch& sources,
                                                  const DecodeOptions& options);

}  // namespace dari
