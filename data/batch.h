#pragma once
// Turning encoded sentence pairs into padded tensors, bucketed by length.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace dari {

struct Example {
    std::vector<int64_t> src;  // source pieces (without </s>)
    std::vector<int64_t> tgt;  // target pieces (without <s>, </s>)
};

struct Batch {
    torch::Tensor src;            // [B, S] source + </s>, padded with kPadId
    torch::Tensor lengths;        // [B] int64, CPU
    torch::Tensor tgtIn;          // [B, T] <s> + target
    torch::Tensor tgtOut;         // [B, T] target + </s>, padded with kPadId
    int64_t targetTokens = 0;     // non-padding tokens of tgtOut
    std::vector<size_t> indices;  // positions in the example list
};

Batch makeBatch(const std::vector<Example>& examples, const std::vector<size_t>& indices);
// Source side only, for decoding.
Batch makeSourceBatch(const std::vector<std::vector<int64_t>>& sources);

// Groups examples of similar length into batches of at most `sentences` pairs
// (or, if tokens > 0, at most `tokens` padded source+target tokens) and shuffles
// the batch order. The same seed gives the same batches on every machine.
std::vector<std::vector<size_t>> bucketBatches(const std::vector<Example>& examples, int sentences,
                                               int tokens, uint64_t seed);
// The same over some of the examples, an index as often as it is listed (data/corpus_mix.h).
std::vector<std::vector<size_t>> bucketBatches(const std::vector<Example>& examples,
                                               std::vector<size_t> indices, int sentences,
                                               int tokens, uint64_t seed);

// Deterministic across standard libraries (std::shuffle is not).
template <typename T, typename Rng>
void shuffleInPlace(std::vector<T>& items, Rng& rng) {
    for (size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[rng() % i]);
}

}  // namespace dari
