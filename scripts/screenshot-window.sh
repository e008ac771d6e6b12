#!/usr/bin/env bash
# Screenshots of what a new user sees (issue: the window as a new user finds it), in
# screenshots/: first-launch.png (the empty state), paragraph.png (a long pasted paragraph),
# heatmap-translate.png and heatmap-chat.png, small.png (the window at 800x600), and
# training-start.png, training-middle.png, training-end.png (a one-minute run with the
# wizard's defaults). Models as in screenshot-chat.sh (DARI_SCREENSHOT_MODELS=models: the
# default models). About 2 minutes, most of it the one-minute training run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bin=$root/build/bin
data=${DARI_SHARED_DATA:-$root/../shared/data}
models=${DARI_SCREENSHOT_MODELS:-$root/build/screenshot-models}
out=${1:-$root/screenshots}
[[ -x $bin/dari-chat-demo ]] || { echo "build dari-chat-demo first" >&2; exit 1; }
[[ -f $models/ko-en/model.pt ]] || scripts/screenshot-chat.sh "$out/chat.png"
mkdir -p "$out"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One window run with its own empty history: DEMO-LINES OUTPUT [SCREEN]
shot() {
  rm -rf "$tmp/run" && mkdir -p "$tmp/run"
  XDG_CONFIG_HOME=$tmp/run/config XDG_DATA_HOME=$tmp/run/data DARI_HISTORY_DB=$tmp/run/history.sqlite \
    DARI_MODELS=$models xvfb-run -a -s "-screen 0 ${3:-1280x800}x24" \
    "$bin/dari-chat-demo" --demo "$1" --screenshot "$out/$2"
  echo "wrote $out/$2"
}
paragraph="나는 1992년에 서울에서 태어났다. 그때 수퍼컴퓨터는 지금의 휴대전화보다 느렸다고 한다. \
I can't believe it. 오늘은 날씨가 좋네요. 톰은 어제 새 컴퓨터를 샀어요. 우리는 내일 아침 일찍 떠날 거예요."
shot "/translate" first-launch.png
shot "/translate|$paragraph|/alternatives" paragraph.png
shot "/translate|나는 학생이다.|오늘은 날씨가 좋네요." heatmap-translate.png
shot "/chat|안녕하세요!|오늘 너무 피곤해" heatmap-chat.png
shot "/size 800x600|/translate|나는 학생이다." small.png 800x600

rm -rf "$tmp/run" && mkdir -p "$tmp/run/models"
XDG_CONFIG_HOME=$tmp/run/config XDG_DATA_HOME=$tmp/run/data DARI_HISTORY_DB=$tmp/run/history.sqlite \
  DARI_MODELS=$tmp/run/models xvfb-run -a -s "-screen 0 1400x900x24" \
  "$bin/dari-chat-demo" --minute-demo "$data/tatoeba-ko-en/train.tsv" --screenshot "$out/training.png"
echo "wrote $out/training-{start,middle,end}.png"
