#include "model/network/encoder.h"

#include "data/vocabulary.h"
#include "model/network/shard_random.h"
#include "model/network/step_linear.h"

namespace dari {

namespace {

DirectionTrace* newTrace(std::vector<DirectionTrace>* traces) {
    if (!traces) return nullptr;
    traces->emplace_back();
    return &traces->back();
}

}  // namespace

EncoderImpl::EncoderImpl(const ModelConfig& config, int64_t vocabSize)
    : cell_(config.cell),
      outputSize_(config.encoderHidden * (config.bidirectional ? 2 : 1)),
      bidirectional_(config.bidirectional),
      layers_(config.encoderLayers),
      betweenLayers_(config.encoderLayers > 1 ? config.dropout : 0.0) {
    embedding = register_module(
        "embedding",
        torch::nn::Embedding(
            torch::nn::EmbeddingOptions(vocabSize, config.embeddingSize).padding_idx(kPadId)));
    dropout_ = register_module("dropout", torch::nn::Dropout(config.dropout));
    const auto size = config.embeddingSize, hidden = config.encoderHidden;
    const auto layers = config.encoderLayers;
    const bool bi = config.bidirectional;
    if (cell_ == "gru")
        rnn_ = register_module("rnn", torch::nn::GRU(torch::nn::GRUOptions(size, hidden)
                                                         .num_layers(layers)
                                                         .bidirectional(bi)
                                                         .batch_first(true)));
    else if (cell_ == "lstm")
        rnn_ = register_module("rnn", torch::nn::LSTM(torch::nn::LSTMOptions(size, hidden)
                                                          .num_layers(layers)
                                                          .bidirectional(bi)
                                                          .batch_first(true)));
    else
        rnn_ = register_module("rnn", torch::nn::RNN(torch::nn::RNNOptions(size, hidden)
                                                         .num_layers(layers)
                                                         .bidirectional(bi)
                                                         .batch_first(true)));
}

EncoderImpl::LayerWeights EncoderImpl::weights(int layer, bool reverse) const {
    const std::string suffix = "_l" + std::to_string(layer) + (reverse ? "_reverse" : "");
    const auto params = rnn_->named_parameters(/*recurse=*/false);
    return {params["weight_ih" + suffix], params["bias_ih" + suffix], params["weight_hh" + suffix],
            params["bias_hh" + suffix]};
}

std::pair<torch::Tensor, torch::Tensor> EncoderImpl::step(int layer, bool reverse,
                                                          const torch::Tensor& x,
                                                          const torch::Tensor& h,
                                                          const torch::Tensor& c) {
    const auto w = weights(layer, reverse);
    namespace F = torch::nn::functional;
    return cellUpdate(cell_, F::linear(x, w.ih, w.bIh), F::linear(h, w.hh, w.bHh), h, c);
}

std::vector<torch::Tensor> EncoderImpl::run(const torch::Tensor& x, const torch::Tensor& mask,
                                            int layer, bool reverse, DirectionTrace* trace) {
    const auto w = weights(layer, reverse);
    const auto gatesX = torch::nn::functional::linear(x, w.ih, w.bIh).unbind(1);
    const auto steps = mask.size(1), hidden = w.hh.size(1);
    auto h = torch::zeros({x.size(0), hidden}, x.options());
    auto c = cell_ == "lstm" ? torch::zeros_like(h) : torch::Tensor();
    const auto real = mask.unsqueeze(2).unbind(1);  // S x [B, 1]
    std::vector<torch::Tensor> states(steps);
    if (trace) {
        trace->layer = layer;
        trace->reverse = reverse;
        trace->input = x;
        trace->gates.resize(steps);
        if (c.defined()) trace->c.resize(steps);
    }
    for (int64_t i = 0; i < steps; ++i) {
        const int64_t t = reverse ? steps - 1 - i : i;
        const auto gates = cellGates(cell_, gatesX[t], stepLinear(h, w.hh, w.bHh));
        auto [hNext, cNext] = cellStep(gates, h, c);
        // Past the end: keep the state (the backward direction starts at the last real piece).
        h = torch::where(real[t], hNext, h);
        if (c.defined()) c = torch::where(real[t], cNext, c);
        states[t] = h;
        if (trace) {
            trace->gates[t] = gates;
            if (c.defined()) trace->c[t] = c;
        }
    }
    if (trace) trace->h = states;
    return states;
}

EncoderOutput EncoderImpl::encode(const torch::Tensor& src, std::vector<DirectionTrace>* traces) {
    StepLinearScope stepLoop;
    EncoderOutput out;
    out.mask = src.ne(kPadId);
    const auto real = out.mask.unsqueeze(2).to(torch::kFloat);
    auto x = drop(embedding(src));
    torch::Tensor finalForward, finalBackward;
    for (int layer = 0; layer < layers_; ++layer) {
        if (layer > 0) x = shardDropout(x, betweenLayers_, is_training());
        auto forwardStates = run(x, out.mask, layer, false, newTrace(traces));
        finalForward = forwardStates.back();
        auto outputs = torch::stack(forwardStates, 1);
        if (bidirectional_) {
            const auto backwardStates = run(x, out.mask, layer, true, newTrace(traces));
            finalBackward = backwardStates.front();
            outputs = torch::cat({outputs, torch::stack(backwardStates, 1)}, 2);
        }
        x = outputs * real;  // zeros past each sentence's end
        if (layer + 1 == layers_) out.forwardStates = std::move(forwardStates);
    }
    out.outputs = drop(x);
    out.final = bidirectional_ ? torch::cat({finalForward, finalBackward}, 1) : finalForward;
    return out;
}

}  // namespace dari
