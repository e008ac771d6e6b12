#include "model/network/decoder.h"

#include "data/vocabulary.h"
#include "model/network/shard_random.h"
#include "model/network/step_linear.h"

namespace dari {

using torch::nn::Linear;
using torch::nn::LinearOptions;

DecoderState DecoderState::indexSelect(const torch::Tensor& rows) const {
    return {rnn.indexSelect(rows), feed.defined() ? feed.index_select(0, rows) : torch::Tensor()};
}

DecoderImpl::DecoderImpl(const ModelConfig& config, int64_t vocabSize, int64_t encoderSize)
    : config_(config) {
    const int64_t emb = config.embeddingSize, hidden = config.decoderHidden;
    const int64_t gates = gateCount(config.cell) * hidden;
    const bool bahdanau = config.attention == "bahdanau";
    const bool feeding =
        (config.attention == "dot" || config.attention == "general") && config.inputFeeding;
    embedding_ = register_module(
        "embedding",
        torch::nn::Embedding(torch::nn::EmbeddingOptions(vocabSize, emb).padding_idx(kPadId)));
    dropout_ = register_module("dropout", torch::nn::Dropout(config.dropout));
    bridge_ = register_module("bridge", Linear(encoderSize, hidden));
    inputGates_ = register_module("input_gates", Linear(emb, gates));
    if (bahdanau)
        contextGates_ =
            register_module("context_gates", Linear(LinearOptions(encoderSize, gates).bias(false)));
    else if (feeding)
        contextGates_ =
            register_module("context_gates", Linear(LinearOptions(emb, gates).bias(false)));
    upperGates_ = register_module("upper_gates", torch::nn::ModuleList());
    for (int l = 0; l < config.decoderLayers; ++l) {
        cells_.push_back(
            register_module("cell" + std::to_string(l), RecurrentCell(config.cell, hidden)));
        if (l > 0) upperGates_->push_back(Linear(hidden, gates));
    }
    int64_t combined = hidden;
    if (config.attention != "none") {
        attention_ = register_module(
            "attention", Attention(config.attention, hidden, encoderSize, config.attentionSize));
        combined += encoderSize;
    }
    if (config.attention == "none" || bahdanau) combined += emb;
    combine_ = register_module("combine", Linear(combined, emb));
    if (config.tieEmbeddings) {
        if (config.tiedInit == "output") {
            // Torch's N(0, 1) embeddings as the output layer give logits of std ~sqrt(E) at
            // the start: a saturated softmax the first epochs are spent undoing.
            torch::NoGradGuard noGrad;
            embedding_->weight.normal_(0.0, 1.0 / std::sqrt(static_cast<double>(emb)));
            embedding_->weight[kPadId].zero_();
        }
        outputWeight_ = embedding_->weight;
    } else {
        const double bound = 1.0 / std::sqrt(static_cast<double>(emb));
        outputWeight_ = register_parameter("output_weight",
                                           torch::empty({vocabSize, emb}).uniform_(-bound, bound));
    }
    outputBias_ = register_parameter("output_bias", torch::zeros({vocabSize}));
}

AttentionMemory DecoderImpl::prepare(const EncoderOutput& encoded) {
    if (!hasAttention()) return {torch::Tensor(), torch::Tensor(), encoded.mask};
    return attention_->prepare(encoded.outputs, encoded.mask);
}

DecoderState DecoderImpl::initialState(const EncoderOutput& encoded) {
    const auto h0 = torch::tanh(bridge_(encoded.final));  // [B, H]
    DecoderState state;
    state.rnn.h = h0.unsqueeze(0).expand({config_.decoderLayers, -1, -1}).contiguous();
    if (config_.cell == "lstm") state.rnn.c = torch::zeros_like(state.rnn.h);
    if (contextGates_ && config_.attention != "bahdanau")
        state.feed = torch::zeros({h0.size(0), config_.embeddingSize}, h0.options());
    return state;
}

std::pair<torch::Tensor, torch::Tensor> DecoderImpl::embed(const torch::Tensor& ids) {
    const auto e = drop(embedding_(ids));
    return {e, inputGates_(e)};
}

StepOutput DecoderImpl::step(const torch::Tensor& e, const torch::Tensor& pe,
                             const DecoderState& state, const AttentionMemory& memory) {
    const bool bahdanau = config_.attention == "bahdanau";
    torch::Tensor context, weights;
    auto gates = pe;
    if (bahdanau) {
        std::tie(context, weights) = attention_(state.rnn.h[-1], memory);
        gates = gates + stepLinear(*contextGates_, context);
    } else if (state.feed.defined()) {
        gates = gates + stepLinear(*contextGates_, state.feed);
    }
    const bool lstm = state.rnn.c.defined();
    StepOutput out;
    std::vector<torch::Tensor> hs, cs;
    torch::Tensor below;
    for (size_t l = 0; l < cells_.size(); ++l) {
        if (l > 0) gates = stepLinear(*upperGates_[l - 1]->as<torch::nn::Linear>(), drop(below));
        auto layerGates = cells_[l]->gates(gates, state.rnn.h[l]);
        auto [h, c] = cellStep(layerGates, state.rnn.h[l], lstm ? state.rnn.c[l] : torch::Tensor());
        out.gates.push_back(std::move(layerGates));
        hs.push_back(h);
        if (lstm) cs.push_back(c);
        below = h;
    }
    out.state.rnn.h = torch::stack(hs);
    if (lstm) out.state.rnn.c = torch::stack(cs);
    if (hasAttention() && !bahdanau) std::tie(context, weights) = attention_(below, memory);
    out.hidden = below;
    out.context = context;
    out.weights = weights;
    if (state.feed.defined()) {
        out.output = combine(below, context, e);
        out.state.feed = out.output;
    }
    return out;
}

torch::Tensor DecoderImpl::combine(const torch::Tensor& hidden, const torch::Tensor& context,
                                   const torch::Tensor& e) {
    std::vector<torch::Tensor> parts{hidden};
    if (context.defined()) parts.push_back(context);
    if (config_.attention == "none" || config_.attention == "bahdanau") parts.push_back(e);
    return torch::tanh(combine_(torch::cat(parts, -1)));
}

torch::Tensor DecoderImpl::logits(const torch::Tensor& outputs) {
    return torch::nn::functional::linear(drop(outputs), outputWeight_, outputBias_);
}

}  // namespace dari
