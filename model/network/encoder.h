#pragma once
// The encoder: embeddings, then a (bi)directional RNN / GRU / LSTM over the source.
//
// The weights are those of torch::nn::GRU / LSTM / RNN (same names, so bundles
// keep their layout), but the recurrence is written out: the input projections
// of every position are one GEMM per layer and direction, the recurrent weight's
// gradient is one GEMM per sequence (stepLinear), and the states of every
// position are kept, so that the gradient reaching each one can be measured
// (the vanishing gradient of the notes). A position past a sentence's end
// leaves the state unchanged and outputs zeros, as packed sequences would.

#include <torch/torch.h>

#include "model/bundle/config.h"
#include "model/network/recurrent_cell.h"
#include "model/network/shard_random.h"

namespace dari {

struct EncoderOutput {
    torch::Tensor outputs;  // [B, S, E]: every position's state (return_sequences=True)
    torch::Tensor
        final;  // [B, E]: the top layer's last state, both directions (return_sequences=False)
    torch::Tensor mask;                        // [B, S] bool: true at real (non-padding) positions
    std::vector<torch::Tensor> forwardStates;  // S x [B, H]: the top layer's forward-direction h_t
};

// One layer and direction of the recurrence as it ran, kept for inspection (model/inspect).
// Index t is source position t, whichever way the direction reads.
struct DirectionTrace {
    int layer = 0;
    bool reverse = false;
    torch::Tensor input;              // [B, S, In]: what the layer read
    std::vector<torch::Tensor> h, c;  // S x [B, H]: the states (c: LSTM only)
    std::vector<CellGates> gates;     // S: the gate activations
};

class EncoderImpl : public torch::nn::Module {
public:
    EncoderImpl(const ModelConfig& config, int64_t vocabSize);

    // src: [B, S] ids, padded with kPadId (the padding mask carries the lengths).
    EncoderOutput forward(const torch::Tensor& src) { return encode(src, nullptr); }
    // forward(), also keeping every layer's and direction's trace (layer by layer, the forward
    // direction first).
    EncoderOutput trace(const torch::Tensor& src, std::vector<DirectionTrace>& traces) {
        return encode(src, &traces);
    }
    // One step of a layer and direction, as the recurrence takes it: x [B, In], h, c [B, H]
    // (c undefined unless LSTM) -> the new (h, c).
    std::pair<torch::Tensor, torch::Tensor> step(int layer, bool reverse, const torch::Tensor& x,
                                                 const torch::Tensor& h, const torch::Tensor& c);

    int64_t outputSize() const { return outputSize_; }
    torch::nn::Embedding embedding{nullptr};

private:
    std::string cell_;
    int64_t outputSize_;
    bool bidirectional_;
    torch::nn::Dropout dropout_{nullptr};  // holds p; applied by drop() with the shard generator
    torch::Tensor drop(const torch::Tensor& x) {
        return shardDropout(x, dropout_->options.p(), is_training());
    }
    int64_t layers_;
    double betweenLayers_;  // dropout between stacked layers
    std::shared_ptr<torch::nn::Module>
        rnn_;  // holds the weights: weight_ih_l0, weight_hh_l0_reverse, ...

    struct LayerWeights {
        torch::Tensor ih, bIh, hh, bHh;  // weight_ih_l<layer>[_reverse], ...
    };
    LayerWeights weights(int layer, bool reverse) const;
    EncoderOutput encode(const torch::Tensor& src, std::vector<DirectionTrace>* traces);
    // One direction of one layer over x [B, S, In]; returns S x [B, H] states (and fills
    // `trace` when given).
    std::vector<torch::Tensor> run(const torch::Tensor& x, const torch::Tensor& mask, int layer,
                                   bool reverse, DirectionTrace* trace);
};
TORCH_MODULE(Encoder);

}  // namespace dari
