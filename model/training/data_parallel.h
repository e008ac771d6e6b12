#pragma once
// A data-parallel training step on the CPU cores of one machine.
//
// A batch of 64 short sentences is too small for a multi-threaded BLAS to use
// two cores well (GEMMs of 64 rows; 2,100 target tokens/s on one thread, 2,470
// on two). Instead the batch is split into shards of sentences; each shard's
// forward and backward run on a thread of their own with a single-threaded BLAS,
// and the shards' gradients are summed in a fixed order. The result is the
// gradient of the whole batch's mean token loss, as if it had run in one piece.

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "data/batch.h"
#include "model/network/seq2seq.h"

namespace dari {

// The mean token loss of one shard (a scalar with a graph to the parameters).
using ShardLoss = std::function<torch::Tensor(const Batch& shard)>;

// Deals `indices` into at most `shards` groups of near-equal size, like cards:
// a bucketed batch is sorted by length, and halves would give one shard all the
// long sentences (the other then waits for it: 30% of a step).
std::vector<std::vector<size_t>> splitIndices(const std::vector<size_t>& indices, int shards);

// Runs `lossOf` on every shard, on as many threads as are configured (the first on the
// calling thread; with more shards than threads, a thread takes several in turn), shard k
// inside a ShardRandom scope seeded with seed + firstShard + k, and
// stores the gradient of the batch's mean token loss in each parameter's grad.
// Returns that loss. An exception in any shard is rethrown here. `batchTokens` > 0:
// the shards are part of a larger batch (of another process's shards too) of that
// many target tokens, and the gradient and loss are these shards' part of its mean.
double dataParallelGradients(torch::nn::Module& model, const std::vector<Batch>& shards,
                             const ShardLoss& lossOf, uint64_t seed, int firstShard = 0,
                             int64_t batchTokens = 0);

// Which of a step's shards this process computes: [first, first + count) of `total`
// (distributed training: total = ranks x threads, each rank its threads' shards).
// total 0: all of them, one per configured thread.
struct ShardSlice {
    int first = 0, count = 0, total = 0;
};

// The step dari train and the benchmark take: the gradients of the mean token
// loss of examples[indices], in one shard per configured thread. `prepare` may
// alter each shard's batch before it runs (word dropout); it runs on every shard of
// the batch, this process's or not, so that all draw the same random numbers.
struct BatchGradients {
    double loss = 0.0;         // this slice's part of the batch's mean token loss
    int64_t targetTokens = 0;  // of the whole batch
};
BatchGradients batchGradients(Seq2Seq& model, const std::vector<Example>& examples,
                              const std::vector<size_t>& indices, double teacherForcing,
                              double labelSmoothing,
                              const std::function<void(Batch&)>& prepare = {},
                              const ShardSlice& slice = {});

// A seed for the shards of one step, drawn from LibTorch's default generator (so
// a checkpoint of that generator's state makes the next steps reproducible).
uint64_t drawShardSeed();

}  // namespace dari
