#include "model/inspect/gradient_flow.h"

namespace dari {
namespace {

// ||g|| of each gradient (0 for one the loss does not reach).
std::vector<double> norms(const std::vector<torch::Tensor>& gradients) {
    std::vector<double> out;
    for (const auto& g : gradients)
        out.push_back(g.defined() ? g.norm().item<double>() : 0.0);
    return out;
}

}  // namespace

torch::Tensor recurrentJacobian(Encoder& encoder, const DirectionTrace& trace, int64_t t) {
    torch::AutoGradMode enabled(true);
    const int64_t first = trace.reverse ? static_cast<int64_t>(trace.h.size()) - 1 : 0;
    const int64_t previous = trace.reverse ? t + 1 : t - 1;
    const auto before = [&](const std::vector<torch::Tensor>& states) {
        return t == first ? torch::zeros_like(states[t]) : states[previous];
    };
    const int64_t hidden = trace.h[t].size(1);
    // Row i of the batch differentiates output dimension i (the identity as grad_outputs).
    const auto h = before(trace.h).detach().expand({hidden, hidden}).clone().requires_grad_(true);
    const auto c =
        trace.c.empty() ? torch::Tensor() : before(trace.c).detach().expand({hidden, -1});
    const auto x = trace.input.select(1, t).detach().expand({hidden, -1});
    const auto next = encoder->step(trace.layer, trace.reverse, x, h, c).first;
    return torch::autograd::grad({next}, {h}, {torch::eye(hidden, h.options())})[0];
}

GradientFlow gradientFlow(Encoder& encoder, const std::vector<DirectionTrace>& traces,
                          const torch::Tensor& loss, bool bidirectional) {
    torch::AutoGradMode enabled(true);
    const size_t directions = bidirectional ? 2 : 1;
    const auto& forward = traces[traces.size() - directions];
    GradientFlow flow;
    flow.loss = loss.item<double>();
    flow.layer = forward.layer;
    std::vector<torch::Tensor> states = forward.h;
    if (bidirectional) states.insert(states.end(), traces.back().h.begin(), traces.back().h.end());
    const auto gradients = torch::autograd::grad({loss}, states, {}, /*retain_graph=*/false,
                                                 /*create_graph=*/false, /*allow_unused=*/true);
    const auto all = norms(gradients);
    const auto positions = static_cast<std::ptrdiff_t>(forward.h.size());
    flow.forward.assign(all.begin(), all.begin() + positions);
    if (bidirectional) flow.backward.assign(all.begin() + positions, all.end());
    for (int64_t t = 0; t < positions; ++t)
        flow.jacobianNorm.push_back(
            at::linalg_svdvals(recurrentJacobian(encoder, forward, t))[0].item<double>());
    return flow;
}

}  // namespace dari
