#pragma once
// What a machine with a GPU checks: the engine's networks, training step, optimizer, checkpoint
// and search do on a CUDA device what they do on the CPU. Each check returns "" when it holds,
// else what went wrong. test_device runs them with Debian's LibTorch (skipped: no CUDA there);
// tests/gpu/gpu_check runs them standalone against the official CUDA LibTorch
// (scripts/check-gpu.sh), where Qt, SentencePiece and yaml-cpp need not exist.

#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "model/device.h"
#include "model/runtime.h"
#include "model/training/checkpoint.h"
#include "model/training/data_parallel.h"
#include "model/training/fused_adam.h"
#include "tests/tiny_model.h"

namespace gpucheck {

struct Check {
    std::string name;
    std::function<std::string()> run;
};

inline torch::Device gpu() {
    return {torch::kCUDA, 0};
}

inline std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

// Two networks with the same initial weights, one on the CPU and one on the GPU.
struct Twins {
    dari::Seq2Seq cpu{nullptr}, gpu{nullptr};
};
inline Twins twins(const dari::ModelConfig& config) {
    torch::manual_seed(3);
    Twins t{dari::Seq2Seq(config, tiny::kVocab, tiny::kVocab), nullptr};
    torch::manual_seed(3);
    t.gpu = dari::Seq2Seq(config, tiny::kVocab, tiny::kVocab);
    t.gpu->to(gpu());
    return t;
}

// "" when every parameter (or its gradient) of `b` is within the tolerance of `a`'s.
inline std::string compareParameters(const dari::Seq2Seq& a, const dari::Seq2Seq& b, bool grads,
                                     double rtol, double atol) {
    const auto pa = a->named_parameters(), pb = b->named_parameters();
    for (size_t i = 0; i < pa.size(); ++i) {
        const auto x = (grads ? pa[i].value().grad() : pa[i].value()).cpu();
        const auto y = (grads ? pb[i].value().grad() : pb[i].value()).cpu();
        if (!torch::allclose(x, y, rtol, atol))
            return pa[i].key() + (grads ? " gradient" : "") + " differs by up to " +
                   std::to_string((x - y).abs().max().item<double>());
    }
    return "";
}

// One step's gradients: loss within 1e-4 relative, every gradient close (dropout masks are drawn
// on the CPU for either device, so they are the same).
inline std::string gradientsMatch(const std::string& cell, const std::string& attention,
                                  double dropout) {
    auto config = tiny::config(cell, attention, true);
    config.dropout = dropout;
    auto t = twins(config);
    const auto examples = tiny::pairs();
    const auto indices = tiny::allIndices(examples.size());
    dari::configureThreads(1);
    torch::manual_seed(5);
    const auto onCpu = dari::batchGradients(t.cpu, examples, indices, 1.0, 0.1);
    torch::manual_seed(5);
    const auto onGpu = dari::batchGradients(t.gpu, examples, indices, 1.0, 0.1);
    if (std::abs(onCpu.loss - onGpu.loss) > 1e-4 * onCpu.loss)
        return "loss " + std::to_string(onGpu.loss) + " on the GPU, " + std::to_string(onCpu.loss) +
               " on the CPU";
    return compareParameters(t.cpu, t.gpu, true, 1e-3, 1e-5);
}

// The trainer's step (gradients, clipping, Adam) for `steps` steps on both devices: the loss
// curves agree within 1e-3 relative and fall; then greedy and beam search give the same outputs.
inline std::string trainsAndDecodesAlike(const std::string& cell, int steps = 60) {
    auto t = twins(tiny::config(cell, "bahdanau", true));
    const auto examples = tiny::pairs();
    const auto indices = tiny::allIndices(examples.size());
    dari::configureThreads(1);
    dari::FusedAdam cpuAdam(t.cpu->parameters(), torch::optim::AdamOptions(0.01));
    dari::FusedAdam gpuAdam(t.gpu->parameters(), torch::optim::AdamOptions(0.01));
    double first = 0.0, last = 0.0;
    const auto trainStep = [&](dari::Seq2Seq& model, dari::FusedAdam& adam, int step) {
        torch::manual_seed(step);
        const double loss = dari::batchGradients(model, examples, indices, 1.0, 0.1).loss;
        torch::nn::utils::clip_grad_norm_(model->parameters(), 1.0);
        adam.step();
        return loss;
    };
    for (int step = 1; step <= steps; ++step) {
        const double loss[2] = {trainStep(t.cpu, cpuAdam, step), trainStep(t.gpu, gpuAdam, step)};
        if (std::abs(loss[0] - loss[1]) > 1e-3 * loss[0])
            return "step " + std::to_string(step) + ": loss " + std::to_string(loss[1]) +
                   " on the GPU, " + std::to_string(loss[0]) + " on the CPU";
        if (step == 1) first = loss[0];
        last = loss[0];
    }
    if (!(last < 0.5 * first))
        return "the loss did not halve: " + std::to_string(first) + " -> " + std::to_string(last);
    if (auto e = compareParameters(t.cpu, t.gpu, false, 1e-2, 1e-3); !e.empty()) return e;
    t.cpu->eval();
    t.gpu->eval();
    const auto sources = dari::makeSourceBatch(tiny::sources(examples));
    for (int beam : {1, 3}) {
        dari::DecodeOptions options;
        options.beam = beam;
        options.nbest = beam;
        const auto onCpu = dari::decode(t.cpu, sources, options);
        const auto onGpu = dari::decode(t.gpu, sources, options);
        for (size_t i = 0; i < onCpu.size(); ++i)
            for (size_t n = 0; n < onCpu[i].size(); ++n) {
                if (onCpu[i][n].ids != onGpu[i][n].ids)
                    return "beam " + std::to_string(beam) + ": sentence " + std::to_string(i) +
                           " decodes differently on the GPU";
                if (std::abs(onCpu[i][n].logProb - onGpu[i][n].logProb) > 1e-3)
                    return "beam " + std::to_string(beam) + ": scores differ";
            }
    }
    return "";
}

// A checkpoint written from a GPU run (weights and Adam's moments on the GPU) reads back on the
// CPU, bit for bit.
inline std::string checkpointLoadsOnTheCpu() {
    auto t = twins(tiny::config("gru", "bahdanau", true));
    const auto examples = tiny::pairs();
    dari::FusedAdam adam(t.gpu->parameters(), torch::optim::AdamOptions(0.01));
    for (int step = 0; step < 3; ++step) {
        dari::batchGradients(t.gpu, examples, tiny::allIndices(examples.size()), 1.0, 0.1);
        adam.step();
    }
    dari::TrainingProgress progress;
    progress.step = 3;
    const auto path = std::filesystem::temp_directory_path() / "dari-gpu-check-checkpoint.pt";
    dari::writeCheckpoint(path.string(), t.gpu, adam, nullptr, progress);
    dari::FusedAdam cpuAdam(t.cpu->parameters(), torch::optim::AdamOptions(0.01));
    const auto read = dari::readCheckpoint(path.string(), t.cpu, cpuAdam, nullptr);
    std::filesystem::remove(path);
    if (read.step != 3) return "the step count was not kept";
    if (dari::deviceOf(*t.cpu) != torch::Device(torch::kCPU)) return "the weights left the CPU";
    return compareParameters(t.gpu, t.cpu, false, 0.0, 0.0);
}

inline std::string devicesResolve() {
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (dari::resolveDevice("cuda", "--device") != gpu()) return "cuda is not cuda:0";
    if (dari::resolveDevice("cuda", "--device", count) != gpu())
        return "a bare cuda does not wrap around the local ranks";
    const auto message =
        messageOf([&] { dari::resolveDevice("cuda:" + std::to_string(count), "--device"); });
    if (message.find("this machine has " + std::to_string(count)) == std::string::npos)
        return "a GPU that is not there: '" + message + "'";
    return "";
}

inline std::vector<Check> all() {
    std::vector<Check> checks{{"devices resolve", devicesResolve}};
    for (const char* cell : {"rnn", "gru", "lstm"})
        for (const char* attention : {"none", "bahdanau", "general"})
            checks.push_back({std::string("gradients ") + cell + " " + attention,
                              [=] { return gradientsMatch(cell, attention, 0.0); }});
    checks.push_back({"gradients with dropout", [] { return gradientsMatch("lstm", "dot", 0.3); }});
    for (const char* cell : {"rnn", "gru", "lstm"})
        checks.push_back({std::string("trains and decodes alike ") + cell,
                          [=] { return trainsAndDecodesAlike(cell); }});
    checks.push_back({"checkpoint from the GPU loads on the CPU", checkpointLoadsOnTheCpu});
    return checks;
}

}  // namespace gpucheck
