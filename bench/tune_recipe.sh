#!/usr/bin/env bash
# Trains one variant of a default-model recipe and appends its dev scores to a results table.
#   bench/tune_recipe.sh NAME ko-en|chat-ko [dari train options, e.g. --epochs 20 --set model.dropout=0.5]
# The run goes to runs/tune/NAME; results to runs/tune/results.tsv (the evidence kept in
# bench/recipes.md is copied from there). Dev sets only: test splits are never looked at.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
name=$1 recipe=$2
shift 2
data=${DARI_SHARED_DATA:-../shared/data}
declare -A corpus=([ko-en]=tatoeba-ko-en [chat-ko]=chatbot-ko)
dari=${DARI_BIN:-build/bin/dari}
out=runs/tune/$name
mkdir -p runs/tune
rm -rf "$out"
"$dari" train --config "configs/$recipe.yaml" --train "$data/${corpus[$recipe]}/train.tsv" \
  --dev "$data/${corpus[$recipe]}/dev.tsv" --out "$out" "$@" >"runs/tune/$name.log" 2>&1
meta() { python3 -c "import json,sys; m=json.load(open('$out/meta.json')); print(m$1)"; }
steps=$("$dari" status --run "$out" | sed -n 's/^finished at step \([0-9]*\).*/\1/p')
beam=$("$dari" eval --model "$out" --test "$data/${corpus[$recipe]}/dev.tsv" --beam 5 | tail -1)
greedy=$("$dari" eval --model "$out" --test "$data/${corpus[$recipe]}/dev.tsv" --beam 1 | tail -1)
printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$recipe $*" \
  "$steps steps $(meta "['training_seconds']") s" \
  "params $(meta "['parameters']")" "greedy $greedy" "beam5 $beam" | tee -a runs/tune/results.tsv
