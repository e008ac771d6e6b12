#!/usr/bin/env bash
# Scores the default models on the dev splits and shows a few of their outputs; the README
# quotes the log this writes (bench/results/default-models.log). Dev splits only.
#   bench/eval_default_models.sh [models-dir]
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
models=${1:-models}
data=${DARI_SHARED_DATA:-../shared/data}
dari=${DARI_BIN:-build/bin/dari}
log=bench/results/default-models.log
mkdir -p bench/results
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; $("$dari" --version | head -1)"
  for name in ko-en chat-ko; do
    echo; echo "\$ dari info --model $models/$name"; "$dari" info --model "$models/$name"
  done
  echo; echo "\$ dari eval --model $models/ko-en --test $data/tatoeba-ko-en/dev.tsv"
  "$dari" eval --model "$models/ko-en" --test "$data/tatoeba-ko-en/dev.tsv"
  echo; echo "\$ dari eval --model $models/chat-ko --test $data/chatbot-ko/dev.tsv"
  "$dari" eval --model "$models/chat-ko" --test "$data/chatbot-ko/dev.tsv"
  echo; echo "\$ dari eval --model $models/chat-ko --test $data/chatbot-ko/dev.tsv --sample --seed 1"
  "$dari" eval --model "$models/chat-ko" --test "$data/chatbot-ko/dev.tsv" --sample --seed 1
  sentences=("안녕하세요." "오늘은 날씨가 좋네요." "톰은 어디에 있어요?" "저는 학생이에요." "이 책은 정말 재미있어요." "내일 만나요.")
  echo; echo "\$ dari translate --model $models/ko-en"
  for s in "${sentences[@]}"; do printf '%s\t%s\n' "$s" "$(echo "$s" | "$dari" translate --model "$models/ko-en")"; done
  questions=("안녕" "오늘 너무 피곤해" "배고파" "시험 망쳤어" "주말에 뭐 하지?" "헤어졌어")
  echo; echo "\$ dari chat --model $models/chat-ko --beam 5"
  for q in "${questions[@]}"; do printf '%s\t%s\n' "$q" "$(echo "$q" | "$dari" chat --model "$models/chat-ko" --beam 5)"; done
  echo; echo "\$ dari chat --model $models/chat-ko --seed 3   (sampled)"
  for q in "${questions[@]}"; do printf '%s\t%s\n' "$q" "$(echo "$q" | "$dari" chat --model "$models/chat-ko" --seed 3)"; done
} 2>&1 | tee "$log"
