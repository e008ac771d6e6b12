// Speed and memory of the engine for one config on the Tatoeba corpus:
// training target tokens/s, greedy and beam-5 decoding at batch 1 and 64, peak RSS.
//
//   bench_engine [--config bench/configs/reference.yaml] [--steps 150] [--data ../shared/data]
//                [--model DIR]   (decode with this trained bundle, e.g. one trained on
//                reference.yaml)

#include <sys/resource.h>
#include <torch/csrc/autograd/profiler_legacy.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "bench_clock.h"
#include "data/batch.h"
#include "data/corpus.h"
#include "model/blas_kernels.h"
#include "model/bundle/bundle.h"
#include "model/bundle/config.h"
#include "model/network/seq2seq.h"
#include "model/runtime.h"
#include "model/search/search.h"
#include "model/training/data_parallel.h"
#include "model/training/evaluator.h"
#include "model/training/fused_adam.h"
#include "step_flops.h"

using namespace dari;
using bench::Clock;
using bench::peakMiB;
using bench::since;

namespace {

std::vector<Example> encode(const std::vector<SentencePair>& pairs, const Vocabulary& src,
                            const Vocabulary& tgt) {
    std::vector<Example> out;
    for (const auto& p : pairs)
        out.push_back({src.encode(p.source), tgt.encode(p.target)});
    return out;
}

// Seconds per sentence decoding `sources` in batches of `batch`; adds the output pieces to *pieces.
double decodeSeconds(Seq2Seq& model, const std::vector<Example>& dev, int batch, int beam,
                     size_t count, int64_t* pieces = nullptr) {
    DecodeOptions options;
    options.beam = beam;
    const auto start = Clock::now();
    for (size_t i = 0; i < count; i += batch) {
        std::vector<std::vector<int64_t>> sources;
        for (size_t k = i; k < std::min(count, i + batch); ++k)
            sources.push_back(dev[k].src);
        const auto out = decode(model, makeSourceBatch(sources), options);
        if (pieces)
            for (const auto& list : out)
                *pieces += static_cast<int64_t>(list.front().ids.size()) + 1;
    }
    return since(start) / count;
}

struct BenchArgs {
    std::string configPath = "bench/configs/reference.yaml", data = "../shared/data";
    int steps = 150;
    std::string trained;  // --model DIR: measure decoding on this trained bundle instead
};

BenchArgs parseArgs(int argc, char** argv) {
    BenchArgs args;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--config"))
            args.configPath = argv[i + 1];
        else if (!std::strcmp(argv[i], "--steps"))
            args.steps = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--data"))
            args.data = argv[i + 1];
        else if (!std::strcmp(argv[i], "--model"))
            args.trained = argv[i + 1];
    }
    return args;
}

// The step's useful GEMM FLOPs (bench/step_flops.h) over the measured steps' shards, and the
// fraction of this machine's own GEMM rate at those shapes that the step achieves.
void measureFlops(const Config& config, Seq2Seq& model, const std::vector<Example>& examples,
                  const std::vector<std::vector<size_t>>& batches, int steps, int shards,
                  double secondsPerStep) {
    const int64_t vocab = model->named_parameters()["decoder.output_bias"].size(0);
    double flops = 0, rows = 0, srcLength = 0, tgtLength = 0;
    int64_t count = 0;
    for (int step = 5; step < steps; ++step)
        for (const auto& part : splitIndices(batches[step % batches.size()], shards)) {
            const Batch b = makeBatch(examples, part);
            for (const auto& g : bench::shardGemms(config.model, vocab, b.src.size(0),
                                                   b.src.size(1), b.tgtIn.size(1)))
                flops += 3 * g.flops();  // forward, and backward's two GEMMs per GEMM
            rows += b.src.size(0);
            srcLength += b.src.size(1);
            tgtLength += b.tgtIn.size(1);
            ++count;
        }
    flops /= steps - 5;
    // Each GEMM timed alone on one thread at the mean shard's shape; the shards run in parallel.
    setBlasThreads(1);
    double ideal = 0;
    for (const auto& g :
         bench::shardGemms(config.model, vocab, std::lround(rows / count),
                           std::lround(srcLength / count), std::lround(tgtLength / count))) {
        const double rate = 2.0 * g.m * g.k * g.n / bench::gemmSeconds(g);
        ideal += 3 * g.flops() / rate;
    }
    ideal *= static_cast<double>(count) / (steps - 5) / shards;
    std::printf(
        "useful work     %8.2f GFLOP per step (GEMMs, forward + backward): %.1f GFLOP/s; at "
        "this machine's own fp32 GEMM rate at those shapes (%d cores) a step would take %.1f ms: "
        "it achieves %.0f%% of that\n",
        flops / 1e9, flops / secondsPerStep / 1e9, shards, 1e3 * ideal,
        100 * ideal / secondsPerStep);
}

