#include "model/runtime.h"

#include <dlfcn.h>
#include <link.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <climits>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "dari/version.h"

namespace dari {
namespace {

int findBlas(struct dl_phdr_info* info, size_t, void* data) {
    const std::string name = info->dlpi_name ? info->dlpi_name : "";
    if (name.find("libblas.so") != std::string::npos ||
        name.find("libopenblas") != std::string::npos) {
        auto* path = static_cast<std::string*>(data);
        if (path->empty() || name.find("libblas.so") != std::string::npos) *path = name;
    }
    return 0;
}

std::string resolved(const std::string& path) {
    char buffer[PATH_MAX];
    return ::realpath(path.c_str(), buffer) ? std::string(buffer) : path;
}

}  // namespace

BlasInfo activeBlas() {
    torch::zeros({1});  // make sure LibTorch and its BLAS are loaded
    BlasInfo info;
    std::string loaded;
    dl_iterate_phdr(findBlas, &loaded);
    info.path = loaded.empty() ? "(statically linked or unknown)" : resolved(loaded);
    using ConfigFn = char* (*)();
    if (auto config = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"))) {
        info.name = config();  // "OpenBLAS 0.3.21 ... Haswell MAX_THREADS=64"
    } else if (info.path.find("/blas/") != std::string::npos) {
        info.name = "reference BLAS (Netlib)";
        info.slow = true;
    } else if (info.path.find("blis") != std::string::npos) {
        info.name = "BLIS";
    } else if (info.path.find("mkl") != std::string::npos) {
        info.name = "Intel MKL";
    } else {
        info.name = "unknown BLAS";
    }
    return info;
}

void warnIfSlowBlas() {
    static std::once_flag once;
    std::call_once(once, [] {
        const BlasInfo blas = activeBlas();
        if (blas.slow)
            std::cerr << "warning: LibTorch is running on the slow reference BLAS (" << blas.path
                      << "), about 40x slower than OpenBLAS. Install libopenblas0-pthread and run\n"
                         "  update-alternatives --set libblas.so.3-x86_64-linux-gnu "
                         "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3\n";
    });
}

namespace {
int g_threads = 0;
int g_blasThreads = 0;  // what OpenBLAS was given (DARI_BLAS_THREADS may differ from g_threads)
}  // namespace

void configureThreads(int threads) {
    if (threads <= 0) {
        const char* env = std::getenv(kThreadsEnv);
        threads = env ? std::atoi(env) : 0;
    }
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // One pool only. OpenBLAS and LibTorch's intra-op pool each want every core;
    // together they oversubscribe (GRU 256x2, batch 64x30, forward+backward on 2
    // cores: torch 1/OpenBLAS 2 = 105 ms, torch 2/OpenBLAS 1 = 157 ms, both 2 =
    // 512 ms; bench/bench_threads). A recurrent model's time is in its GEMMs, so
    // OpenBLAS gets the threads and LibTorch runs its elementwise ops inline.
    // DARI_BLAS_THREADS / DARI_TORCH_THREADS override the split, for measuring it.
    auto fromEnv = [](const char* name, int fallback) {
        const char* value = std::getenv(name);
        return value && std::atoi(value) > 0 ? std::atoi(value) : fallback;
    };
    g_blasThreads = fromEnv("DARI_BLAS_THREADS", threads);
    if (setBlasThreads(g_blasThreads)) {
        torch::set_num_threads(fromEnv("DARI_TORCH_THREADS", 1));
    } else {
        torch::set_num_threads(threads);
    }
    static std::once_flag interop;  // LibTorch allows setting this once per process
    std::call_once(interop, [] { torch::set_num_interop_threads(1); });
    g_threads = threads;
}

int configuredThreads() {
    return g_threads;
}

int configuredBlasThreads() {
    return g_blasThreads;
}

namespace {
using SetThreadsFn = void (*)(int);
SetThreadsFn openblasSetThreads() {
    return reinterpret_cast<SetThreadsFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
}
}  // namespace

bool setBlasThreads(int threads) {
    const auto set = openblasSetThreads();
    if (set) set(threads);
    return set != nullptr;
}

bool blasThreadsSteerable() {
    return openblasSetThreads() != nullptr;
}

std::string versionReport() {
    const BlasInfo blas = activeBlas();
    std::ostringstream out;
    out << "dari " << DARI_VERSION << "\n"
        << "LibTorch " << TORCH_VERSION << "\n"
        << "SentencePiece " << DARI_SENTENCEPIECE_VERSION << "\n"
        << "Qt " << DARI_QT_VERSION << " (built with)\n"
        << "BLAS " << blas.name << " at " << blas.path << (blas.slow ? " (slow!)" : "") << "\n"
        << "threads " << configuredThreads() << "\n";
    // What dari train --nproc and a CUDA device could use with this LibTorch.
    const bool cuda = torch::cuda::is_available();
    out << "devices cpu";
    if (cuda)
        out << ", cuda (" << static_cast<int>(torch::cuda::device_count()) << " GPUs)";
    else
        out << " (this LibTorch has no CUDA, or no GPU is visible)";
    out << "\ndistributed c10d: gloo (TCPStore rendezvous)\n";
    return out.str();
}

}  // namespace dari
