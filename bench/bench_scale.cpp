// Cost as the corpus grows: corpora of 5k, 50k and 500k pairs built from the Tatoeba training
// corpus (pairs beyond the real ones join two real pairs' sources and targets, so lengths and
// vocabulary stay realistic), each measured as dari train would meet it: reading and checking
// the file (UTF-8, NFC, de-duplication), SentencePiece on the sample dari train takes, preparing
// an epoch (encoding, shuffling and bucketing), 300 training steps (target tokens/s), peak RSS.
// Then dari translate's sentences/s at batch 1, 16 and 64 on a 10k-line file. Each size runs in
// a process of its own, so that its peak RSS is its own.
//
//   bench_scale [--sizes 5000,50000,500000] [--steps 300] [--config bench/configs/reference.yaml]
//               [--data ../shared/data] [--work DIR] [--dari build/bin/dari]
//               [--model DIR]  (translate with this trained bundle: a network after 300 steps
//                               says next to nothing, which is no measure of decoding)

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "bench_clock.h"
#include "data/batch.h"
#include "data/corpus.h"
#include "model/blas_kernels.h"
#include "model/bundle/bundle.h"
#include "model/bundle/config.h"
#include "model/runtime.h"
#include "model/training/data_parallel.h"
#include "model/training/fused_adam.h"

using namespace dari;
using bench::Clock;
using bench::peakMiB;
using bench::since;
namespace fs = std::filesystem;

namespace {

struct Args {
    std::vector<size_t> sizes = {5000, 50000, 500000};
    int steps = 300;
    std::string config = "bench/configs/reference.yaml", data = "../shared/data";
    std::string work = "/tmp/dari-bench-scale", dari = "build/bin/dari";
    std::string model;  // --model DIR: translate with this trained bundle (else the smallest run's)
    size_t one = 0;     // internal: measure this size only, in this process
};

Args parseArgs(int argc, char** argv) {
    Args a;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i], value = argv[i + 1];
        if (name == "--sizes") {
            a.sizes.clear();
            std::stringstream list(value);
            for (std::string item; std::getline(list, item, ',');)
                a.sizes.push_back(std::stoul(item));
        } else if (name == "--steps") {
            a.steps = std::stoi(value);
        } else if (name == "--config") {
            a.config = value;
        } else if (name == "--data") {
            a.data = value;
        } else if (name == "--work") {
            a.work = value;
        } else if (name == "--model") {
            a.model = value;
        } else if (name == "--dari") {
            a.dari = value;
        } else if (name == "--one") {
            a.one = std::stoul(value);
        }
    }
    return a;
}

// The real pairs, then joins of two real pairs drawn at random (seeded: the same file each run).
std::string writeCorpus(const Args& a, size_t size) {
    const std::string path = a.work + "/corpus-" + std::to_string(size) + ".tsv";
    if (fs::exists(path)) return path;
    const auto real = readCorpus({a.data + "/tatoeba-ko-en/train.tsv"}).pairs;
    std::mt19937_64 random(size);
    std::uniform_int_distribution<size_t> pick(0, real.size() - 1);
    std::ofstream out(path + ".tmp");
    for (size_t i = 0; i < size; ++i) {
        if (i < real.size()) {
            out << real[i].source << '\t' << real[i].target << '\n';
            continue;
        }
        const auto& x = real[pick(random)];
        const auto& y = real[pick(random)];
        out << x.source << ' ' << y.source << '\t' << x.target << ' ' << y.target << '\n';
    }
    out.close();
    fs::rename(path + ".tmp", path);
    return path;
}

