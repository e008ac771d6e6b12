// Which thread split is fastest on this machine? LibTorch's intra-op pool and
// OpenBLAS's own pool both want every core. Prints wall time per step for a
// reference-sized GRU forward+backward and a 512x512 matmul under each split.
// The default in model/runtime.cpp follows these figures.

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <functional>

#include "model/runtime.h"

namespace {

double secondsPer(int repeats, const std::function<void()>& work) {
    work();  // warm-up
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i)
        work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
           repeats;
}

}  // namespace

int main() {
    const bool openblas =
        dari::setBlasThreads(1);  // false: not OpenBLAS, its thread count is not ours
    std::printf("BLAS: %s\n", dari::activeBlas().name.c_str());
    torch::manual_seed(0);
    torch::nn::GRU gru(torch::nn::GRUOptions(256, 256).batch_first(true).bidirectional(true));
    const auto input = torch::randn({64, 30, 256});
    const auto a = torch::randn({512, 512});
    std::printf("%-8s %-8s %16s %16s\n", "torch", "openblas", "GRU 64x30 f+b ms", "matmul GFLOP/s");
    for (int torchThreads : {1, 2}) {
        for (int blasThreads : {1, 2}) {
            if (!openblas && blasThreads > 1) continue;
            dari::setBlasThreads(blasThreads);
            torch::set_num_threads(torchThreads);
            const double gruSeconds = secondsPer(5, [&] {
                gru->zero_grad();
                auto out = std::get<0>(gru->forward(input));
                out.sum().backward();
            });
            const double mmSeconds = secondsPer(50, [&] { torch::mm(a, a); });
            std::printf("%-8d %-8d %16.1f %16.1f\n", torchThreads, blasThreads, gruSeconds * 1e3,
                        2.0 * 512 * 512 * 512 / mmSeconds / 1e9);
        }
    }
}
