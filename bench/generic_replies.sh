#!/usr/bin/env bash
# How often a chat model's reply ignores the question: the share of dev replies that are one of
# the K most frequent replies of the training corpus ("맛있게 드세요." is a training reply 22
# times), next to the dev BLEU of the same replies. For the chatbot lever of issue 19
# (bench/recipes.md).
#
#   bench/generic_replies.sh MODEL TRAIN.tsv DEV.tsv [K] [dari chat options, e.g. --beam 5...]
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
model=$1 train=$2 dev=$3
k=${4:-20}
shift $(($# < 4 ? 3 : 4))
dari=${DARI_BIN:-build/bin/dari}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cut -f2 "$train" | sort | uniq -c | sort -rn | sed -n "1,${k}p" | sed -E 's/^ *[0-9]+ //' >"$work/top"
cut -f1 "$dev" >"$work/src"
cut -f2 "$dev" >"$work/ref"
"$dari" chat --model "$model" "$@" <"$work/src" >"$work/out" 2>/dev/null
awk -v k="$k" 'NR == FNR { top[$0] = 1; next } { n++; if ($0 in top) g++; seen[$0]++ }
  END { distinct = 0; for (r in seen) distinct++
        printf "%d replies: %d (%.1f%%) are one of the %d most frequent training replies; %d distinct replies\n",
               n, g, n ? 100 * g / n : 0, k, distinct }' "$work/top" "$work/out"
"$dari" score --hyp "$work/out" --ref "$work/ref"
