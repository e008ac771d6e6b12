#include "model/network/classifier.h"

#include <stdexcept>

namespace dari {

ClassifierImpl::ClassifierImpl(const ModelConfig& config, int64_t vocabSize, int64_t classes)
    : attention_(config.pooling == "attention"), classes_(classes), dropout_(config.dropout) {
    if (classes < 2) throw std::runtime_error("a classifier needs at least 2 classes");
    encoder = register_module("encoder", Encoder(config, vocabSize));
    const int64_t size = encoder->outputSize();
    if (attention_) {
        score_ = register_module("pool_score", torch::nn::Linear(size, size));
        vector_ = register_module("pool_vector",
                                  torch::nn::Linear(torch::nn::LinearOptions(size, 1).bias(false)));
    }
    output_ = register_module("output", torch::nn::Linear(size, classes));
}

torch::Tensor lastPositionWeights(const torch::Tensor& mask) {
    const auto last = mask.sum(1).sub(1).clamp_min(0);  // [B]
    return torch::one_hot(last, mask.size(1)).to(torch::kFloat);
}

torch::Tensor ClassifierImpl::attentionWeights(const torch::Tensor& states,
                                               const torch::Tensor& mask) {
    const auto scores = vector_(torch::tanh(score_(states))).squeeze(2);  // [B, S]
    return torch::softmax(scores.masked_fill(mask.logical_not(), -1e9), 1);
}

torch::Tensor ClassifierImpl::head(const torch::Tensor& pooled) {
    return output_(shardDropout(pooled, dropout_, is_training()));
}

ClassifierOutput ClassifierImpl::classify(const EncoderOutput& enc) {
    // enc: outputs [B, S, E], final [B, E], mask [B, S]
    ClassifierOutput out;
    if (attention_) {
        out.weights = attentionWeights(enc.outputs, enc.mask);                  // [B, S]
        const auto pooled = torch::bmm(out.weights.unsqueeze(1), enc.outputs);  // [B, 1, E]
        out.logits = head(pooled.squeeze(1));
    } else {
        out.weights = lastPositionWeights(enc.mask);
        out.logits = head(enc.final);
    }
    return out;
}

}  // namespace dari
