#include "model/network/step_linear.h"

#include <torch/csrc/autograd/custom_function.h>

#include <atomic>

namespace dari {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The inputs and output gradients of every step that used one weight.
struct StepTape : torch::CustomClassHolder {
    std::vector<torch::Tensor> inputs;     // [B, In] per step, detached
    std::vector<torch::Tensor> gradients;  // [B, Out] per step, filled by backward
    size_t pending = 0;                    // steps whose backward has not run yet
};

namespace {

thread_local StepLinearScope* t_scope = nullptr;
std::atomic<bool> g_enabled{true};

class StepLinearFunction : public torch::autograd::Function<StepLinearFunction> {
public:
    // x W^T; the bias, a vector, is added outside with ordinary autograd.
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& weight,
                                 const c10::intrusive_ptr<StepTape>& tape) {
        ctx->saved_data["tape"] = c10::IValue::make_capsule(tape);
        ctx->saved_data["step"] = static_cast<int64_t>(tape->inputs.size());
        ctx->save_for_backward({weight});
        // Detached: the tape is owned by this graph's nodes, and x's history is too.
        tape->inputs.push_back(x.detach());
        tape->gradients.emplace_back();
        ++tape->pending;
        return x.mm(weight.t());
    }

    static variable_list backward(AutogradContext* ctx, variable_list outputGrads) {
        auto tape =
            c10::static_intrusive_pointer_cast<StepTape>(ctx->saved_data["tape"].toCapsule());
        const auto& g = outputGrads[0];  // [B, Out]
        const auto weight = ctx->get_saved_variables()[0];
        torch::Tensor gradX, gradWeight;
        if (ctx->needs_input_grad(0)) gradX = g.mm(weight);
        tape->gradients[ctx->saved_data["step"].toInt()] = g;
        if (--tape->pending == 0) {
            // The last step to run backward: every step's gradient is known.
            const auto grads = torch::cat(tape->gradients);
            gradWeight = grads.t().mm(torch::cat(tape->inputs));
            tape->inputs.clear();
            tape->gradients.clear();
        }
        return {gradX, gradWeight, torch::Tensor()};
    }
};

}  // namespace

StepLinearScope::StepLinearScope() : previous_(t_scope) {
    t_scope = this;
}

StepLinearScope::~StepLinearScope() {
    t_scope = previous_;
}

c10::intrusive_ptr<StepTape> StepLinearScope::tapeFor(const torch::Tensor& weight) {
    auto& tape = tapes_[weight.unsafeGetTensorImpl()];
    if (!tape) tape = c10::make_intrusive<StepTape>();
    return tape;
}

void setStepLinearEnabled(bool enabled) {
    g_enabled = enabled;
}

torch::Tensor stepLinear(const torch::Tensor& x, const torch::Tensor& weight,
                         const torch::Tensor& bias) {
    if (!t_scope || !g_enabled || !torch::GradMode::is_enabled() ||
        c10::InferenceMode::is_enabled() || !weight.requires_grad())
        return torch::nn::functional::linear(x, weight, bias);
    const auto y = StepLinearFunction::apply(x, weight, t_scope->tapeFor(weight));
    return bias.defined() ? y + bias : y;
}

}  // namespace dari
