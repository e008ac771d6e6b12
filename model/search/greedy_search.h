#pragma once
// Greedy search: the likeliest piece at every step (or, with options.sample, one drawn piece).

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "model/search/search.h"

namespace dari {

std::vector<std::vector<Hypothesis>> greedyDecode(const std::vector<Seq2Seq>& networks,
                                                  const Batch& sources,
                                                  const DecodeOptions& options);

}  // namespace dari
