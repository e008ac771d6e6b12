#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz) of the sanitizer build for longer than CTest does.
#   bench/fuzz.sh [SECONDS] [TARGET...]     default: 600 s each, every target
# One target after another, on one core; a crash stops with its input in
# build-sanitize/fuzz-findings/<target>/ (add it to tests/fuzz/seeds/<target>/ once fixed).
# The last libFuzzer status line of each run is printed and kept in build-sanitize/fuzz-<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(corpus config bundle history)
[ -x build-sanitize/fuzz/fuzz_corpus ] || ./run.sh setup --sanitize
for t in "${targets[@]}"; do
  corpus=build-sanitize/fuzz-corpus/$t findings=build-sanitize/fuzz-findings/$t
  mkdir -p "$corpus" "$findings"
  echo "== fuzz_$t for $seconds s"
  DARI_THREADS=1 QT_QPA_PLATFORM=offscreen \
    ASAN_OPTIONS=detect_leaks=1 \
    LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    build-sanitize/fuzz/fuzz_"$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "tests/fuzz/seeds/$t" \
      >"build-sanitize/fuzz-$t.log" 2>&1 || { tail -n 40 "build-sanitize/fuzz-$t.log"; exit 1; }
  grep -E '^#[0-9]+.*(DONE|pulse)' "build-sanitize/fuzz-$t.log" | tail -n 1
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "build-sanitize/fuzz-$t.log"
done
