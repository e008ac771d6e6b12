#include "model/network/transformer.h"

#include <cmath>
#include <limits>

#include "data/vocabulary.h"
#include "model/network/positional_encoding.h"

namespace dari {

using torch::nn::TransformerDecoderLayerImpl;
using torch::nn::TransformerEncoderLayerImpl;

TransformerMemory TransformerMemory::indexSelect(const torch::Tensor& rows) const {
    return {states.index_select(0, rows), padding.index_select(0, rows)};
}

TransformerState TransformerState::indexSelect(const torch::Tensor& rows) const {
    TransformerState out{memory.indexSelect(rows), {}, position};
    for (const auto& inputs : layerInputs)
        out.layerInputs.push_back(inputs.defined() ? inputs.index_select(1, rows) : inputs);
    return out;
}

torch::Tensor paddingMask(const torch::Tensor& ids) {
    const auto padding = ids.eq(kPadId);
    return padding.logical_and(padding.all(1, /*keepdim=*/true).logical_not());
}

torch::Tensor causalMask(int64_t length, const torch::TensorOptions& options) {
    return torch::full({length, length}, -std::numeric_limits<float>::infinity(), options).triu(1);
}

TransformerImpl::TransformerImpl(const ModelConfig& config, int64_t srcVocab, int64_t tgtVocab)
    : size_(config.embeddingSize), dropout_(config.dropout) {
    TORCH_CHECK(config.heads >= 1 && size_ % config.heads == 0, "model.heads (", config.heads,
                ") must divide model.embedding_size (", size_, ")");
    // N(0, 1/sqrt(E)): scaled by sqrt(E) the embeddings are N(0, 1), the positions' scale, and
    // tied to the output layer they give logits of about unit size.
    const double spread = 1.0 / std::sqrt(static_cast<double>(size_));
    const auto embedding = [&](const char* name, int64_t vocab) {
        auto e = register_module(
            name,
            torch::nn::Embedding(torch::nn::EmbeddingOptions(vocab, size_).padding_idx(kPadId)));
        torch::NoGradGuard noGrad;
        e->weight.normal_(0.0, spread);
        e->weight[kPadId].zero_();
        return e;
    };
    srcEmbedding_ = embedding("src_embedding", srcVocab);
    tgtEmbedding_ = embedding("tgt_embedding", tgtVocab);
    // Dropout 0 inside the layers: drop() applies it where they would (see the header).
    encoderLayers = register_module("encoder_layers", torch::nn::ModuleList());
    for (int l = 0; l < config.encoderLayers; ++l)
        encoderLayers->push_back(torch::nn::TransformerEncoderLayer(
            torch::nn::TransformerEncoderLayerOptions(size_, config.heads)
                .dim_feedforward(config.feedforward)
                .dropout(0.0)));
    decoderLayers = register_module("decoder_layers", torch::nn::ModuleList());
    for (int l = 0; l < config.decoderLayers; ++l)
        decoderLayers->push_back(torch::nn::TransformerDecoderLayer(
            torch::nn::TransformerDecoderLayerOptions(size_, config.heads)
                .dim_feedforward(config.feedforward)
                .dropout(0.0)));
    if (config.tieEmbeddings) {
        outputWeight_ = tgtEmbedding_->weight;
    } else {
        outputWeight_ = register_parameter(
            "output_weight", torch::empty({tgtVocab, size_}).uniform_(-spread, spread));
    }
    outputBias_ = register_parameter("output_bias", torch::zeros({tgtVocab}));
}

torch::Tensor TransformerImpl::embed(torch::nn::Embedding& embedding, const torch::Tensor& ids,
                                     int64_t first) {
    const auto e = embedding(ids.t()) * std::sqrt(static_cast<double>(size_));  // [L, B, E]
    const auto positions = sinusoidalPositions(first, ids.size(1), size_, e.options());
    return drop(e + positions.unsqueeze(1));
}

torch::Tensor TransformerImpl::encoderLayer(TransformerEncoderLayerImpl& layer,
                                            const torch::Tensor& x, const torch::Tensor& padding) {
    const auto attended = std::get<0>(layer.self_attn(x, x, x, padding, /*need_weights=*/false));
    const auto h = layer.norm1(x + drop(attended));
    return layer.norm2(h + drop(layer.linear2(drop(torch::relu(layer.linear1(h))))));
}

torch::Tensor TransformerImpl::decoderLayer(
    TransformerDecoderLayerImpl& layer, const torch::Tensor& query, const torch::Tensor& keys,
    const torch::Tensor& causal, const torch::Tensor& keyPadding, const torch::Tensor& memory,
    const torch::Tensor& memoryPadding, torch::Tensor* weights) {
    const auto self =
        std::get<0>(layer.self_attn(query, keys, keys, keyPadding, /*need_weights=*/false, causal));
    auto h = layer.norm1(query + drop(self));
    auto [context, attention] =
        layer.multihead_attn(h, memory, memory, memoryPadding, /*need_weights=*/weights != nullptr);
    if (weights) *weights = attention;  // [B, Tq, S], the mean over heads
    h = layer.norm2(h + drop(context));
    return layer.norm3(h + drop(layer.linear2(drop(torch::relu(layer.linear1(h))))));
}

TransformerMemory TransformerImpl::encode(const torch::Tensor& src) {
    TransformerMemory out;
    out.padding = paddingMask(src);         // [B, S]
    auto x = embed(srcEmbedding_, src, 0);  // [S, B, E]
    for (const auto& layer : *encoderLayers)
        x = encoderLayer(*layer->as<TransformerEncoderLayerImpl>(), x, out.padding);
    out.states = x.transpose(0, 1);  // [B, S, E]
    return out;
}

TransformerOutput TransformerImpl::decode(const torch::Tensor& tgtIn,
                                          const TransformerMemory& memory) {
    const auto memoryStates = memory.states.transpose(0, 1);  // [S, B, E]
    auto y = embed(tgtEmbedding_, tgtIn, 0);                  // [T, B, E]
    const auto causal = causalMask(tgtIn.size(1), y.options());
    const auto padding = paddingMask(tgtIn);  // [B, T]
    TransformerOutput out;
    const size_t layers = decoderLayers->size();
    for (size_t l = 0; l < layers; ++l)
        y = decoderLayer(*decoderLayers[l]->as<TransformerDecoderLayerImpl>(), y, y, causal,
                         padding, memoryStates, memory.padding,
                         l + 1 == layers ? &out.weights : nullptr);
    out.outputs = y.transpose(0, 1);  // [B, T, E]
    return out;
}

TransformerState TransformerImpl::startDecoding(const TransformerMemory& memory) const {
    TransformerState state;
    state.memory = memory;
    state.layerInputs.resize(decoderLayers->size());
    return state;
}

TransformerOutput TransformerImpl::step(const torch::Tensor& input, TransformerState& state) {
    const auto memoryStates = state.memory.states.transpose(0, 1);      // [S, R, E]
    auto y = embed(tgtEmbedding_, input.unsqueeze(1), state.position);  // [1, R, E]
    TransformerOutput out;
    const size_t layers = decoderLayers->size();
    for (size_t l = 0; l < layers; ++l) {
        auto& seen = state.layerInputs[l];
        seen = seen.defined() ? torch::cat({seen, y}) : y;  // [t + 1, R, E]
        y = decoderLayer(*decoderLayers[l]->as<TransformerDecoderLayerImpl>(), y, seen, {}, {},
                         memoryStates, state.memory.padding,
                         l + 1 == layers ? &out.weights : nullptr);
    }
    ++state.position;
    out.outputs = y[0];                      // [R, E]
    out.weights = out.weights.select(1, 0);  // [R, S]
    return out;
}

torch::Tensor TransformerImpl::logits(const torch::Tensor& outputs) {
    return torch::nn::functional::linear(outputs, outputWeight_, outputBias_);
}

}  // namespace dari
