#!/usr/bin/env bash
# dari translate on a file with one thread, then with every core (its batches decoded in
# parallel, one BLAS thread each): seconds, sentences/s and the ratio, and whether the outputs
# are the same. Usage: bench/bench_decode_threads.sh [MODEL] [FILE] [LINES] [BEAM]
# Defaults: models/ko-en, the 1,000 sources of ../shared/data/news-ko-en/dev.tsv, beam 5.
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-models/ko-en}
file=${2:-../shared/data/news-ko-en/dev.tsv}
lines=${3:-1000}
beam=${4:-5}
dari=${DARI_BIN:-build/bin/dari}
cores=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -n "$lines" "$file" | cut -f1 > "$tmp/in.txt"
echo "$(lscpu | sed -n 's/^Model name: *//p'), $cores cores; $model, $(wc -l < "$tmp/in.txt") lines, beam $beam"
run() {  # THREADS -> seconds
  local start end
  start=$(date +%s.%N)
  "$dari" translate --model "$model" --beam "$beam" --threads "$1" < "$tmp/in.txt" > "$tmp/out-$1.txt" 2>/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}
one=$(run 1)
all=$(run "$cores")
awk -v n="$lines" -v one="$one" -v all="$all" -v cores="$cores" 'BEGIN {
  printf "1 thread:   %7.2f s  %6.1f sentences/s\n", one, n / one
  printf "%d threads:  %7.2f s  %6.1f sentences/s\n", cores, all, n / all
  printf "ratio: %.2fx\n", one / all }'
cmp -s "$tmp/out-1.txt" "$tmp/out-$cores.txt" && echo "outputs identical" || echo "outputs differ"
