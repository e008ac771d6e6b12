#pragma once
// The encoder-decoder network, built from a ModelConfig.

#include <torch/torch.h>

#include "model/bundle/config.h"
#include "model/network/decoder.h"
#include "model/network/encoder.h"

namespace dari {

struct ForwardResult {
    torch::Tensor outputs;    // [B, T, O]: o_t before the output layer (teacher forcing only)
    torch::Tensor logits;     // [B, T, V] (undefined if not asked for and outputs are given)
    torch::Tensor attention;  // [B, T, S] (undefined without attention)
    EncoderOutput encoded;
};

class Seq2SeqImpl : public torch::nn::Module {
public:
    Seq2SeqImpl(const ModelConfig& config, int64_t srcVocab, int64_t tgtVocab);

    // Training pass. src [B, S] (padded with kPadId), tgtIn [B, T] (<s> y_1 .. y_{T-1}).
    // teacherForcing < 1 feeds the model's own argmax instead of the gold piece
    // with probability 1 - teacherForcing per position (scheduled sampling).
    ForwardResult forward(const torch::Tensor& src, const torch::Tensor& tgtIn,
                          double teacherForcing = 1.0, bool logits = true);

    int64_t parameterCount() const;
    const ModelConfig& config() const { return config_; }

    Encoder encoder{nullptr};
    Decoder decoder{nullptr};

private:
    ModelConfig config_;
};
TORCH_MODULE(Seq2Seq);

}  // namespace dari
