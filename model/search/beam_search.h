#pragma once
// Beam search: the options.beam best partial outputs per source, extended piece by piece.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

#include "model/search/search.h"

namespace dari {

std::vector<std::vector<Hypothesis>> beamDecode(const std::vector<Seq2Seq>& networks,
                                                const Batch& sources, const DecodeOptions& options);

}  // namespace dari
