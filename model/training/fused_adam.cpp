#include "model/training/fused_adam.h"

#include <torch/version.h>

#include <cmath>
#include <functional>

#include "model/runtime.h"
#include "model/training/worker_pool.h"

namespace dari {
namespace {

// One parameter's arrays and its share of the step's constants.
struct Slab {
    float* weight;
    const float* grad;
    float* mean;
    float* square;
    int64_t size;
    float stepSize;         // lr / (1 - beta1^t)
    float rootCorrection2;  // 1 / sqrt(1 - beta2^t)
    float beta1, beta2, eps;
};

void update(const Slab& s, int64_t begin, int64_t end) {
    const float b1 = s.beta1, b2 = s.beta2, eps = s.eps, rb1 = 1.0f - b1, rb2 = 1.0f - b2;
    const float stepSize = s.stepSize, root2 = s.rootCorrection2;
    for (int64_t i = begin; i < end; ++i) {
        const float g = s.grad[i];
        const float m = b1 * s.mean[i] + rb1 * g;
        const float v = b2 * s.square[i] + rb2 * g * g;
        s.mean[i] = m;
        s.square[i] = v;
        s.weight[i] -= stepSize * m / (std::sqrt(v) * root2 + eps);
    }
}

// Elements [begin, end) of the slabs laid end to end.
void updateRange(const std::vector<Slab>& slabs, int64_t begin, int64_t end) {
    int64_t offset = 0;
    for (const auto& s : slabs) {
        const int64_t from = std::max(begin, offset), to = std::min(end, offset + s.size);
        if (from < to) update(s, from - offset, to - offset);
        offset += s.size;
        if (offset >= end) break;
    }
}

// torch::optim keys a parameter's state by its TensorImpl's address: written out as a string
// before LibTorch 2.0, the pointer itself since.
auto stateKey(const torch::Tensor& p) {
#if TORCH_VERSION_MAJOR >= 2
    return static_cast<void*>(p.unsafeGetTensorImpl());
#else
    return c10::guts::to_string(p.unsafeGetTensorImpl());
#endif
}

bool fusable(const torch::Tensor& p, const torch::optim::AdamOptions& options) {
    return !options.amsgrad() && options.weight_decay() == 0 && p.scalar_type() == torch::kFloat &&
           p.is_contiguous() && p.grad().is_contiguous() &&
           p.grad().scalar_type() == torch::kFloat && p.device().is_cpu();
}

}  // namespace

torch::Tensor FusedAdam::step(LossClosure closure) {
    for (const auto& group : param_groups())
        for (const auto& p : group.params())
            if (p.grad().defined() &&
                !fusable(p, static_cast<const torch::optim::AdamOptions&>(group.options())))
                return torch::optim::Adam::step(std::move(closure));
    torch::NoGradGuard noGrad;
    torch::Tensor loss;
    if (closure) {
        torch::AutoGradMode enable(true);
        loss = closure();
    }
    std::vector<Slab> slabs;
    int64_t total = 0;
    for (auto& group : param_groups()) {
        const auto& options = static_cast<const torch::optim::AdamOptions&>(group.options());
        const auto [beta1, beta2] = options.betas();
        for (auto& p : group.params()) {
            if (!p.grad().defined()) continue;
            auto& slot = state_[stateKey(p)];
            if (!slot) {
                auto fresh = std::make_unique<torch::optim::AdamParamState>();
                fresh->step(0);
                fresh->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                fresh->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
                slot = std::move(fresh);
            }
            auto& state = static_cast<torch::optim::AdamParamState&>(*slot);
            state.step(state.step() + 1);
            const double t = static_cast<double>(state.step());
            const double correction1 = 1.0 - std::pow(beta1, t);
            const double correction2 = 1.0 - std::pow(beta2, t);
            slabs.push_back(
                {p.data_ptr<float>(), p.grad().data_ptr<float>(), state.exp_avg().data_ptr<float>(),
                 state.exp_avg_sq().data_ptr<float>(), p.numel(),
                 static_cast<float>(options.lr() / correction1),
                 static_cast<float>(1.0 / std::sqrt(correction2)), static_cast<float>(beta1),
                 static_cast<float>(beta2), static_cast<float>(options.eps())});
            total += p.numel();
        }
    }
    const int threads =
        std::max(1, std::min<int>(configuredThreads(), static_cast<int>(total / 65536)));
    std::vector<std::function<void()>> tasks;
    for (int k = 0; k < threads; ++k)
        tasks.push_back(
            [&, k] { updateRange(slabs, total * k / threads, total * (k + 1) / threads); });
    WorkerPool::shared().run(tasks);
    return loss;
}

}  // namespace dari
