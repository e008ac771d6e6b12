#pragma once
// Sinusoidal positions (Vaswani et al. 2017, section 3.5): a Transformer reads a sentence as a
// set, so each position adds a fixed pattern to its piece's embedding,
//   PE(pos, 2i) = sin(pos / 10000^(2i/d)),  PE(pos, 2i+1) = cos(pos / 10000^(2i/d)),
// in which every offset k is a linear function of PE(pos). Nothing is learnt or saved: the
// pattern is computed for the lengths at hand, so any length can be read.

#include <torch/torch.h>

#include <cstdint>

namespace dari {

// Positions first .. first + length - 1 for `dim` dimensions: [length, dim], in `options`'s
// dtype and device.
torch::Tensor sinusoidalPositions(int64_t first, int64_t length, int64_t dim,
                                  const torch::TensorOptions& options);

}  // namespace dari
