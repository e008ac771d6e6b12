#pragma once
// The encoder-decoder network, built from a ModelConfig: the recurrent encoder and decoder
// (model.architecture: recurrent), or a Transformer (transformer). Training, loss, search and
// ensembles go through this class and need not know which.

#include <torch/torch.h>

#include "model/bundle/config.h"
#include "model/network/decoder.h"
#include "model/network/encoder.h"
#include "model/network/transformer.h"

namespace dari {

struct ForwardResult {
    torch::Tensor outputs;    // [B, T, O]: o_t before the output layer (teacher forcing only)
    torch::Tensor logits;     // [B, T, V] (undefined if not asked for and outputs are given)
    torch::Tensor attention;  // [B, T, S] (undefined without attention; Transformer: the top
                              // decoder layer's attention over the source, mean of its heads)
    EncoderOutput encoded;    // Transformer: outputs [B, S, E] and mask only
};

// One network's decoding state for R rows (the members of an Ensemble each keep their own).
struct DecodingState {
    AttentionMemory memory;        // recurrent
    DecoderState recurrent;        // recurrent
    TransformerState transformer;  // transformer

    DecodingState indexSelect(const torch::Tensor& rows) const;  // along R
};

struct DecodingStep {
    torch::Tensor logits;   // [R, V]
    torch::Tensor weights;  // [R, S]: attention over the source (undefined without attention)
};

class Seq2SeqImpl : public torch::nn::Module {
public:
    Seq2SeqImpl(const ModelConfig& config, int64_t srcVocab, int64_t tgtVocab);

    // Training pass. src [B, S] (padded with kPadId), tgtIn [B, T] (<s> y_1 .. y_{T-1}).
    // teacherForcing < 1 feeds the model's own argmax instead of the gold piece
    // with probability 1 - teacherForcing per position (scheduled sampling; recurrent only,
    // config validation refuses it for a Transformer).
    ForwardResult forward(const torch::Tensor& src, const torch::Tensor& tgtIn,
                          double teacherForcing = 1.0, bool logits = true);
    // Output vectors [.., O] (ForwardResult::outputs) -> logits [.., V].
    torch::Tensor logits(const torch::Tensor& outputs);

    // Decoding: the state for src [B, S]'s rows before the first step ...
    DecodingState startDecoding(const torch::Tensor& src);
    // ... and one step: input pieces [R] -> next-piece logits [R, V]; advances `state`.
    DecodingStep step(const torch::Tensor& input, DecodingState& state);

    int64_t parameterCount() const;
    const ModelConfig& config() const { return config_; }
    bool isTransformer() const { return !transformer.is_empty(); }

    Encoder encoder{nullptr};          // recurrent only
    Decoder decoder{nullptr};          // recurrent only
    Transformer transformer{nullptr};  // transformer only

private:
    ModelConfig config_;
};
TORCH_MODULE(Seq2Seq);

}  // namespace dari
