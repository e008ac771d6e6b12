#pragma once
// checkpoint.pt: the current weights, Adam's moments, the weight average, the counters
// and the random generator, so that a resumed run continues exactly where it stopped.

#include <cstdint>
#include <string>

#include "model/network/seq2seq.h"
#include "model/training/fused_adam.h"
#include "model/training/weight_average.h"

namespace dari {

// Everything besides the weights that an exact resume needs.
struct TrainingProgress {
    int64_t step = 0, epoch = 0, batchInEpoch = 0, tokens = 0;
    double seconds = 0.0, learningRate = 0.0;
    // bestBleu, badBleu: the best train.best_by score (dev BLEU by default) and the validations
    // since it.
    double bestBleu = -1.0, bestLoss = 1e30;
    int64_t badBleu = 0, badLoss = 0;
};

// Written to a temporary file and renamed over `path`: the previous checkpoint stays
// whole until the new one is. `average` may be null.
void writeCheckpoint(const std::string& path, const Seq2Seq& model, const FusedAdam& optimizer,
                     const WeightAverage* average, const TrainingProgress& progress);

// Loads the weights, optimizer and average in place, restores LibTorch's default
// generator and returns the counters. Throws std::runtime_error naming the file.
TrainingProgress readCheckpoint(const std::string& path, Seq2Seq& model, FusedAdam& optimizer,
                                WeightAverage* average);

// The same in memory: rank 0's state, sent to the other ranks of a distributed run.
std::string checkpointBytes(const Seq2Seq& model, const FusedAdam& optimizer,
                            const WeightAverage* average, const TrainingProgress& progress);
TrainingProgress readCheckpointBytes(const std::string& bytes, Seq2Seq& model, FusedAdam& optimizer,
                                     WeightAverage* average);

}  // namespace dari
