#!/usr/bin/env bash
# Trains one variant of a default-model recipe and appends its scores to a results table: every
# dev set of the recipe and every set its training held out (dari eval --data-dir), beam 5.
#   bench/tune_recipe.sh NAME ko-en|chat-ko [dari train options, e.g. --epochs 6 --set model.dropout=0.2]
# The run goes to runs/tune/NAME; results to runs/tune/results.tsv (the evidence kept in
# bench/recipes.md is copied from there). Dev and held-out sets only: test splits are never
# looked at. Choices are made on dev; the held-out columns confirm them (or do not).
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
name=$1 recipe=$2
shift 2
data=${DARI_SHARED_DATA:-../shared/data}
dari=${DARI_BIN:-build/bin/dari}
out=runs/tune/$name
mkdir -p runs/tune
rm -rf "$out"
"$dari" train --config "configs/$recipe.yaml" --data-dir "$data" --out "$out" "$@" \
  >"runs/tune/$name.log" 2>&1
steps=$("$dari" status --run "$out" | sed -n 's/^finished at step \([0-9]*\) after \([0-9]*\) s.*/\1 steps \2 s/p')
scores=$("$dari" eval --model "$out" --data-dir "$data" --threads 1 |
  awk '{ printf "%s%s=%s/%s", (NR > 1 ? "  " : ""), $1, $6, $9 }')
printf '%s\t%s\t%s\t%s\n' "$name" "$recipe $*" "$steps" "$scores" | tee -a runs/tune/results.tsv
