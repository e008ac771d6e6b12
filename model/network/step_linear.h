#pragma once
// A Linear layer applied once per time step of a recurrence, with its weight
// gradient computed once for the whole sequence.
//
// Autograd treats the T uses of a weight in a step loop as T separate products:
// backward runs T thin GEMMs (G x B x H, B = 32 rows) and T additions of a full
// G x H gradient. Inside a StepLinearScope, stepLinear() records each step's
// input instead; the backward of whichever step runs last (the first in time)
// computes dW = G^T X for all steps in one GEMM. For the decoder's 1536 x 512
// recurrent weight, T = 20, B = 32: 18 ms of backward per step become 7 ms.
//
// Every step's output must reach the loss (true of a decoder's step loop): the
// weight's gradient is returned when all recorded steps have run backward.
// Outside a scope, without grad mode, or in InferenceMode, it is a plain Linear.

#include <torch/torch.h>

#include <memory>
#include <unordered_map>

namespace dari {

struct StepTape;

// Marks a step loop on the current thread (one per forward pass; shards on
// other threads have their own).
class StepLinearScope {
public:
    StepLinearScope();
    ~StepLinearScope();
    StepLinearScope(const StepLinearScope&) = delete;
    StepLinearScope& operator=(const StepLinearScope&) = delete;

    c10::intrusive_ptr<StepTape> tapeFor(const torch::Tensor& weight);

private:
    std::unordered_map<const void*, c10::intrusive_ptr<StepTape>> tapes_;
    StepLinearScope* previous_;
};

// Switches the deferred gradient off process-wide (stepLinear is then a plain
// Linear everywhere): for the tests that compare the two and for measuring it.
void setStepLinearEnabled(bool enabled);

// x W^T + b for x [B, In], W [Out, In], b [Out] or undefined -> [B, Out],
// recorded on the current scope's tape for W.
torch::Tensor stepLinear(const torch::Tensor& x, const torch::Tensor& weight,
                         const torch::Tensor& bias);
inline torch::Tensor stepLinear(torch::nn::LinearImpl& layer, const torch::Tensor& x) {
    return stepLinear(x, layer.weight, layer.bias);
}

}  // namespace dari
