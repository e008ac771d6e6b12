#pragma once
// The process-wide numeric runtime: which BLAS LibTorch runs on, and threads.

#include <string>

namespace dari {

struct BlasInfo {
    std::string name;   // "OpenBLAS 0.3.21 ...", "reference BLAS", ...
    std::string path;   // the libblas.so.3 actually loaded
    bool slow = false;  // the Netlib reference implementation: ~40x slower than OpenBLAS here
};

BlasInfo activeBlas();

// Prints a one-time warning on stderr if LibTorch runs on the reference BLAS.
void warnIfSlowBlas();

// Thread policy, measured on the 2-core machine (bench/bench_threads):
// LibTorch intra-op threads *and* OpenBLAS threads together oversubscribe the
// cores. `threads` <= 0 means "the default": see runtime.cpp.
void configureThreads(int threads);
// The environment variable `threads` <= 0 falls back to (dari train --nproc sets it for each
// worker: its share of the cores).
inline constexpr char kThreadsEnv[] = "DARI_THREADS";
int configuredThreads();
int configuredBlasThreads();  // OpenBLAS's share of them, to restore after single-threaded work

// OpenBLAS's own thread count; false (and nothing set) on other BLAS libraries.
// Data-parallel training (model/data_parallel.h) sets 1: each shard's thread runs its own GEMMs.
bool setBlasThreads(int threads);
// Whether setBlasThreads can steer this BLAS (OpenBLAS can; the MKL inside the official LibTorch
// follows LibTorch's own thread count instead).
bool blasThreadsSteerable();

// One line per component: Dari, LibTorch, SentencePiece, Qt (as built), BLAS.
std::string versionReport();

}  // namespace dari
