#include "model/inspect/step_timing.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

#include "data/batch.h"
#include "model/network/seq2seq.h"
#include "model/runtime.h"
#include "model/training/loss.h"

namespace dari {

namespace {

using Clock = std::chrono::steady_clock;

// Sets the process's threads for the measurement and puts back what was there.
class ThreadScope {
public:
    ThreadScope() : threads_(configuredThreads()) {}
    ~ThreadScope() { configureThreads(threads_); }
    int saved() const { return threads_ > 0 ? threads_ : 1; }

private:
    int threads_;
};

std::vector<Example> randomPairs(int64_t count, int64_t length, int64_t vocabulary) {
    std::vector<Example> out;
    for (int64_t i = 0; i < count; ++i) {
        const auto src = torch::randint(4, vocabulary, {length}, torch::kLong),
                   tgt = torch::randint(4, vocabulary, {length}, torch::kLong);
        out.push_back(
            {std::vector<int64_t>(src.data_ptr<int64_t>(), src.data_ptr<int64_t>() + length),
             std::vector<int64_t>(tgt.data_ptr<int64_t>(), tgt.data_ptr<int64_t>() + length)});
    }
    return out;
}

// Milliseconds per forward + backward of `batch`: the fastest of `repeats` after a warm-up
// (the least disturbed by whatever else runs on the machine).
double stepMs(Seq2Seq& model, const Batch& batch, int repeats) {
    auto once = [&] {
        model->zero_grad();
        const auto result = model->forward(batch.src, batch.tgtIn);
        trainingLoss(model, result, batch.tgtOut, 0.0).backward();
    };
    once();
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        once();
        best = std::min(best, 1e3 * std::chrono::duration<double>(Clock::now() - start).count());
    }
    return best;
}

int64_t sequentialSteps(const ModelConfig& config, int64_t length) {
    if (config.architecture == "transformer") return config.encoderLayers + config.decoderLayers;
    const int64_t directions = config.bidirectional ? 2 : 1;
    return config.encoderLayers * directions * (length + 1) + (length + 1);  // </s> and <s>
}

}  // namespace

std::vector<TimedNetwork> bottleneckContenders() {
    std::vector<TimedNetwork> out;
    for (const auto& [name, cell] : std::vector<std::pair<std::string, std::string>>{
             {"RNN", "rnn"}, {"GRU", "gru"}, {"LSTM", "lstm"}}) {
        ModelConfig config;  // the defaults: bidirectional 256 + 512, Bahdanau attention
        config.cell = cell;
        out.push_back({name, config});
    }
    ModelConfig transformer;  // d_model 256, 4 heads: about the GRU's parameters
    transformer.architecture = "transformer";
    transformer.encoderLayers = 2;
    transformer.decoderLayers = 2;
    transformer.feedforward = 512;
    out.push_back({"Transformer", transformer});
    return out;
}

std::vector<StepTiming> timeSteps(const std::vector<TimedNetwork>& networks,
                                  const StepTimingOptions& options,
                                  const std::function<void(int, int)>& progress,
                                  const std::atomic<bool>* stop) {
    const ThreadScope scope;
    const int all = options.threads > 0 ? options.threads : scope.saved();
    const int total = static_cast<int>(networks.size() * options.lengths.size() * 2);
    int done = 0;
    torch::manual_seed(1);
    std::vector<StepTiming> out;
    for (const TimedNetwork& network : networks) {
        Seq2Seq model(network.config, options.vocabulary, options.vocabulary);
        model->train();
        StepTiming timing;
        timing.name = network.name;
        timing.parameters = model->parameterCount();
        for (const int64_t length : options.lengths) {
            const auto examples = randomPairs(options.batch, length, options.vocabulary);
            std::vector<size_t> indices(examples.size());
            for (size_t i = 0; i < indices.size(); ++i)
                indices[i] = i;
            const Batch batch = makeBatch(examples, indices);
            timing.sequentialSteps.push_back(sequentialSteps(network.config, length));
            for (std::vector<double>* ms : {&timing.msOneThread, &timing.msAllThreads}) {
                if (stop && stop->load()) return out;
                configureThreads(ms == &timing.msOneThread ? 1 : all);
                ms->push_back(stepMs(model, batch, options.repeats));
                if (progress) progress(++done, total);
            }
        }
        out.push_back(std::move(timing));
    }
    return out;
}

}  // namespace dari
