#pragma once
// Attention over the encoder's states: Bahdanau (additive) and Luong (dot, general).

#include <torch/torch.h>

#include <string>

namespace dari {

// The encoder side of attention, computed once per source batch.
struct AttentionMemory {
    torch::Tensor values;  // [B, S, E] encoder outputs
    torch::Tensor keys;    // [B, S, K] values projected for scoring (once, not every step)
    torch::Tensor mask;    // [B, S] bool, true at real positions

    AttentionMemory indexSelect(const torch::Tensor& rows) const;
};

class AttentionImpl : public torch::nn::Module {
public:
    // kind: bahdanau | dot | general. query: decoder state size; value: encoder output size.
    AttentionImpl(const std::string& kind, int64_t querySize, int64_t valueSize,
                  int64_t attentionSize);

    AttentionMemory prepare(const torch::Tensor& values, const torch::Tensor& mask);

    // query: [B, Q]. Returns (context [B, E], weights [B, S]).
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& query,
                                                    const AttentionMemory& memory);

private:
    std::string kind_;
    torch::nn::Linear keyLayer_{nullptr};    // bahdanau: E -> A; general: E -> Q
    torch::nn::Linear queryLayer_{nullptr};  // bahdanau: Q -> A
    torch::Tensor energy_;                   // bahdanau: v, [A]
};
TORCH_MODULE(Attention);

}  // namespace dari
