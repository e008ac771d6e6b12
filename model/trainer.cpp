#include "model/trainer.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "dari/version.h"
#include "data/batch.h"
#include "model/bundle.h"
#include "model/evaluator.h"
#include "model/runtime.h"

namespace dari {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Everything besides the weights that an exact resume needs.
struct Progress {
    int64_t step = 0, epoch = 0, batchInEpoch = 0, tokens = 0;
    double seconds = 0.0, learningRate = 0.0;
    double bestBleu = -1.0, bestLoss = 1e30;
    int64_t badBleu = 0, badLoss = 0;
};

class Trainer {
public:
    Trainer(const Config& config, const TrainInputs& inputs, const TrainOptions& options, TrainLog& log)
        : inputs_(inputs), options_(options), log_(log) {
        bundle_.config = config;
    }

    TrainResult run() {
        prepare();
        const auto batches0 = epochBatches(progress_.epoch);
        log_.message(summary(batches0.size()));
        TrainResult result;
        const auto started = Clock::now();
        const double secondsBefore = progress_.seconds;
        auto batches = batches0;
        while (!budgetSpent()) {
            if (progress_.batchInEpoch >= static_cast<int64_t>(batches.size())) {
                ++progress_.epoch;
                progress_.batchInEpoch = 0;
                batches = epochBatches(progress_.epoch);
                continue;
            }
            trainStep(makeBatch(examples_, batches[progress_.batchInEpoch]));
            ++progress_.batchInEpoch;
            progress_.seconds = secondsBefore + std::chrono::duration<double>(Clock::now() - started).count();
            showProgress(batches.size());
            if (progress_.step % config().train.validateEvery == 0 && validate()) {
                result.stoppedEarly = true;
                break;
            }
            if (stopRequested()) {
                result.interrupted = true;
                break;
            }
        }
        if (!result.interrupted && progress_.step % config().train.validateEvery != 0)
            result.stoppedEarly = validate() || result.stoppedEarly;
        saveCheckpoint();
        finish(result);
        return result;
    }

private:
    const Config& config() const { return bundle_.config; }

    void prepare();
    void buildVocabularies();
    std::vector<Example> encode(const std::vector<TextPair>& pairs, bool filter);
    std::vector<std::vector<size_t>> epochBatches(int64_t epoch) const {
        return bucketBatches(examples_, config().train.batchSentences, config().train.batchTokens,
                             config().train.seed * 1000003 + epoch);
    }
    double budgetFraction(size_t batchesPerEpoch) const;
    bool budgetSpent() const;
    bool stopRequested() const {
        return (options_.stop && options_.stop->load()) ||
               (options_.stopAfterSteps > 0 && progress_.step >= options_.stopAfterSteps);
    }
    void trainStep(const Batch& batch);
    bool validate();  // true: stop early
    void setLearningRate(double lr);
    void saveCheckpoint();
    void loadCheckpoint();
    void showProgress(size_t batchesPerEpoch);
    void finish(TrainResult& result);
    std::string summary(size_t batchesPerEpoch) const;

    const TrainInputs& inputs_;
    TrainOptions options_;
    TrainLog& log_;
    Bundle bundle_;
    std::vector<Example> examples_, devExamples_;
    std::vector<std::string> devReferences_;
    std::unique_ptr<torch::optim::Adam> optimizer_;
    Progress progress_;
    size_t batchesPerEpoch_ = 1;
    double lastLoss_ = 0.0, lastNorm_ = 0.0, windowLoss_ = 0.0;
    int64_t windowTokens_ = 0, windowSteps_ = 0;
    Clock::time_point windowStart_ = Clock::now();
    double tokensPerSecond_ = 0.0;
};

}  // namespace

TrainResult train(const Config& config, const TrainInputs& inputs, const TrainOptions& options,
                  TrainLog& log) {
    Trainer trainer(config, inputs, options, log);
    return trainer.run();
}

}  // namespace dari
