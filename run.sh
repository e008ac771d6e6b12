#!/usr/bin/env bash
# Dari's two commands:
#   ./run.sh          set up whatever is missing, train the missing default models, open the chat window
#   ./run.sh test     set up whatever is missing, then run every test (Release, then sanitizers)
#   ./run.sh setup    only the set-up (apt packages, SentencePiece, Release build)
#   ./run.sh models   train the default models that are missing (models/ko-en, models/chat-ko)
#   ./run.sh test --release | --sanitize   only one of the two: the Release build's tests, or
#                     the same tests built with clang, AddressSanitizer + UndefinedBehaviorSanitizer
#                     and libFuzzer, in build-sanitize/ (README)
# Set-up is idempotent: a second run changes nothing and takes seconds.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")"

BUILD_DIR=${DARI_BUILD_DIR:-build}
DEPS_DIR=.deps
PACKAGES=(
  build-essential cmake ninja-build pkg-config patch dpkg-dev
  libtorch-dev libgloo-dev libopenblas0-pthread protobuf-compiler libprotobuf-dev
  libyaml-cpp-dev nlohmann-json3-dev libicu-dev
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev libvulkan-dev
  libqt6sql6-sqlite libqt6svg6 fonts-noto-cjk
  libarchive-dev nettle-dev help2man desktop-file-utils appstream
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  clang-format git
  xvfb xauth
)
# Debian's multiarch folder for this machine (x86_64-linux-gnu, aarch64-linux-gnu, ...).
TRIPLET=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "$(uname -m)-linux-gnu")
OPENBLAS_DIR=/usr/lib/$TRIPLET/openblas-pthread
# The corpora of the default models (data/corpus_sources.h says where they come from).
DATA_DIR=${DARI_DATA:-${DARI_SHARED_DATA:-../shared/data}}
# The sanitizer build's own folder and compiler (clang: libFuzzer and LeakSanitizer).
SANITIZE_DIR=build-sanitize
SANITIZE_PACKAGES=(clang-14 libclang-rt-14-dev)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # SentencePiece is built from Debian's source package, which needs a deb-src entry.
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/ \
      && [ ! -f "$DEPS_DIR/sentencepiece/.built-0.1.97" ]; then
    say "Adding a deb-src entry for bookworm main (to build SentencePiece)"
    as_root tee /etc/apt/sources.list.d/dari-deb-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    missing+=(dpkg-dev)
  fi
  [ ${#missing[@]} -eq 0 ] && return
  say "Installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

use_openblas() {
  # LibTorch calls whatever libblas.so.3 is active: the reference BLAS is ~40x slower. Which
  # BLAS every program uses is the administrator's choice (update-alternatives), so it is not
  # changed here: the Dari processes this script starts find OpenBLAS first on their library
  # path instead, and the way to change it system-wide is said once.
  local current openblas=$OPENBLAS_DIR/libblas.so.3
  [ -e "$openblas" ] || return 0
  current=$(readlink -f "/etc/alternatives/libblas.so.3-$TRIPLET" 2>/dev/null || true)
  [ "$current" = "$openblas" ] && return 0
  case ":${LD_LIBRARY_PATH:-}:" in *":$OPENBLAS_DIR:"*) return 0 ;; esac
  export LD_LIBRARY_PATH=$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  say "This system's BLAS is ${current:-unknown}; Dari started from here uses OpenBLAS instead"
  echo "    (to make OpenBLAS every program's BLAS: sudo update-alternatives --set libblas.so.3-$TRIPLET $openblas)"
}

build() {
  if [ ! -f "$DEPS_DIR/sentencepiece/.built-0.1.97" ]; then
    say "Building SentencePiece 0.1.97 against the system protobuf (once, ~1 min)"
    scripts/build-sentencepiece.sh "$DEPS_DIR/sentencepiece"
  fi
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSentencePiece_ROOT="$PWD/$DEPS_DIR/sentencepiece" >/dev/null
  fi
  say "Building (Release)"
  cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

setup() {
  install_packages
  use_openblas
  build
}

# The Release build's set-up, then the same sources in $SANITIZE_DIR with clang, ASan + UBSan
# and libFuzzer's coverage; -O1 keeps the instrumented tests fast enough to run them all.
setup_sanitize() {
  PACKAGES+=("${SANITIZE_PACKAGES[@]}")
  setup
  if [ ! -f "$SANITIZE_DIR/build.ninja" ]; then
    cmake -S . -B "$SANITIZE_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DDARI_SANITIZE=ON -DDARI_FUZZ=ON \
      -DDARI_BUILD_BENCH=OFF -DSentencePiece_ROOT="$PWD/$DEPS_DIR/sentencepiece" >/dev/null
  fi
  say "Building with AddressSanitizer + UndefinedBehaviorSanitizer ($SANITIZE_DIR)"
  cmake --build "$SANITIZE_DIR" --parallel "$(nproc)"
}

# Where a training run stands: dari status's exit code (0 finished, 3 interrupted, 4 none).
run_status() {  # DIR
  local code=0
  "$BUILD_DIR/bin/dari" status --run "$1" >/dev/null || code=$?
  echo "$code"
}

# Trains DIR from a recipe (its data.corpora under $DATA_DIR), or continues its interrupted run;
# nothing if it finished.
train_one() {  # DIR RECIPE [dari train options...]
  local dir=$1 recipe=$2 status
  shift 2
  status=$(run_status "$dir")
  [ "$status" = 0 ] && return 0
  if [ "$status" = 3 ]; then
    say "Continuing the interrupted training of $dir"
    "$BUILD_DIR/bin/dari" train --resume "$dir" "$@"  # the options given are --threads only
    return
  fi
  say "Training $dir ($recipe)"
  rm -rf "$dir"
  "$BUILD_DIR/bin/dari" train --config "$recipe" --data-dir "$DATA_DIR" --out "$dir" "$@"
}

# "PERCENT SECONDS": how much of run DIR's budget is spent, and in how many seconds of training
# (dari status, from its last log event; 100 and its whole time once it finished); nothing
# before it logs.
budget_share() {  # DIR
  # Before the run writes its first file, dari status says "none" (exit 4): not an error here.
  { "$BUILD_DIR/bin/dari" status --run "$1" 2>/dev/null || true; } | sed -n \
    -e 's/^finished at step [0-9]* after \([0-9]*\) s of training$/100 \1/p' \
    -e 's/.*; \([0-9.]*\)% of its budget after \([0-9]*\) s of training$/\1 \2/p'
}

# While the lanes run: one line with each model's share of its budget and the time left,
# projected from the pace so far (the first such line is the estimate); rewritten every 15 s on
# a terminal, printed each minute otherwise.
ESTIMATED=0  # the first estimate is said once, however many times show_progress runs
show_progress() {  # LANE_PID... : returns when one of them ends
  local last=-60 chat="" koen="" line pid
  while true; do
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null || break 2; done
    # dari status loads LibTorch (half a second of a core): finished runs are asked no more.
    [ "${chat%% *}" = 100 ] || chat=$(budget_share models/chat-ko)
    [ "${koen%% *}" = 100 ] || koen=$(budget_share models/ko-en)
    line=$(awk -v chat="${chat:-0 0}" -v koen="${koen:-0 0}" '
      function bar(p,   s, k) { s = ""; for (k = 0; k < 20; k++) s = s (k < p / 5 ? "#" : "."); return s }
      function left(r) { return r[1] >= 100 ? 0 : (r[1] > 0 ? r[2] * (100 - r[1]) / r[1] : -1) }
      BEGIN {
        split(chat, c, " "); split(koen, k, " ")
        cl = left(c); kl = left(k)
        eta = (cl < 0 || kl < 0) ? "estimating..." : sprintf("about %d min left", (cl > kl ? cl : kl) / 60 + 0.5)
        printf "chat-ko [%s] %3d%%   ko-en [%s] %3d%%   %s", bar(c[1]), c[1], bar(k[1]), k[1], eta
      }')
    if [ $ESTIMATED = 0 ] && [[ "$line" == *"min left"* ]]; then
      ESTIMATED=1
      printf '%s\n' "Estimate from the first steps: ${line##*about }" | sed 's/ left$/ for both/'
    fi
    if [ -t 1 ]; then
      printf '\r%s ' "$line"
    elif [ $((SECONDS - last)) -ge 60 ]; then
      echo "$line"
      last=$SECONDS
    fi
    sleep 15
  done
  [ -t 1 ] && echo
  return 0
}

# Lane PID's exit status, after it ended: its log's last lines when it failed.
lane_ok() {  # PID NAME LOG
  local code=0
  wait "$1" || code=$?
  [ $code = 0 ] && return 0
  echo "run.sh: training $2 failed; the end of $3:" >&2
  tail -n 5 "$3" >&2
  exit 1
}

train_default_models() {
  local koen=0 chat=0
  [ "$(run_status models/ko-en)" = 0 ] || koen=1
  [ "$(run_status models/chat-ko)" = 0 ] || chat=1
  if [ $koen = 1 ] && [ $chat = 1 ]; then
    # One core each: two one-thread runs side by side do ~17% more work than one
    # two-thread run after the other. Their output goes to logs; the terminal shows progress.
    local koen_log=models/ko-en.log chat_log=models/chat-ko.log code=0
    mkdir -p models
    say "Training models/ko-en beside models/chat-ko, one core each (logs: $chat_log, $koen_log)"
    train_one models/ko-en configs/ko-en.yaml --threads 1 >>"$koen_log" 2>&1 &
    local koen_lane=$!
    train_one models/chat-ko configs/chat-ko.yaml --threads 1 >"$chat_log" 2>&1 &
    local chat_lane=$!
    # If this script stops, so do both lanes (their runs save a checkpoint on SIGTERM).
    trap 'pkill -TERM -P $koen_lane 2>/dev/null; kill -TERM $koen_lane 2>/dev/null;
          pkill -TERM -P $chat_lane 2>/dev/null; kill -TERM $chat_lane 2>/dev/null' EXIT
    show_progress "$chat_lane" "$koen_lane"
    if kill -0 "$koen_lane" 2>/dev/null; then
      lane_ok "$chat_lane" chat-ko "$chat_log"
      # chat-ko is done: ko-en goes on from a checkpoint on both cores. Its recipe splits every
      # step into a fixed number of shards (train.shards), so the model is the same.
      pkill -TERM -P "$koen_lane" 2>/dev/null || true
      wait "$koen_lane" || code=$?
      if [ $code = 3 ]; then
        echo "chat-ko is done: ko-en continues on both cores" >>"$koen_log"
        "$BUILD_DIR/bin/dari" train --resume models/ko-en --threads 2 >>"$koen_log" 2>&1 &
        koen_lane=$!
      elif [ $code != 0 ]; then
        lane_ok "$koen_lane" ko-en "$koen_log"
      fi
      show_progress "$koen_lane"
      lane_ok "$koen_lane" ko-en "$koen_log"
    else
      lane_ok "$koen_lane" ko-en "$koen_log"
      show_progress "$chat_lane"
      lane_ok "$chat_lane" chat-ko "$chat_log"
    fi
    trap - EXIT
    tail -n 1 "$chat_log"
    tail -n 1 "$koen_log"
  else
    [ $chat = 0 ] || train_one models/chat-ko configs/chat-ko.yaml --threads "$(nproc)"
    [ $koen = 0 ] || train_one models/ko-en configs/ko-en.yaml --threads "$(nproc)"
  fi
  calibrate_default_models
}

# How sure each default model is, in three levels measured on its recipe's dev sets (dari
# calibrate), for a model that has no such levels yet.
calibrate_default_models() {
  local model
  for model in models/ko-en models/chat-ko; do
    grep -q '"low_below"' "$model/meta.json" && continue
    say "Calibrating $model's confidence on its dev sets"
    "$BUILD_DIR/bin/dari" calibrate --model "$model" --data-dir "$DATA_DIR"
  done
}

case "${1:-run}" in
  setup)
    if [ "${2:-}" = --sanitize ]; then setup_sanitize; else setup; fi
    ;;
  models)
    setup
    train_default_models
    ;;
  test)
    # Every test on the Release build, then again under the sanitizers (README: how long);
    # --release or --sanitize runs one of the two.
    if [ "${2:-}" != --sanitize ]; then
      setup
      say "Running the tests"
      ctest --test-dir "$BUILD_DIR" --output-on-failure
    fi
    if [ "${2:-}" != --release ]; then
      setup_sanitize
      say "Running the tests under AddressSanitizer + UndefinedBehaviorSanitizer"
      ctest --test-dir "$SANITIZE_DIR" --output-on-failure
    fi
    ;;
  run)
    setup
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "run.sh: no display (DISPLAY is not set). Run it on a desktop, or try:" >&2
      echo "  xvfb-run -a $BUILD_DIR/bin/dari-chat --screenshot dari.png" >&2
      exit 1
    fi
    train_default_models  # a second run finds them and opens the window at once
    exec "$BUILD_DIR/bin/dari-chat" "${@:2}"
    ;;
  *) echo "usage: ./run.sh [run|test [--release|--sanitize]|setup [--sanitize]|models]" >&2; exit 2 ;;
esac
