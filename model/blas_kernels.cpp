#include "model/blas_kernels.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace dari {

namespace {

bool hasAvx512() {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
           __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
}

}  // namespace

std::string betterBlasCore() {
    using CoreNameFn = char* (*)();
    const auto coreName =
        reinterpret_cast<CoreNameFn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!coreName || !coreName() || std::strcmp(coreName(), "Prescott") != 0) return "";
    __builtin_cpu_init();
    if (hasAvx512()) return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
    return "";
}

void restartWithBetterBlas(char** argv) {
    if (std::getenv("OPENBLAS_CORETYPE")) return;
    const std::string core = betterBlasCore();
    if (core.empty()) return;
    setenv("OPENBLAS_CORETYPE", core.c_str(), 1);
    execv("/proc/self/exe", argv);
    unsetenv("OPENBLAS_CORETYPE");  // still here: exec failed, go on as we are
}

}  // namespace dari
