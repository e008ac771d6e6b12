#pragma once
// OpenBLAS picks its GEMM kernels for the CPU model when it loads. Debian 12's OpenBLAS 0.3.21
// does not know CPUs newer than itself (a Xeon of model 207, Emerald Rapids, with AVX-512 and
// AMX) and falls back to its Prescott (SSE3) kernels: a training step took 2.75 times as long
// (bench/results/blas-kernels.md). OPENBLAS_CORETYPE names the kernels to use instead, but it is
// read only when the library loads, so a process that finds the fallback starts itself again.

#include <string>

namespace dari {

// The kernels OpenBLAS should use here when it fell back to Prescott on a CPU that runs better
// ones: SkylakeX with AVX-512, Haswell with AVX2 and FMA. "" when it did not fall back (or this
// is not OpenBLAS).
std::string betterBlasCore();

// The first thing main() does: with betterBlasCore() and no OPENBLAS_CORETYPE in the
// environment (a user's own choice, or this restart's), the program is started again with the
// same arguments and OPENBLAS_CORETYPE set. Returns when there is nothing to do, or when the
// restart failed (the program then runs on the slow kernels).
void restartWithBetterBlas(char** argv);

}  // namespace dari
