#pragma once
// Exploding gradients, from a training run's own record: the gradient norm (before clipping)
// of every logged step in a model folder's train_log.jsonl, and the clipping threshold the run
// trained with (config.yaml's train.clip_norm). A step above the threshold was clipped: its
// update was scaled down to the threshold's length.

#include <cstdint>
#include <string>
#include <vector>

namespace dari {

struct GradientHistory {
    std::vector<int64_t> steps;  // the logged steps (every train.log_every), in order
    std::vector<double> norms;   // ||g|| before clipping at each of them
    double clipNorm = 0.0;       // 0: the run did not clip
    int64_t clipped = 0;         // logged steps whose norm was above clipNorm

    bool empty() const { return steps.empty(); }
};

// Reads DIR/train_log.jsonl and DIR/config.yaml. A resumed run's log repeats the steps after
// its checkpoint: the later record of a step wins. Throws std::runtime_error naming the file
// when the folder has no training log (an ensemble joined by `dari ensemble` keeps none).
GradientHistory readGradientHistory(const std::string& dir);

}  // namespace dari
