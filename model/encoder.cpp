#include "model/encoder.h"

#include "data/vocabulary.h"
#include "model/shard_random.h"

namespace dari {

namespace rnn_utils = torch::nn::utils::rnn;

EncoderImpl::EncoderImpl(const ModelConfig& config, int64_t vocabSize)
    : cell_(config.cell),
      outputSize_(config.encoderHidden * (config.bidirectional ? 2 : 1)),
      bidirectional_(config.bidirectional) {
    embedding = register_module(
        "embedding", torch::nn::Embedding(torch::nn::EmbeddingOptions(vocabSize, config.embeddingSize)
                                              .padding_idx(kPadId)));
    dropout_ = register_module("dropout", torch::nn::Dropout(config.dropout));
    const double between = config.encoderLayers > 1 ? config.dropout : 0.0;
    if (cell_ == "gru") {
        gru_ = register_module("rnn", torch::nn::GRU(torch::nn::GRUOptions(config.embeddingSize, config.encoderHidden)
                                                          .num_layers(config.encoderLayers)
                                                          .bidirectional(config.bidirectional)
                                                          .batch_first(true)
                                                          .dropout(between)));
    } else if (cell_ == "lstm") {
        lstm_ = register_module("rnn", torch::nn::LSTM(torch::nn::LSTMOptions(config.embeddingSize, config.encoderHidden)
                                                            .num_layers(config.encoderLayers)
                                                            .bidirectional(config.bidirectional)
                                                            .batch_first(true)
                                                            .dropout(between)));
    } else {
        rnn_ = register_module("rnn", torch::nn::RNN(torch::nn::RNNOptions(config.embeddingSize, config.encoderHidden)
                                                          .num_layers(config.encoderLayers)
                                                          .bidirectional(config.bidirectional)
                                                          .batch_first(true)
                                                          .dropout(between)));
    }
}

EncoderOutput EncoderImpl::forward(const torch::Tensor& src, const torch::Tensor& lengths) {
    const auto embedded = drop(embedding(src));
    const auto packed = rnn_utils::pack_padded_sequence(embedded, lengths, /*batch_first=*/true,
                                                        /*enforce_sorted=*/false);
    torch::Tensor hidden;  // [layers * directions, B, H]
    auto packedOut = [&] {
        if (gru_) {
            auto [seq, h] = gru_->forward_with_packed_input(packed);
            hidden = h;
            return seq;
        }
        if (lstm_) {
            auto [seq, state] = lstm_->forward_with_packed_input(packed);
            hidden = std::get<0>(state);
            return seq;
        }
        auto [seq, h] = rnn_->forward_with_packed_input(packed);
        hidden = h;
        return seq;
    }();
    auto outputs = std::get<0>(rnn_utils::pad_packed_sequence(packedOut, /*batch_first=*/true,
                                                               /*padding_value=*/0.0, src.size(1)));
    // The last layer's final states: forward direction, then backward.
    const auto directions = bidirectional_ ? 2 : 1;
    const auto top = hidden.slice(0, hidden.size(0) - directions);
    auto final = top.transpose(0, 1).reshape({src.size(0), outputSize_});
    const auto mask = src.ne(kPadId);
    return {drop(outputs), final, mask};
}

}  // namespace dari
