#pragma once
// Backpropagation through time measured on one example: the gradient of a loss with respect
// to each of the encoder's top-layer states, and the recurrent Jacobian of each step.

#include <torch/torch.h>

#include <vector>

#include "model/inspect/network_inspection.h"
#include "model/network/encoder.h"

namespace dari {

// `traces`: Encoder::trace's, of one example (batch 1) whose pass produced the scalar `loss`
// (its graph still held). The norms of dL/dh_t for the top layer's directions, and the
// spectral norm of dh_t/dh_{t-1} for its forward direction.
GradientFlow gradientFlow(Encoder& encoder, const std::vector<DirectionTrace>& traces,
                          const torch::Tensor& loss, bool bidirectional);

// dh_t/dh_{t-1} of one direction at position t, [H, H] (row i: the gradient of h_t's
// dimension i): one step of the recurrence recomputed from h_{t-1} (the zero state at the
// direction's first position; LSTM: c_{t-1} held fixed), batched so that one backward pass
// gives every row. Runs with grad mode on, whatever the caller's.
torch::Tensor recurrentJacobian(Encoder& encoder, const DirectionTrace& trace, int64_t t);

}  // namespace dari