// One size, in this process: prints one table row.
int measureOne(const Args& a) {
    const Config config = Config::load(a.config);
    configureThreads(config.train.threads);
    const std::string path = writeCorpus(a, a.one);

    auto start = Clock::now();
    ReadOptions read;
    read.deduplicate = config.data.deduplicate;
    read.maxChars = config.data.maxChars;
    const Corpus corpus = readCorpus({path}, read);
    const double readSeconds = since(start);

    start = Clock::now();
    std::vector<std::string> sources, targets;
    for (const auto& p : corpus.pairs) {
        sources.push_back(p.source);
        targets.push_back(p.target);
    }
    VocabularyOptions vocab;  // as Trainer::buildVocabularies
    vocab.modelType = config.data.vocabType;
    vocab.threads = std::max(1, configuredThreads());
    vocab.maxSentences = static_cast<size_t>(config.data.vocabSentences);
    vocab.size = config.data.srcVocabSize;
    const auto src = Vocabulary::train(sources, vocab);
    vocab.size = config.data.tgtVocabSize;
    const auto tgt = Vocabulary::train(targets, vocab);
    sources = {};
    targets = {};
    const double vocabSeconds = since(start);

    start = Clock::now();
    std::vector<Example> examples;
    for (const auto& p : corpus.pairs) {
        Example e{src.encode(p.source), tgt.encode(p.target)};
        if (e.src.size() <= static_cast<size_t>(config.data.maxPieces) &&
            e.tgt.size() <= static_cast<size_t>(config.data.maxPieces) && !e.tgt.empty())
            examples.push_back(std::move(e));
    }
    const double encodeSeconds = since(start);
    start = Clock::now();
    const auto batches = bucketBatches(examples, config.train.batchSentences,
                                       config.train.batchTokens, config.train.seed);
    const double bucketSeconds = since(start);

    torch::manual_seed(config.train.seed);
    Seq2Seq model(config.model, src.size(), tgt.size());
    FusedAdam adam(model->parameters(), torch::optim::AdamOptions(config.train.learningRate));
    if (configuredThreads() > 1) setBlasThreads(1);
    model->train();
    int64_t tokens = 0;
    double trainSeconds = 0;
    for (int step = 0; step < a.steps; ++step) {
        const auto stepStart = Clock::now();
        const auto result = batchGradients(model, examples, batches[step % batches.size()], 1.0,
                                           config.train.labelSmoothing);
        torch::nn::utils::clip_grad_norm_(model->parameters(), config.train.clipNorm);
        adam.step();
        if (step >= 5) {  // warm-up excluded
            trainSeconds += since(stepStart);
            tokens += result.targetTokens;
        }
    }
    if (a.one == a.sizes.front()) {  // the smallest run's network decodes the translation file
        Bundle bundle;
        bundle.config = config;
        bundle.src = Vocabulary::fromSerialized(src.serialized());
        bundle.tgt = Vocabulary::fromSerialized(tgt.serialized());
        bundle.model = model;
        bundle.meta.task = config.data.task;
        bundle.meta.srcLang = config.data.srcLang;
        bundle.meta.tgtLang = config.data.tgtLang;
        bundle.save(a.work + "/model");
    }
    std::printf("| %zu | %zu | %.3f | %.1f | %.2f + %.3f | %.0f | %.0f |\n", a.one,
                corpus.pairs.size(), readSeconds, vocabSeconds, encodeSeconds, bucketSeconds,
                tokens / trainSeconds, peakMiB());
    return 0;
}

// dari translate on `lines` sources at each batch size: sentences/s.
void measureTranslation(const Args& a, const std::string& corpus, size_t lines) {
    const std::string input = a.work + "/translate-input.txt";
    {
        std::ifstream in(corpus);
        std::ofstream out(input);
        std::string line;
        for (size_t i = 0; i < lines && std::getline(in, line); ++i)
            out << line.substr(0, line.find('\t')) << '\n';
    }
    const std::string model = a.model.empty() ? a.work + "/model" : a.model;
    for (int batch : {1, 16, 64}) {
        const std::string command = a.dari + " translate --model " + model + " --beam 1 --batch " +
                                    std::to_string(batch) + " < " + input + " > " + a.work +
                                    "/translate-output.txt";
        const auto start = Clock::now();
        if (std::system(command.c_str()) != 0) {
            std::printf("dari translate failed: %s\n", command.c_str());
            return;
        }
        const double seconds = since(start);
        std::ifstream out(a.work + "/translate-output.txt");
        size_t words = 0;
        for (std::string word; out >> word;)
            ++words;
        std::printf("| %d | %.1f | %.1f |\n", batch, lines / seconds,
                    static_cast<double>(words) / lines);
    }
}

}  // namespace

int main(int argc, char** argv) {
    dari::restartWithBetterBlas(argv);  // before anything else: model/blas_kernels.h
    const Args a = parseArgs(argc, argv);
    fs::create_directories(a.work);
    if (a.one > 0) return measureOne(a);
    std::printf("bench_scale: %s, %d threads, %d training steps per size, BLAS %s\n\n",
                a.config.c_str(),
                std::max(1, static_cast<int>(std::thread::hardware_concurrency())), a.steps,
                activeBlas().name.c_str());
    std::printf(
        "| pairs asked | pairs read | read + check (s) | SentencePiece (s) | encode + "
        "bucket (s) | train tokens/s | peak RSS (MiB) |\n|---|---|---|---|---|---|---|\n");
    std::fflush(stdout);
    std::string sizes;
    for (size_t s : a.sizes)
        sizes += (sizes.empty() ? "" : ",") + std::to_string(s);
    for (size_t size : a.sizes) {
        const std::string command = std::string(argv[0]) + " --one " + std::to_string(size) +
                                    " --sizes " + sizes + " --steps " + std::to_string(a.steps) +
                                    " --config " + a.config + " --data " + a.data + " --work " +
                                    a.work;
        if (std::system(command.c_str()) != 0) return 1;
        std::fflush(stdout);
    }
    const std::string network = a.model.empty() ? "the " + std::to_string(a.sizes.front()) +
                                                      "-pair run's network after " +
                                                      std::to_string(a.steps) + " steps"
                                                : a.model;
    std::printf(
        "\ndari translate (greedy) with %s on 10,000 lines of the largest corpus:\n\n"
        "| batch | sentences/s | output words per sentence |\n|---|---|---|\n",
        network.c_str());
    std::fflush(stdout);
    measureTranslation(a, a.work + "/corpus-" + std::to_string(a.sizes.back()) + ".tsv", 10000);
}
