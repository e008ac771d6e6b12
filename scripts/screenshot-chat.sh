#!/usr/bin/env bash
# Screenshot of dari-chat with a short scripted conversation: screenshots/chat.png.
# Trains two small models once (cached in build/screenshot-models, ~1-2 minutes),
# then runs the window under Xvfb with its own history and settings.
# DARI_SCREENSHOT_MODELS=DIR uses the ko-en and chat-ko bundles in DIR instead
# (e.g. the default models of ./run.sh models); they are only read.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/build/bin
data=${DARI_SHARED_DATA:-$root/../shared/data}/tatoeba-ko-en
models=${DARI_SCREENSHOT_MODELS:-$root/build/screenshot-models}
out=${1:-$root/screenshots/chat.png}
[[ -x $bin/dari && -x $bin/dari-chat-demo ]] || { echo "build dari and dari-chat-demo first" >&2; exit 1; }
mkdir -p "$models" "$(dirname "$out")"

small=(--vocab-size 1000 --embedding 96 --hidden 128 --threads 2 --minutes 1.2
       --set train.validate_every=100 --set data.max_dev_pairs=200)
if [[ ! -f $models/ko-en/model.pt ]]; then
  head -n 4000 "$data/train.tsv" > "$models/ko-en.tsv"
  rm -rf "$models/ko-en"
  "$bin/dari" train --train "$models/ko-en.tsv" --out "$models/ko-en" "${small[@]}" </dev/null
fi
if [[ ! -f $models/chat-ko/model.pt ]]; then
  head -n 4000 "$data/../chatbot-ko/train.tsv" > "$models/chat-ko.tsv"
  rm -rf "$models/chat-ko"
  "$bin/dari" train --train "$models/chat-ko.tsv" --out "$models/chat-ko" --task chat --langs ko,ko \
    --set data.shared_vocab=true "${small[@]}" </dev/null
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$out"
XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data DARI_HISTORY_DB=$tmp/history.sqlite DARI_MODELS=$models \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  "$bin/dari-chat-demo" --demo "/chat|안녕하세요!|/translate|나는 학생이다.|오늘은 날씨가 좋네요. 고마워요, 내일 봐요." \
  --screenshot "$out"
echo "wrote $out"
