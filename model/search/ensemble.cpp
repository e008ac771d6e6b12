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
        const auto encoded = member->encoder(src);
        auto memory = member->decoder->prepare(encoded);
        auto state = member->decoder->initialState(encoded);
        if (copies > 1) {
            const auto rows = torch::arange(src.size(0), src.options()).repeat_interleave(copies);
            memory = memory.indexSelect(rows);
            state = state.indexSelect(rows);
        }
        memories_.push_back(std::move(memory));
        states_.push_back(std::move(state));
    }
}

Ensemble::Step Ensemble::step(const torch::Tensor& cpuInput) {
    const auto input = cpuInput.to(device_);
    std::vector<torch::Tensor> logProbs, weights;
    for (size_t m = 0; m < members_.size(); ++m) {
        auto& decoder = members_[m]->decoder;
        const auto [e, pe] = decoder->embed(input);
        auto out = decoder->step(e, pe, states_[m], memories_[m]);
        logProbs.push_back(decoder->logits(decoder->output(out, e)).log_softmax(1));
        if (out.weights.defined()) weights.push_back(out.weights);
        states_[m] = std::move(out.state);
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
