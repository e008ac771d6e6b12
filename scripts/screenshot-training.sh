#!/usr/bin/env bash
# Screenshot of the training dashboard mid-training: screenshots/training.png.
# Runs dari-chat under Xvfb with an empty models folder of its own, imports the
# Tatoeba training split and trains a small model until ten validations are
# drawn (about 2-4 minutes), grabs the dashboard, then stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/build/bin
corpus=${DARI_SHARED_DATA:-$root/../shared/data}/tatoeba-ko-en/train.tsv
out=${1:-$root/screenshots/training.png}
[[ -x $bin/dari && -x $bin/dari-chat-demo ]] || { echo "build dari and dari-chat-demo first" >&2; exit 1; }
mkdir -p "$(dirname "$out")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/models"
rm -f "$out"
XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data DARI_HISTORY_DB=$tmp/history.sqlite DARI_MODELS=$tmp/models \
  xvfb-run -a -s "-screen 0 1400x900x24" \
  "$bin/dari-chat-demo" --train-demo "$corpus" --screenshot "$out"
[[ -s $out ]] || { echo "no screenshot written" >&2; exit 1; }
echo "wrote $out"
