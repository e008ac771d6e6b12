#pragma once
// The encoder: embeddings, then a (bi)directional RNN / GRU / LSTM over the
// source, on packed sequences so that padding costs nothing.

#include <torch/torch.h>

#include "model/config.h"
#include "model/shard_random.h"
#include "model/recurrent_cell.h"

namespace dari {

struct EncoderOutput {
    torch::Tensor outputs;  // [B, S, E]: every position's state (return_sequences=True)
    torch::Tensor final;    // [B, E]: the top layer's last state, both directions (return_sequences=False)
    torch::Tensor mask;     // [B, S] bool: true at real (non-padding) positions
};

class EncoderImpl : public torch::nn::Module {
public:
    EncoderImpl(const ModelConfig& config, int64_t vocabSize);

    // src: [B, S] ids, padded with kPadId; lengths: [B] int64 on CPU.
    EncoderOutput forward(const torch::Tensor& src, const torch::Tensor& lengths);

    int64_t outputSize() const { return outputSize_; }
    torch::nn::Embedding embedding{nullptr};

private:
    std::string cell_;
    int64_t outputSize_;
    bool bidirectional_;
    torch::nn::Dropout dropout_{nullptr};  // holds p; applied by drop() with the shard generator
    torch::Tensor drop(const torch::Tensor& x) { return shardDropout(x, dropout_->options.p(), is_training()); }
    torch::nn::RNN rnn_{nullptr};
    torch::nn::GRU gru_{nullptr};
    torch::nn::LSTM lstm_{nullptr};
};
TORCH_MODULE(Encoder);

}  // namespace dari
