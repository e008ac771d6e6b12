#pragma once
// The sequential bottleneck, measured: how long one training step (forward and backward) takes
// as the sentences grow, on one core and on all of them. A recurrent network takes its
// positions one after another (2 L steps that cannot overlap), so a longer sentence costs
// proportionally more and a second core has little to share within a step; a Transformer
// handles every position of a layer in one large matrix product that the cores can split.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/bundle/config.h"

namespace dari {

// One network to time: a name for people and the settings it is built from (random weights).
struct TimedNetwork {
    std::string name;  // RNN, GRU, LSTM, Transformer
    ModelConfig config;
};

// The recurrent cells with attention at the model defaults' sizes, and a Transformer of about
// the same number of parameters: the networks Learn mode compares.
std::vector<TimedNetwork> bottleneckContenders();

struct StepTiming {
    std::string name;
    int64_t parameters = 0;
    // The positions computed one after another in a training step: source + target length for a
    // recurrent network (each direction, each layer), encoder + decoder layers for a Transformer.
    std::vector<int64_t> sequentialSteps;  // per length
    std::vector<double> msOneThread;  // per length: milliseconds per step (the fastest), one thread
    std::vector<double> msAllThreads;  // per length: the same on `threads` threads
};

struct StepTimingOptions {
    std::vector<int64_t> lengths{10, 20, 40, 80};  // source and target pieces
    int64_t batch = 1;  // sentence pairs per step: 1, so that only time can be parallel
    int repeats = 5;    // timed steps per point, the fastest kept (after an untimed warm-up)
    int threads = 0;    // "all": 0 means the configured thread count
    int64_t vocabulary = 4000;
};

// Times each network at each length, on one thread and on `options.threads`, restoring the
// process's thread settings afterwards. `progress(done, total)` after every point; `stop` set:
// returns what was measured so far (networks with every point only).
std::vector<StepTiming> timeSteps(const std::vector<TimedNetwork>& networks,
                                  const StepTimingOptions& options = {},
                                  const std::function<void(int, int)>& progress = {},
                                  const std::atomic<bool>* stop = nullptr);

}  // namespace dari
