#pragma once
// Many-to-one classification (the notes' 감성 분류): the encoder reads a sentence, a pooling
// turns its states into one vector, and a linear layer scores each class.
//
// Pooling (model.pooling):
//   last       the encoder's final state (return_sequences=False): the forward direction's
//              state at the last real position, the backward direction's at the first
//   attention  a learned weighted mean of every state (return_sequences=True):
//              score_t = v · tanh(W h_t), softmax over the real positions

#include <torch/torch.h>

#include "model/bundle/config.h"
#include "model/network/encoder.h"

namespace dari {

struct ClassifierOutput {
    torch::Tensor logits;   // [B, C]
    torch::Tensor weights;  // [B, S]: what each position counts in the pooled vector (rows sum
                            // to 1, 0 on padding); `last`: 1 at each sentence's last real position
};

class ClassifierImpl : public torch::nn::Module {
public:
    ClassifierImpl(const ModelConfig& config, int64_t vocabSize, int64_t classes);

    // src: [B, S] ids padded with kPadId -> logits [B, C], pooling weights [B, S].
    ClassifierOutput forward(const torch::Tensor& src) { return classify(encoder(src)); }
    // The pooling and the head over the encoder's output (Learn mode passes Encoder::trace's).
    ClassifierOutput classify(const EncoderOutput& encoded);
    // The classification head alone: pooled [B, E] -> logits [B, C] (dropout while training).
    torch::Tensor head(const torch::Tensor& pooled);

    int64_t classes() const { return classes_; }
    bool attentionPooling() const { return attention_; }
    Encoder encoder{nullptr};

private:
    bool attention_;
    int64_t classes_;
    double dropout_;
    torch::nn::Linear score_{nullptr};   // W: [E] -> [E] (attention only)
    torch::nn::Linear vector_{nullptr};  // v: [E] -> [1] (attention only)
    torch::nn::Linear output_{nullptr};  // [E] -> [C]

    // Attention pooling: states [B, S, E], mask [B, S] -> weights [B, S].
    torch::Tensor attentionWeights(const torch::Tensor& states, const torch::Tensor& mask);
};
TORCH_MODULE(Classifier);

// Indicator of each row's last real position: mask [B, S] bool -> [B, S] float.
torch::Tensor lastPositionWeights(const torch::Tensor& mask);

}  // namespace dari
