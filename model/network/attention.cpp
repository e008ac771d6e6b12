#include "model/network/attention.h"

#include <stdexcept>

#include "model/network/step_linear.h"

namespace dari {

AttentionMemory AttentionMemory::indexSelect(const torch::Tensor& rows) const {
    // Without attention (model.attention none) only the mask is set.
    const auto select = [&](const torch::Tensor& t) {
        return t.defined() ? t.index_select(0, rows) : t;
    };
    return {select(values), select(keys), select(mask)};
}

AttentionImpl::AttentionImpl(const std::string& kind, int64_t querySize, int64_t valueSize,
                             int64_t attentionSize)
    : kind_(kind) {
    using torch::nn::LinearOptions;
    if (kind == "bahdanau") {
        keyLayer_ = register_module(
            "key", torch::nn::Linear(LinearOptions(valueSize, attentionSize).bias(false)));
        queryLayer_ = register_module(
            "query", torch::nn::Linear(LinearOptions(querySize, attentionSize).bias(false)));
        energy_ = register_parameter("energy", torch::empty({attentionSize}).uniform_(-0.1, 0.1));
    } else if (kind == "general") {
        keyLayer_ = register_module(
            "key", torch::nn::Linear(LinearOptions(valueSize, querySize).bias(false)));
    } else if (kind == "dot") {
        if (querySize != valueSize)
            throw std::runtime_error(
                "dot attention needs model.decoder_hidden (" + std::to_string(querySize) +
                ") equal to the encoder output size (" + std::to_string(valueSize) +
                "); use general attention or change the sizes");
    } else {
        throw std::runtime_error("unknown attention '" + kind + "'");
    }
}

AttentionMemory AttentionImpl::prepare(const torch::Tensor& values, const torch::Tensor& mask) {
    return {values, keyLayer_ ? keyLayer_(values) : values, mask};
}

std::pair<torch::Tensor, torch::Tensor> AttentionImpl::forward(const torch::Tensor& query,
                                                               const AttentionMemory& memory) {
    torch::Tensor scores;  // [B, S]
    if (kind_ == "bahdanau") {
        // v . tanh(K + W q): a multiply-and-sum, as a GEMV with one column is slow here.
        scores = (torch::tanh(memory.keys + stepLinear(*queryLayer_, query).unsqueeze(1)) * energy_)
                     .sum(2);
    } else {
        scores = torch::bmm(memory.keys, query.unsqueeze(2)).squeeze(2);
    }
    scores = scores.masked_fill(memory.mask.logical_not(), -1e9);
    const auto weights = torch::softmax(scores, 1);
    // Elementwise rather than bmm: a batch of 1xS by SxE products is slow on CPU.
    const auto context = (weights.unsqueeze(2) * memory.values).sum(1);
    return {context, weights};
}

}  // namespace dari
