#include "model/device.h"

#include <regex>

#include "model/runtime.h"

namespace dari {

namespace {

const std::regex kDevicePattern("cpu|cuda(:(0|[1-9][0-9]{0,3}))?");

}  // namespace

bool isDeviceName(const std::string& name) {
    return std::regex_match(name, kDevicePattern);
}

torch::Device resolveDevice(const std::string& name, const std::string& setting, int localRank) {
    if (!isDeviceName(name))
        throw std::runtime_error(setting + " '" + name + "': not a device (" + kDeviceNames + ")");
    if (name == "cpu") return torch::kCPU;
    if (!torch::cuda::is_available())
        throw std::runtime_error(
            setting + " " + name +
            ": this LibTorch has no CUDA, or no GPU is visible (Debian's libtorch is CPU-only: "
            "build Dari against the official CUDA LibTorch, see the README), or use --device cpu");
    const auto count = static_cast<int>(torch::cuda::device_count());
    const int index = name == "cuda" ? std::max(0, localRank) % count : std::stoi(name.substr(5));
    if (index >= count)
        throw std::runtime_error(
            setting + " " + name + ": this machine has " + std::to_string(count) +
            (count == 1 ? " GPU" : " GPUs") + " (cuda:0" +
            (count > 1 ? " to cuda:" + std::to_string(count - 1) : std::string()) + ")");
    return {torch::kCUDA, static_cast<c10::DeviceIndex>(index)};
}

torch::Device deviceOf(const torch::nn::Module& module) {
    const auto parameters = module.parameters();
    return parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
}

Batch onDevice(const Batch& batch, torch::Device device) {
    if (batch.src.device() == device) return batch;
    Batch moved = batch;
    moved.src = batch.src.to(device);
    if (batch.tgtIn.defined()) moved.tgtIn = batch.tgtIn.to(device);
    if (batch.tgtOut.defined()) moved.tgtOut = batch.tgtOut.to(device);
    return moved;
}

int parallelShards(torch::Device device) {
    // Shards need a BLAS that each thread can make single-threaded (OpenBLAS): another BLAS
    // (the MKL inside the official LibTorch) runs every shard's GEMMs on all cores, and 16
    // shards then ran 16 x 16 threads (192 target tokens/s against 16,317 on the GPU).
    if (!device.is_cpu() || !blasThreadsSteerable()) return 1;
    return std::max(1, configuredThreads());
}

}  // namespace dari
