#!/usr/bin/env bash
# Scores the default models on every dev set of their recipes and on the pairs their training
# held out, and shows their outputs on everyday sentences (bench/everyday.ko, written for this,
# in no corpus); the README quotes the log this writes (bench/results/default-models.log). Dev
# and held-out sets only: the test splits are never looked at.
#   bench/eval_default_models.sh [models-dir] [an earlier ko-en model, for before/after]
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
models=${1:-models}
before=${2:-}
data=${DARI_SHARED_DATA:-../shared/data}
dari=${DARI_BIN:-build/bin/dari}
log=bench/results/default-models.log
mkdir -p bench/results
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')); $("$dari" --version | head -1)"
  for name in ko-en chat-ko; do
    echo; echo "\$ dari info --model $models/$name"; "$dari" info --model "$models/$name"
  done
  echo; echo "\$ dari eval --model $models/ko-en --data-dir $data   (beam 5: each dev set, then each held-out set)"
  "$dari" eval --model "$models/ko-en" --data-dir "$data"
  if [ -n "$before" ]; then
    # The earlier model on the same sets: the four dev sets and the pairs ko-en's training held
    # out (train the earlier recipe without them: bench/before_model.sh).
    echo; echo "\$ dari eval --model $before --test SET   (beam 5; the same sets)"
    for set in tatoeba-ko-en korsts-ko-en docs-ko-en news-ko-en; do
      printf 'dev:%-24s ' "$set"
      "$dari" eval --model "$before" --test "$data/$set/dev.tsv" | tail -1
    done
    for set in "$models"/ko-en/held_out/*.tsv; do
      printf 'held-out:%-19s ' "$(basename "$set" .tsv)"
      "$dari" eval --model "$before" --test "$set" | tail -1
    done
  fi
  echo; echo "\$ dari eval --model $models/chat-ko --test $data/chatbot-ko/dev.tsv"
  "$dari" eval --model "$models/chat-ko" --test "$data/chatbot-ko/dev.tsv"
  echo; echo "\$ dari eval --model $models/chat-ko --test $data/chatbot-ko/dev.tsv --sample --seed 1"
  "$dari" eval --model "$models/chat-ko" --test "$data/chatbot-ko/dev.tsv" --sample --seed 1
  echo; echo "\$ dari translate --model $models/ko-en --scores < bench/everyday.ko${before:+   (then $before)}"
  after=$("$dari" translate --model "$models/ko-en" --scores < bench/everyday.ko)
  if [ -n "$before" ]; then
    earlier=$("$dari" translate --model "$before" < bench/everyday.ko)
    paste bench/everyday.ko <(echo "$after") <(echo "$earlier")
  else
    paste bench/everyday.ko <(echo "$after")
  fi
  questions=("안녕" "오늘 너무 피곤해" "배고파" "시험 망쳤어" "주말에 뭐 하지?" "헤어졌어")
  echo; echo "\$ dari chat --model $models/chat-ko --beam 5"
  for q in "${questions[@]}"; do printf '%s\t%s\n' "$q" "$(echo "$q" | "$dari" chat --model "$models/chat-ko" --beam 5)"; done
} 2>&1 | tee "$log"
