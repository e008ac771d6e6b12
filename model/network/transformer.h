#pragma once
// The Transformer (Vaswani et al. 2017, "Attention is all you need"): an encoder-decoder in
// which attention replaces recurrence. Each encoder layer lets every source position attend to
// every other, each decoder layer lets a target position attend to the positions before it and
// then to the encoder's output; a position-wise feed-forward block follows each, with a residual
// connection and layer normalisation around every sub-layer (post-norm, as the paper).
//
//   x_0 = sqrt(E) * embedding(piece) + PE(position)          (model/network/positional_encoding.h)
//   encoder: h = LN(x + SelfAttention(x));  x' = LN(h + FF(h))
//   decoder: h = LN(y + CausalSelfAttention(y));  g = LN(h + Attention(h, memory));
//            y' = LN(g + FF(g));  logits = V y' + b  (V: the target embeddings when tied)
//
// Built from LibTorch's own layers, torch::nn::TransformerEncoderLayer and
// TransformerDecoderLayer (their weights, names and initialisation), stacked in ModuleLists.
// The layers are made with dropout 0 and their forward pass is written out here from their
// sub-modules, so that dropout (on the embeddings, each sub-layer's output and the feed-forward's
// inner layer) draws from the shard generator (model/network/shard_random.h) and a data-parallel
// step draws the same masks whatever order its threads run in (LibTorch's Dropout modules draw
// from the one global generator: not reproducible across threads); attention weights get no
// dropout. In eval mode the stack equals the layers' own forward (test_transformer checks it).
//
// Shapes: LibTorch 1.13's layers take sequence-first tensors, [S, B, E]; what comes in and goes
// out of this module is batch-first like the rest of Dari ([B, S] ids, [B, S, E] states), and
// the transposes happen at the layers' door.
//
// Masks, LibTorch's conventions: a key padding mask is bool [B, S], true = ignore that key; the
// causal mask is float [T, T], -inf above the diagonal, added to the attention scores. A query
// whose keys are all ignored would give NaN (softmax over nothing): every source ends in </s>
// and every target starts with <s>, and a row of padding throughout is unmasked (its outputs
// are never read).

#include <torch/torch.h>

#include <vector>

#include "model/bundle/config.h"
#include "model/network/shard_random.h"

namespace dari {

// The encoder's output, which every decoder layer attends to.
struct TransformerMemory {
    torch::Tensor states;   // [B, S, E]: the top encoder layer's output at every position
    torch::Tensor padding;  // [B, S] bool: true at padding (true = ignore, as LibTorch)

    TransformerMemory indexSelect(const torch::Tensor& rows) const;
};

// Incremental decoding of R rows. Causal attention leaves earlier positions' values final, so
// the state keeps what each decoder layer read at the positions so far, and a step computes the
// new position only: its queries attend to those stored inputs (a step costs O(t), not a pass
// over the whole prefix).
struct TransformerState {
    TransformerMemory memory;
    std::vector<torch::Tensor> layerInputs;  // per decoder layer: [t, R, E], positions 0..t-1
    int64_t position = 0;                    // t: the position the next step writes

    TransformerState indexSelect(const torch::Tensor& rows) const;  // along R
};

struct TransformerOutput {
    // Teacher forcing: [B, T, E]; a step: [R, E]. The top decoder layer's output, before the
    // output layer.
    torch::Tensor outputs;
    // Teacher forcing: [B, T, S]; a step: [R, S]. The top decoder layer's attention over the
    // source, the mean of its heads (0 on padding; for the attention heatmap).
    torch::Tensor weights;
};

class TransformerImpl : public torch::nn::Module {
public:
    // embedding_size (d_model), heads, feedforward, encoder_layers, decoder_layers, dropout and
    // tie_embeddings of `config`; the recurrent settings are not read.
    TransformerImpl(const ModelConfig& config, int64_t srcVocab, int64_t tgtVocab);

    // src: [B, S] ids padded with kPadId -> the memory, states [B, S, E].
    TransformerMemory encode(const torch::Tensor& src);
    // Teacher forcing: tgtIn [B, T] (<s> y_1 .. y_{T-1}, padded with kPadId) -> outputs
    // [B, T, E] and weights [B, T, S]; position t sees target positions 0..t only.
    TransformerOutput decode(const torch::Tensor& tgtIn, const TransformerMemory& memory);

    // Decoding: the state before the first step, for memory's rows.
    TransformerState startDecoding(const TransformerMemory& memory) const;
    // One step: input ids [R] at position state.position -> outputs [R, E], weights [R, S];
    // advances the state. Equals decode()'s position t for the same prefix.
    TransformerOutput step(const torch::Tensor& input, TransformerState& state);

    // Output vectors [.., E] -> logits [.., V].
    torch::Tensor logits(const torch::Tensor& outputs);

    int64_t size() const { return size_; }
    torch::nn::ModuleList encoderLayers;  // TransformerEncoderLayer each
    torch::nn::ModuleList decoderLayers;  // TransformerDecoderLayer each

private:
    int64_t size_;  // d_model
    double dropout_;
    torch::nn::Embedding srcEmbedding_{nullptr};
    torch::nn::Embedding tgtEmbedding_{nullptr};
    torch::Tensor outputWeight_;  // [V, E] (the target embeddings, when tied)
    torch::Tensor outputBias_;    // [V]

    torch::Tensor drop(const torch::Tensor& x) { return shardDropout(x, dropout_, is_training()); }
    // ids [B, L] at positions first.. -> sqrt(E) * embedding + PE, sequence-first [L, B, E].
    torch::Tensor embed(torch::nn::Embedding& embedding, const torch::Tensor& ids, int64_t first);
    // One encoder layer: x [S, B, E], padding [B, S] -> [S, B, E].
    torch::Tensor encoderLayer(torch::nn::TransformerEncoderLayerImpl& layer,
                               const torch::Tensor& x, const torch::Tensor& padding);
    // One decoder layer for queries [Tq, B, E] over keys [Tk, B, E] (what the layer read at the
    // positions the queries may see: the queries themselves when teacher forcing, with `causal`
    // [Tq, Tk] and keyPadding [B, Tk]; the stored inputs when stepping, without masks), and
    // memory [S, B, E] with memoryPadding [B, S] -> [Tq, B, E]. `weights`, when given, receives
    // the encoder-decoder attention [B, Tq, S].
    torch::Tensor decoderLayer(torch::nn::TransformerDecoderLayerImpl& layer,
                               const torch::Tensor& query, const torch::Tensor& keys,
                               const torch::Tensor& causal, const torch::Tensor& keyPadding,
                               const torch::Tensor& memory, const torch::Tensor& memoryPadding,
                               torch::Tensor* weights);
};
TORCH_MODULE(Transformer);

// The key padding mask of ids [B, S]: true at kPadId, except in a row of padding throughout
// (which would otherwise attend to nothing and give NaN).
torch::Tensor paddingMask(const torch::Tensor& ids);
// The causal mask for T positions: [T, T] float, 0 on and below the diagonal, -inf above.
torch::Tensor causalMask(int64_t length, const torch::TensorOptions& options);

}  // namespace dari
