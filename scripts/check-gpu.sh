#!/usr/bin/env bash
# The CUDA path checked on a machine with a GPU and the official CUDA LibTorch (for instance the
# one inside a Python PyTorch 2.x install): builds tests/gpu (the engine's networks, search and
# training step, which need LibTorch alone) and runs its checks and bench_gpu.
#
#   scripts/check-gpu.sh [TORCH_PREFIX]    # default: the LibTorch of python3's torch package
#
# CHECK_GPU_BUILD=g++ skips CMake. Writes check-gpu.log, gpu_check.txt and bench_gpu.txt into $OUT (default build-gpu/out).
# Exit status: gpu_check's (0 every check passed, 1 one failed, 2 no GPU), 3 the build failed.
set -uo pipefail
cd "$(dirname "$(realpath "$0")")/.."
BUILD=build-gpu
OUT=${OUT:-$BUILD/out}
mkdir -p "$BUILD" "$OUT"
exec > >(tee "$OUT/check-gpu.log") 2>&1

say() { printf '==> %s\n' "$*"; }
python=$(command -v python3 || command -v python || true)
prefix=${1:-}
if [ -z "$prefix" ] && [ -n "$python" ]; then
  prefix=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null)
fi
if [ ! -d "$prefix/include/torch" ]; then  # a LibTorch unpacked somewhere, or another Python's
  config=$(find /opt /usr /root /home -name TorchConfig.cmake -path '*share/cmake/Torch/*' 2>/dev/null | head -n 1)
  [ -n "$config" ] && prefix=$(dirname "$(dirname "$(dirname "$(dirname "$config")")")")
fi
[ -d "$prefix/include/torch" ] || { say "no LibTorch found (give its folder as the argument)"; exit 3; }

say "machine"
lscpu | grep -E '^(Model name|CPU\(s\))' || true
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -4
[ -n "$python" ] && "$python" -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda, "cxx11 ABI", torch._C._GLIBCXX_USE_CXX11_ABI)'
say "LibTorch: $prefix"

# CMake first (the way a user builds against the official LibTorch); its Caffe2 config wants
# the CUDA toolkit, which a pip install lacks: then g++ on the same source list.
built=no
if [ "${CHECK_GPU_BUILD:-cmake}" = cmake ] && command -v cmake >/dev/null &&
   cmake -S tests/gpu -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
     -DTorch_DIR="$prefix/share/cmake/Torch" >"$BUILD/cmake.log" 2>&1 &&
   cmake --build "$BUILD" --parallel "$(nproc)" >>"$BUILD/cmake.log" 2>&1; then
  built=cmake
else
  say "CMake could not configure or build against it (tail of $BUILD/cmake.log):"
  tail -n 15 "$BUILD/cmake.log" 2>/dev/null
  say "building with g++ instead"
  abi=$("$python" -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))' 2>/dev/null || echo 1)
  mkdir -p "$BUILD/generated/dari" "$BUILD/obj"
  sed -e 's/@PROJECT_VERSION@/gpu-check/' -e 's/@SentencePiece_VERSION@/none/' \
      -e 's/@SentencePiece_KIND@/not built/' -e 's/@DARI_QT_VERSION@/none/' \
      cmake/version.h.in >"$BUILD/generated/dari/version.h"
  flags=(-std=c++17 -O2 -fPIC -D_GLIBCXX_USE_CXX11_ABI="$abi" -I. -I"$BUILD/generated"
         -isystem "$prefix/include" -isystem "$prefix/include/torch/csrc/api/include")
  sources=$(sed -n 's|^ *\${DARI_ROOT}/\(.*\.cpp\)$|\1|p' tests/gpu/engine_sources.cmake)
  sources="$sources tests/gpu/gpu_check.cpp bench/bench_gpu.cpp"
  printf '%s\n' $sources | xargs -P "$(nproc)" -I{} sh -c \
    'g++ "$@" -c {} -o '"$BUILD"'/obj/$(echo {} | tr / _).o || echo "FAILED {}"' _ "${flags[@]}" \
    >"$BUILD/gxx.log" 2>&1
  grep -E 'error|FAILED' "$BUILD/gxx.log" | head -40
  libs=(-L"$prefix/lib" -Wl,-rpath,"$prefix/lib" -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10)
  [ -e "$prefix/lib/libtorch_cuda.so" ] && libs+=(-ltorch_cuda -lc10_cuda)
  libs+=(-Wl,--as-needed -pthread -ldl)
  engine=$(ls "$BUILD"/obj/*.o | grep -v -e gpu_check -e bench_gpu)
  g++ -o "$BUILD/gpu_check" $engine "$BUILD/obj/tests_gpu_gpu_check.cpp.o" "${libs[@]}" &&
  g++ -o "$BUILD/bench_gpu" $engine "$BUILD/obj/bench_bench_gpu.cpp.o" "${libs[@]}" &&
  built=g++
fi
[ "$built" = no ] && { say "the build failed"; exit 3; }
say "built with $built"

say "gpu_check"
"$BUILD/gpu_check" | tee "$OUT/gpu_check.txt"
status=${PIPESTATUS[0]}
say "bench_gpu (threads: $(nproc))"
"$BUILD/bench_gpu" --threads "$(nproc)" --steps 20 | tee "$OUT/bench_gpu.txt"
exit "$status"
