#!/usr/bin/env bash
# Of the numbers in a corpus's sources, how many come out of `dari translate` unchanged (as a
# whole number in the output line), over the pairs whose source holds a digit; and the BLEU of
# those pairs' outputs. For data.placeholders (bench/recipes.md).
#
#   bench/numbers_kept.sh MODEL CORPUS.tsv [dari translate options...]
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
model=$1 corpus=$2
shift 2
dari=${DARI:-build/bin/dari}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
grep -P '^[^\t]*[0-9]' "$corpus" >"$work/pairs.tsv" || true
cut -f1 "$work/pairs.tsv" >"$work/src"
cut -f2 "$work/pairs.tsv" >"$work/ref"
"$dari" translate --model "$model" "$@" <"$work/src" >"$work/out" 2>/dev/null
paste "$work/src" "$work/out" | awk -F'\t' '
  {
    s = $1; out = " " $2 " "
    while (match(s, /[0-9]+([.,:][0-9]+)*/)) {
      n = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH); total++
      pattern = n; gsub(/\./, "\\.", pattern)
      if (out ~ ("[^0-9]" pattern "([^0-9]|$)")) kept++
    }
  }
  END { printf "%d pairs with digits: %d of %d numbers kept (%.1f%%)\n", NR, kept, total, total ? 100 * kept / total : 0 }'
"$dari" score --hyp "$work/out" --ref "$work/ref"
