// The GPU checks (gpu_checks.h) as a program of their own, for a machine whose LibTorch has CUDA
// but which has none of Qt, SentencePiece or yaml-cpp: scripts/check-gpu.sh builds and runs it.
// Prints one line per check and "N passed, M failed"; exit 1 when a check fails, 2 without a GPU.

#include <chrono>
#include <iostream>

#include "tests/gpu/gpu_checks.h"

int main() {
    std::cout << dari::versionReport() << "\n";
    if (!torch::cuda::is_available()) {
        std::cout << "no GPU: this LibTorch has no CUDA or sees no device\n";
        return 2;
    }
    std::cout << "GPUs: " << static_cast<int>(torch::cuda::device_count()) << "\n";
    int passed = 0, failed = 0;
    for (const auto& check : gpucheck::all()) {
        const auto start = std::chrono::steady_clock::now();
        std::string error;
        try {
            error = check.run();
        } catch (const std::exception& e) {
            error = std::string("threw: ") + e.what();
        }
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        (error.empty() ? passed : failed) += 1;
        std::cout << (error.empty() ? "PASS " : "FAIL ") << check.name << " (" << int(ms) << " ms)"
                  << (error.empty() ? "" : ": " + error) << std::endl;
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
