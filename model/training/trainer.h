#pragma once
// Training a model bundle: teacher forcing, BPTT through the decoder's steps,
// Adam with gradient-norm clipping, validation, early stopping, checkpoints.

#include <atomic>
#include <string>
#include <vector>

#include "data/corpus.h"
#include "model/bundle/config.h"
#include "model/training/distributed.h"
#include "model/training/train_log.h"
#include "model/training/training_data.h"

namespace dari {

struct TrainOptions {
    std::string outDir;
    std::string initFrom;  // fine-tune this bundle: its vocabularies and weights
    std::string
        vocabFrom;        // a new network on this bundle's vocabularies (an ensemble's next member)
    bool resume = false;  // continue outDir's interrupted run from checkpoint.pt
    std::atomic<bool>* stop = nullptr;  // when set: checkpoint at the next step and return
    int64_t stopAfterSteps = 0;         // > 0: behave as if stopped at this global step
    // A distributed run (null: this process alone). Rank 0 trains as a single process
    // would, and writes; the others compute their shards and write nothing.
    Distributed* distributed = nullptr;
};

struct TrainResult {
    int64_t steps = 0;
    double bestBleu = 0.0;      // the best train.best_by score (BLEU unless it names chrF)
    bool interrupted = false;   // stopped before the budget: resume with --resume
    bool stoppedEarly = false;  // dev BLEU stopped improving
    bool diverged = false;      // stopped: the loss blew up (model/training/divergence_guard.h)
    std::string message;        // for the user, when diverged
};

// Throws std::runtime_error with a message for the user on bad input.
TrainResult train(const Config& config, const TrainInputs& inputs, const TrainOptions& options,
                  TrainLog& log);

}  // namespace dari
