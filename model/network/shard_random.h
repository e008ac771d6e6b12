#pragma once
// Random numbers for training code that may run on several threads at once.
//
// Dropout and scheduled sampling draw from the generator of the current thread's
// ShardRandom scope, or from LibTorch's default generator outside any scope.
// With one generator per shard, seeded from the default generator by the thread
// that starts the shards, a data-parallel step draws the same numbers whatever
// order the threads run in: training stays reproducible and resumable.

#include <torch/torch.h>

#include <cstdint>

namespace dari {

class ShardRandom {
public:
    explicit ShardRandom(uint64_t seed);
    ~ShardRandom();
    ShardRandom(const ShardRandom&) = delete;
    ShardRandom& operator=(const ShardRandom&) = delete;

private:
    at::Generator generator_;
    ShardRandom* previous_;
};

// The current thread's shard generator (nullopt: the default generator).
c10::optional<at::Generator> shardGenerator();

// Inverted dropout of `x` with probability p while training.
torch::Tensor shardDropout(const torch::Tensor& x, double p, bool training);

// Uniform [0, 1) numbers of the given shape.
torch::Tensor uniform(at::IntArrayRef sizes);

}  // namespace dari
