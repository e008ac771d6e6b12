#!/usr/bin/env bash
# Trains the default ko-en model as it was before round 7 (bench/recipes.md): the recipe of
# commit REV (two networks of different seeds on Tatoeba alone, joined by dari ensemble), on
# Tatoeba's train split without the pairs that a newer model's training held out, so that the
# two can be compared on those pairs (bench/eval_default_models.sh MODELS OUT).
#   bench/before_model.sh REV HELD-OUT-MODEL OUT     e.g. bench/before_model.sh 5e1f0c2 models runs/before
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
rev=$1 after=$2 out=$3
data=${DARI_SHARED_DATA:-../shared/data}
dari=${DARI_BIN:-build/bin/dari}
mkdir -p "$out"
git show "$rev:configs/ko-en.yaml" >"$out/recipe.yaml"
held_out=$after/ko-en/held_out/tatoeba-ko-en.tsv
[ -f "$held_out" ] || { echo "no $held_out: train $after/ko-en first" >&2; exit 1; }
grep -v -x -F -f "$held_out" "$data/tatoeba-ko-en/train.tsv" >"$out/train.tsv"
echo "$(wc -l <"$out/train.tsv") of $(wc -l <"$data/tatoeba-ko-en/train.tsv") Tatoeba pairs" \
  "(without the $(wc -l <"$held_out") held out of $after/ko-en)"
train() {  # train DIR [options]: one network of the old recipe, as run.sh trained it then
  local dir=$1
  shift
  "$dari" train --config "$out/recipe.yaml" --train "$out/train.tsv" \
    --dev "$data/tatoeba-ko-en/dev.tsv" --set data.clean=false --threads 1 --out "$dir" "$@" \
    >"$dir.log" 2>&1
}
rm -rf "$out/1" "$out/2" "$out/ko-en"
train "$out/1" &
first=$!
until [ -f "$out/1/tgt.spm" ]; do sleep 1; done  # the second network shares its vocabularies
train "$out/2" --seed 2 --vocab-from "$out/1"
wait "$first"
"$dari" ensemble --out "$out/ko-en" --member "$out/1" --member "$out/2" \
  --dev "$data/tatoeba-ko-en/dev.tsv" --threads 1
