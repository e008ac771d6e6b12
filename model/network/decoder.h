#pragma once
// The decoder: a stack of recurrent cells that writes the target one piece at
// a time, attending over the encoder's states.
//
//   bahdanau:  c_t = attend(s_{t-1});  s_t = cell([e_t; c_t], s_{t-1});  o_t = tanh(W [s_t; c_t;
//   e_t]) dot/general (Luong, input feeding):
//              s_t = cell([e_t; o_{t-1}], s_{t-1});  c_t = attend(s_t);  o_t = tanh(W [s_t; c_t])
//   none:      s_t = cell(e_t, s_{t-1});  o_t = tanh(W [s_t; e_t])   (sees only the encoder's last
//   state)
// and the next-piece distribution is softmax(V o_t). o_t has the embedding size so
// that V can be tied to the target embeddings.

#include <torch/torch.h>

#include <vector>

#include "model/bundle/config.h"
#include "model/network/attention.h"
#include "model/network/encoder.h"
#include "model/network/recurrent_cell.h"
#include "model/network/shard_random.h"

namespace dari {

struct DecoderState {
    RnnState rnn;        // [L, B, H]
    torch::Tensor feed;  // [B, O]: o_{t-1}, for input feeding (undefined otherwise)

    DecoderState indexSelect(const torch::Tensor& rows) const;
};

struct StepOutput {
    torch::Tensor hidden;   // [B, H]: s_t of the top layer
    torch::Tensor context;  // [B, E]: c_t (undefined without attention)
    torch::Tensor weights;  // [B, S]: attention (undefined without attention)
    torch::Tensor output;   // [B, O]: o_t, only when input feeding needs it in the step
    DecoderState state;
    std::vector<CellGates> gates;  // per layer: the step's gate activations (for inspection)
};

class DecoderImpl : public torch::nn::Module {
public:
    DecoderImpl(const ModelConfig& config, int64_t vocabSize, int64_t encoderSize);

    AttentionMemory prepare(const EncoderOutput& encoded);
    DecoderState initialState(const EncoderOutput& encoded);

    // Target input ids [B, T] -> (embeddings [B, T, Emb], their gate projections [B, T, G*H]).
    std::pair<torch::Tensor, torch::Tensor> embed(const torch::Tensor& ids);

    // One step for embedded inputs e [B, Emb] with projections pe [B, G*H].
    StepOutput step(const torch::Tensor& e, const torch::Tensor& pe, const DecoderState& state,
                    const AttentionMemory& memory);

    // o_t from s_t, c_t and e_t, for any leading dimensions: without input
    // feeding nothing in the recurrence needs o_t, so training computes it for
    // all steps at once after the loop (one large GEMM instead of T small ones).
    torch::Tensor combine(const torch::Tensor& hidden, const torch::Tensor& context,
                          const torch::Tensor& e);
    torch::Tensor output(const StepOutput& step, const torch::Tensor& e) {
        return step.output.defined() ? step.output : combine(step.hidden, step.context, e);
    }

    // Output vectors [.., O] -> logits [.., V].
    torch::Tensor logits(const torch::Tensor& outputs);

    bool hasAttention() const { return !attention_.is_empty(); }

private:
    ModelConfig config_;
    torch::nn::Embedding embedding_{nullptr};
    torch::nn::Dropout dropout_{nullptr};  // holds p; applied by drop() with the shard generator
    torch::Tensor drop(const torch::Tensor& x) {
        return shardDropout(x, dropout_->options.p(), is_training());
    }
    torch::nn::Linear bridge_{nullptr};        // encoder final -> initial decoder state
    torch::nn::Linear inputGates_{nullptr};    // e_t -> first layer's gates (with bias)
    torch::nn::Linear contextGates_{nullptr};  // c_t (bahdanau) or o_{t-1} (feeding) -> gates
    torch::nn::ModuleList upperGates_;         // layer l-1's h -> layer l's gates
    std::vector<RecurrentCell> cells_;
    Attention attention_{nullptr};
    torch::nn::Linear combine_{nullptr};  // -> o_t
    torch::Tensor outputWeight_;          // [V, O]: o_t -> logits (the embeddings, when tied)
    torch::Tensor outputBias_;            // [V]
};
TORCH_MODULE(Decoder);

}  // namespace dari
