#include "model/search/ensemble.h"

#include <cmath>

namespace dari {

Ensemble::Ensemble(std::vector<Seq2Seq> members, const Batch& sources, int64_t copies)
    : members_(std::move(members)) {
    TORCH_CHECK(!members_.empty(), "an ensemble needs at least one network");
    for (auto& member : members_) {
        const auto encoded = member->encoder(sources.src);
        auto memory = member->decoder->prepare(encoded);
        auto state = member->decoder->initialState(encoded);
        if (copies > 1) {
            const auto rows = torch::arange(sources.src.size(0)).repeat_interleave(copies);
            memory = memory.indexSelect(rows);
            state = state.indexSelect(rows);
        }
        memories_.push_back(std::move(memory));
        states_.push_back(std::move(state));
    }
}

Ensemble::Step Ensemble::step(const torch::Tensor& input) {
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
        result.logProbs = logProbs.front().contiguous();
        if (!weights.empty()) result.weights = weights.front();
        return result;
    }
    const double count = static_cast<double>(members_.size());
    result.logProbs = (torch::stack(logProbs).logsumexp(0) - std::log(count)).contiguous();
    if (!weights.empty()) result.weights = torch::stack(weights).mean(0);
    return result;
}

void Ensemble::reorder(const torch::Tensor& rows) {
    for (auto& state : states_)
        state = state.indexSelect(rows);
}

}  // namespace dari
