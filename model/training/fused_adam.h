#pragma once
// Adam with its update fused into one pass over memory and split across threads.
//
// torch::optim::Adam updates each parameter with seven tensor operations, each a
// pass over the parameter; for a 6-million-parameter model that is ~22 ms a step
// on one thread, a tenth of a training step. FusedAdam reads each gradient and
// moment once and writes each moment and weight once, on configuredThreads()
// threads. The state is torch::optim::Adam's own (same keys, same save/load), so
// checkpoints are interchangeable; amsgrad, weight decay and non-float
// parameters take torch::optim::Adam's path.

#include <torch/torch.h>

namespace dari {

class FusedAdam : public torch::optim::Adam {
public:
    using torch::optim::Adam::Adam;
    torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace dari