// Target tokens/s of the same step as dari train (one data-parallel shard per thread).
void measureTraining(Seq2Seq& model, const Config& config, const std::vector<Example>& examples,
                     int steps) {
    FusedAdam adam(model->parameters(), torch::optim::AdamOptions(config.train.learningRate));
    const auto batches =
        bucketBatches(examples, config.train.batchSentences, config.train.batchTokens, 1);
    const int shards = configuredThreads();
    if (shards > 1) setBlasThreads(1);
    const auto trainStep = [&](const std::vector<size_t>& indices) {
        const auto step =
            batchGradients(model, examples, indices, 1.0, config.train.labelSmoothing);
        torch::nn::utils::clip_grad_norm_(model->parameters(), config.train.clipNorm);
        adam.step();
        return step.targetTokens;
    };
    int64_t tokens = 0;
    double seconds = 0;
    model->train();
    for (int step = 0; step < steps; ++step) {
        const auto start = Clock::now();
        const int64_t stepTokens = trainStep(batches[step % batches.size()]);
        if (step >= 5) {  // warm-up excluded
            seconds += since(start);
            tokens += stepTokens;
        }
    }
    if (const char* trace = std::getenv("DARI_PROFILE")) {  // chrome://tracing file of 10 steps
        torch::autograd::profiler::RecordProfile profile(trace);
        for (int step = 0; step < 10; ++step)
            trainStep(batches[(step * 7) % batches.size()]);  // a spread of lengths
    }
    std::printf(
        "training        %8.0f target tokens/s  (%d steps of %d sentences in %d shards, %.1f "
        "ms/step)\n",
        tokens / seconds, steps - 5, config.train.batchSentences, shards,
        1e3 * seconds / (steps - 5));
    measureFlops(config, model, examples, batches, steps, shards, seconds / (steps - 5));
    if (shards > 1) setBlasThreads(shards);  // decoding: one sentence at a time, BLAS threads help
}

void measureDecoding(Seq2Seq& model, const std::vector<Example>& devExamples) {
    const size_t n1 = std::min<size_t>(200, devExamples.size()), n64 = devExamples.size();
    decodeSeconds(model, devExamples, 1, 1, 10);  // warm-up
    int64_t pieces = 0;
    const double greedy1 = decodeSeconds(model, devExamples, 1, 1, n1, &pieces);
    std::printf("greedy batch 1  %8.2f ms/sentence  (%.1f output pieces per sentence)\n",
                1e3 * greedy1, static_cast<double>(pieces) / n1);
    std::printf("beam-5 batch 1  %8.2f ms/sentence\n",
                1e3 * decodeSeconds(model, devExamples, 1, 5, n1));
    std::printf("greedy batch 64 %8.1f sentences/s\n",
                1.0 / decodeSeconds(model, devExamples, 64, 1, n64));
    std::printf("beam-5 batch 64 %8.1f sentences/s\n",
                1.0 / decodeSeconds(model, devExamples, 64, 5, n64));
}

}  // namespace

int main(int argc, char** argv) {
    dari::restartWithBetterBlas(argv);  // before anything else: model/blas_kernels.h
    const BenchArgs args = parseArgs(argc, argv);
    const Config config = Config::load(args.configPath);
    configureThreads(config.train.threads);
    const auto train = readCorpus({args.data + "/tatoeba-ko-en/train.tsv"}).pairs;
    const auto dev = readCorpus({args.data + "/tatoeba-ko-en/dev.tsv"}).pairs;
    std::vector<std::string> sources, targets;
    for (const auto& p : train) {
        sources.push_back(p.source);
        targets.push_back(p.target);
    }
    VocabularyOptions vocab;
    vocab.size = config.data.srcVocabSize;
    const auto srcVocab = Vocabulary::train(sources, vocab);
    vocab.size = config.data.tgtVocabSize;
    const auto tgtVocab = Vocabulary::train(targets, vocab);
    const auto examples = encode(train, srcVocab, tgtVocab);
    auto devExamples = encode(dev, srcVocab, tgtVocab);

    torch::manual_seed(config.train.seed);
    Seq2Seq model(config.model, srcVocab.size(), tgtVocab.size());
    std::printf("config %s: %s + %s, %lld parameters, %d threads, BLAS %s\n",
                args.configPath.c_str(), config.model.cell.c_str(), config.model.attention.c_str(),
                static_cast<long long>(model->parameterCount()), configuredThreads(),
                activeBlas().name.c_str());
    measureTraining(model, config, examples, args.steps);
    const double trainPeak = peakMiB();

    // A model trained for a few steps may decode to the length limit: --model gives real lengths.
    if (!args.trained.empty()) {
        auto bundle = Bundle::load(args.trained);
        const auto& m = bundle.config.model;
        std::printf(
            "decoding with %s: %s %d bi=%d + %s, decoder %d, vocab %lld/%lld, %.1f epochs\n",
            args.trained.c_str(), m.cell.c_str(), m.encoderHidden, m.bidirectional,
            m.attention.c_str(), m.decoderHidden, static_cast<long long>(bundle.src.size()),
            static_cast<long long>(bundle.tgt.size()), bundle.meta.epochs);
        model = bundle.model;
        devExamples = encode(dev, bundle.src, bundle.tgt);
    }
    measureDecoding(model, devExamples);
    std::printf("peak memory     %8.0f MiB while training, %.0f MiB overall\n", trainPeak,
                peakMiB());
}
