// The reference network (bench/configs/reference.yaml's shape: bi-GRU 256 + Bahdanau + GRU 512,
// 4,000 pieces each side) on the CPU and on a CUDA GPU of the same machine: training target
// tokens/s at batch 64 and 256, and decoding sentences/s (greedy and beam 5, batch 1 and 64).
// Synthetic sentences of 6-20 pieces: a benchmark of the device, not of a model. Built with the
// GPU check (scripts/check-gpu.sh); without a GPU it measures the CPU only.
//
//   bench_gpu [--threads N] [--steps 20]

#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "bench/bench_clock.h"
#include "model/blas_kernels.h"
#include "model/device.h"
#include "model/runtime.h"
#include "model/search/search.h"
#include "model/training/data_parallel.h"
#include "model/training/fused_adam.h"

using namespace dari;
using bench::Clock;
using bench::since;

namespace {

constexpr int64_t kVocab = 4000;

std::vector<Example> sentences(size_t count) {
    std::mt19937 random(11);
    std::uniform_int_distribution<int> length(6, 20);
    std::uniform_int_distribution<int64_t> piece(4, kVocab - 1);
    std::vector<Example> out(count);
    for (auto& e : out) {
        e.src.resize(length(random));
        e.tgt.resize(length(random));
        for (auto& id : e.src)
            id = piece(random);
        for (auto& id : e.tgt)
            id = piece(random);
    }
    return out;
}

void synchronize(torch::Device device) {
    if (device.is_cuda()) torch::cuda::synchronize();
}

// Target tokens per second of the trainer's step (gradients, clipping, Adam).
double trainingRate(Seq2Seq& model, const std::vector<Example>& data, int batch, int steps) {
    FusedAdam adam(model->parameters(), torch::optim::AdamOptions(1e-3));
    model->train();
    int64_t tokens = 0;
    Clock::time_point start;
    for (int step = -2; step < steps; ++step) {  // two warm-up steps
        if (step == 0) {
            synchronize(deviceOf(*model));
            start = Clock::now();
            tokens = 0;
        }
        std::vector<size_t> indices;
        for (int i = 0; i < batch; ++i)
            indices.push_back((static_cast<size_t>(step + 2) * batch + i) % data.size());
        tokens += batchGradients(model, data, indices, 1.0, 0.1).targetTokens;
        torch::nn::utils::clip_grad_norm_(model->parameters(), 1.0);
        adam.step();
    }
    synchronize(deviceOf(*model));
    return tokens / since(start);
}

double decodeRate(Seq2Seq& model, const std::vector<Example>& data, int batch, int beam,
                  size_t count) {
    model->eval();
    DecodeOptions options;
    options.beam = beam;
    options.maxLengthRatio = 1.0;  // an untrained network rarely ends: bound every output alike
    const auto start = Clock::now();
    for (size_t i = 0; i < count; i += batch) {
        std::vector<std::vector<int64_t>> sources;
        for (size_t k = i; k < std::min(count, i + batch); ++k)
            sources.push_back(data[k].src);
        decode(model, makeSourceBatch(sources), options);
    }
    return count / since(start);
}

}  // namespace

int main(int argc, char** argv) {
    dari::restartWithBetterBlas(argv);  // before anything else: model/blas_kernels.h
    int threads = 0, steps = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--threads")) threads = std::stoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--steps")) steps = std::stoi(argv[i + 1]);
    }
    configureThreads(threads);
    std::printf("%s\nCPU threads: %d\n", versionReport().c_str(), configuredThreads());
    const auto data = sentences(2048);
    std::vector<torch::Device> devices{torch::kCPU};
    if (torch::cuda::is_available()) devices.push_back(resolveDevice("cuda", "--device"));
    std::printf("%-6s %16s %16s %12s %12s %12s %12s\n", "device", "train b64 tok/s",
                "train b256 tok/s", "greedy b1/s", "greedy b64/s", "beam5 b1/s", "beam5 b64/s");
    for (const auto device : devices) {
        torch::manual_seed(1);
        Seq2Seq model(ModelConfig(), kVocab, kVocab);  // the defaults: the reference's shape
        model->to(device);
        if (device.is_cpu() && configuredThreads() > 1) setBlasThreads(1);  // as the trainer
        const double b64 = trainingRate(model, data, 64, steps);
        const double b256 = trainingRate(model, data, 256, steps);
        if (device.is_cpu()) setBlasThreads(configuredBlasThreads());
        const double g1 = decodeRate(model, data, 1, 1, 64);
        const double g64 = decodeRate(model, data, 64, 1, 512);
        const double b1 = decodeRate(model, data, 1, 5, 32);
        const double bb64 = decodeRate(model, data, 64, 5, 256);
        std::printf("%-6s %16.0f %16.0f %12.1f %12.1f %12.1f %12.1f\n", device.str().c_str(), b64,
                    b256, g1, g64, b1, bb64);
    }
    return 0;
}
