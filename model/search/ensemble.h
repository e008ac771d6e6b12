#pragma once
// The networks that decode together: one, or an ensemble of members trained
// with the same vocabularies. Each member reads the source and keeps its own
// decoder state; their next-piece distributions are averaged as probabilities
// (log of the mean, not the mean of the logs), which is what makes an ensemble
// of independently trained networks better than any one of them. Members may be of either
// architecture (recurrent or Transformer): each steps through Seq2Seq's own decoding state.

#include <torch/torch.h>

#include <vector>

#include "data/batch.h"
#include "model/network/seq2seq.h"

namespace dari {

class Ensemble {
public:
    // Decoding state for sources.src's rows repeated `copies` times each
    // (row b*copies + k is copy k of source b: the beams of beam search).
    Ensemble(std::vector<Seq2Seq> members, const Batch& sources, int64_t copies = 1);

    struct Step {
        torch::Tensor logProbs;  // [R, V] contiguous
        torch::Tensor weights;  // [R, S]: the members' mean attention (undefined without attention)
    };
    // Feeds input pieces [R] and advances every member's state by one step. The members
    // run on their device (the first member's); what goes in and comes out is on the CPU.
    Step step(const torch::Tensor& input);

    // Keeps the states of these rows, in this order (beam search's parents).
    void reorder(const torch::Tensor& rows);

private:
    torch::Device device_ = torch::kCPU;
    std::vector<Seq2Seq> members_;
    std::vector<DecodingState> states_;
};

}  // namespace dari
