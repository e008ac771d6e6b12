#include "model/search/ensemble.h"

#include <cmath>

#include "model/device.h"

namespace dari {

Ensemble::Ensemble(std::vector<Seq2Seq> members, const Batch& sources, int64_t copies)
    : members_(std::move(members)) {
    TORCH_CHECK(!members_.empty(), "an ensemble needs at least one network");
    device_ = deviceOf(*members_.front());
    const auto src = sources.src.to(device_);
    for (auto& member : members_) {
        auto state = member->startDecoding(src);
        if (copies > 1) {
            const auto rows = torch::arange(src.size(0), src.options()).repeat_interleave(copies);
            state = state.indexSelect(rows);
        }
        states_.push_back(std::move(state));
    }
}

Ensemble::Step Ensemble::step(const torch::Tensor& cpuInput) {
    const auto input = cpuInput.to(device_);
    std::vector<torch::Tensor> logProbs, weights;
    for (size_t m = 0; m < members_.size(); ++m) {
        const auto out = members_[m]->step(input, states_[m]);
        logProbs.push_back(out.logits.log_softmax(1));
        if (out.weights.defined()) weights.push_back(out.weights);
    }
    Step result;
    if (members_.size() == 1) {
        result.logProbs = logProbs.front();
        if (!weights.empty()) result.weights = weights.front();
    } else {
        const double count = static_cast<double>(members_.size());
        result.logProbs = torch::stack(logProbs).logsumexp(0) - std::log(count);
        if (!weights.empty()) result.weights = torch::stack(weights).mean(0);
    }
    // Search reads them element by element: on the CPU (a no-op there).
    result.logProbs = result.logProbs.to(torch::kCPU).contiguous();
    if (result.weights.defined()) result.weights = result.weights.to(torch::kCPU);
    return result;
}

void Ensemble::reorder(const torch::Tensor& rows) {
    const auto onDevice = rows.to(device_);
    for (auto& state : states_)
        state = state.indexSelect(onDevice);
}

}  // namespace dari
