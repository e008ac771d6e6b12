#!/usr/bin/env bash
# Distributed training on this machine: 1 process x 2 threads against 2 processes x 1 thread
# (loopback, ProcessGroupGloo) for the reference network, the same global batch of 64.
# Prints tokens/s of each, the all-reduce's bytes and milliseconds per step, and the largest
# difference of their loss curves. Not a test: run it on an idle machine.
#   bench/bench_distributed.sh [STEPS]      (default 150; results: bench/results/distributed.md)
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
STEPS=${1:-150}
DARI=${DARI:-build/bin/dari}
DATA=${DARI_SHARED_DATA:-../shared/data}/tatoeba-ko-en
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

common=(--config bench/configs/reference.yaml --train "$DATA/train.tsv" --dev "$DATA/dev.tsv"
        --stop-after-steps "$STEPS" --set train.log_every=25 --set train.validate_every=100000
        --set train.checkpoint_seconds=0)
# One pair of vocabularies for both runs (SentencePiece's training is not what is measured).
"$DARI" train "${common[@]}" --out "$WORK/vocab" --stop-after-steps 1 >/dev/null 2>&1 || true

run() {  # NAME OPTIONS...
  local name=$1
  shift
  "$DARI" train "${common[@]}" --vocab-from "$WORK/vocab" --out "$WORK/$name" "$@" \
    2>"$WORK/$name.err" >/dev/null || [ $? -eq 3 ]
}
run one --threads 2
run two --nproc 2 --threads 1 "${@:2}"

# The mean of a key over the train events after the first (the first holds the warm-up).
mean() {  # RUN KEY
  grep '"event":"train"' "$WORK/$1/train_log.jsonl" | tail -n +2 |
    sed -n "s/.*\"$2\":\([0-9.e+-]*\).*/\1/p" | awk '{s += $1; n++} END {printf "%.2f", s / n}'
}
losses() { grep '"event":"train"' "$WORK/$1/train_log.jsonl" | sed -n 's/.*"train_loss":\([0-9.e+-]*\).*/\1/p'; }

one=$(mean one tokens_per_s)
two=$(mean two tokens_per_s)
ms=$(mean two allreduce_ms)
wait=$(mean two allreduce_wait_ms)
mb=$(sed -n 's/^all-reduce: \([0-9.]*\) MB.*/\1/p' "$WORK/two.err")
diff=$(paste <(losses one) <(losses two) |
  awk '{d = ($1 - $2) / $1; if (d < 0) d = -d; if (d > m) m = d} END {printf "%.3g", m}')
echo "bench_distributed: reference network, global batch 64, $STEPS steps, $(nproc) cores"
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p')"
printf '| run | target tokens/s | all-reduce per step |\n|---|---|---|\n'
printf '| 1 process x 2 threads | %s | |\n' "$one"
printf '| 2 processes x 1 thread | %s | %s MB, %s ms (%s ms of them waiting for the slower rank) |\n' "$two" "$mb" "$ms" "$wait"
echo "2 processes / 1 process: $(awk -v a="$two" -v b="$one" 'BEGIN {printf "%.3f", a / b}')"
echo "largest relative difference of the logged training losses: $diff"

# Milliseconds per step of a run: seconds and steps between its first and last train events.
step_ms() {
  grep '"event":"train"' "$WORK/$1/train_log.jsonl" |
    sed -n 's/.*"seconds":\([0-9.e+-]*\).*"step":\([0-9]*\).*/\1 \2/p; s/.*"step":\([0-9]*\).*"seconds":\([0-9.e+-]*\).*/\2 \1/p' |
    awk 'NR == 1 {s0 = $1; n0 = $2} {s = $1; n = $2} END {printf "%.1f", 1e3 * (s - s0) / (n - n0)}'
}
t1=$(step_ms one)
echo "1 process x 2 threads: $t1 ms per step of the global batch ($(awk -v t="$t1" -v r="$one" 'BEGIN {printf "%.0f", t * r / 1e3}') target tokens)"
echo "2 processes x 1 thread: $(step_ms two) ms per step"

# Projection (docs/scaling.md): N machines like this one, ring all-reduce of the measured bytes,
# 2(N-1)/N x bytes / bandwidth (latency and overlap left out). Strong: the global batch stays,
# each machine computes 1/N of it; weak: each machine keeps the whole batch (N times larger).
echo
echo "| machines | network | all-reduce ms | strong: speedup (efficiency) | weak: efficiency |"
echo "|---|---|---|---|---|"
for gbit in 10 100; do
  for n in 4 16 64; do
    awk -v n="$n" -v g="$gbit" -v mb="$mb" -v t="$t1" 'BEGIN {
      c = 2 * (n - 1) / n * mb * 1e6 / (g * 1e9 / 8) * 1e3
      speed = t / (t / n + c)
      printf "| %d | %d Gb/s | %.1f | %.2fx (%.0f%%) | %.0f%% |\n", n, g, c, speed, 100 * speed / n, 100 * t / (t + c)
    }'
  done
done
