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
  libqt6sql6-sqlite fonts-noto-cjk
  clang-format git
  xvfb xauth
)
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3
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

select_openblas() {
  # LibTorch calls whatever libblas.so.3 is active: the reference BLAS is ~40x slower.
  local current
  current=$(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || true)
  if [ "$current" != "$OPENBLAS" ] && [ -e "$OPENBLAS" ]; then
    say "Making OpenBLAS the active BLAS"
    as_root update-alternatives --set libblas.so.3-x86_64-linux-gnu "$OPENBLAS"
  fi
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
  select_openblas
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

# The ko-en default model is an ensemble of this many networks (bench/recipes.md: one network
# of the same compute is ~1.5 BLEU worse).
KOEN_MEMBERS=3

# Where a training run stands: dari status's exit code (0 finished, 3 interrupted, 4 none).
run_status() {  # DIR
  local code=0
  "$BUILD_DIR/bin/dari" status --run "$1" >/dev/null || code=$?
  echo "$code"
}

# Trains DIR from a recipe, or continues its interrupted run; nothing if it finished.
train_one() {  # DIR RECIPE CORPUS [dari train options...]
  local dir=$1 recipe=$2 corpus=$3 data=${DARI_SHARED_DATA:-../shared/data} status
  shift 3
  status=$(run_status "$dir")
  [ "$status" = 0 ] && return 0
  if [ "$status" = 3 ]; then
    say "Continuing the interrupted training of $dir"
    "$BUILD_DIR/bin/dari" train --resume "$dir"
    return
  fi
  say "Training $dir ($recipe)"
  rm -rf "$dir"
  "$BUILD_DIR/bin/dari" train --config "$recipe" --train "$data/$corpus/train.tsv" \
    --dev "$data/$corpus/dev.tsv" --out "$dir" "$@"
}

# models/ko-en: its networks trained one after another on one core (the first one's
# vocabularies for all), then joined and scored on dev.
train_koen() {
  local members=models/ko-en.members data=${DARI_SHARED_DATA:-../shared/data} joined=()
  for i in $(seq 1 "$KOEN_MEMBERS"); do
    if [ "$i" -eq 1 ]; then
      train_one "$members/1" configs/ko-en.yaml tatoeba-ko-en --threads 1
    else
      train_one "$members/$i" configs/ko-en.yaml tatoeba-ko-en --threads 1 --seed "$i" --vocab-from "$members/1"
    fi
    joined+=(--member "$members/$i")
  done
  rm -rf models/ko-en models/ko-en.partial
  "$BUILD_DIR/bin/dari" ensemble --out models/ko-en "${joined[@]}" --dev "$data/tatoeba-ko-en/dev.tsv" --threads 1
}

train_default_models() {
  local koen=0 chat=0
  [ -f models/ko-en/meta.json ] || koen=1
  [ "$(run_status models/chat-ko)" = 0 ] || chat=1
  if [ $koen = 1 ] && [ $chat = 1 ]; then
    # One core each: two one-thread runs side by side do ~17% more work than one
    # two-thread run after the other.
    local log=models/ko-en.members/log.txt
    mkdir -p models/ko-en.members
    say "Training models/ko-en beside models/chat-ko, one core each (ko-en's log: $log)"
    train_koen >>"$log" 2>&1 &
    local lane=$!
    # If this script stops, so does the ko-en lane (its runs save a checkpoint on SIGTERM).
    trap "pkill -TERM -P $lane 2>/dev/null; kill -TERM $lane 2>/dev/null" EXIT
    train_one models/chat-ko configs/chat-ko.yaml chatbot-ko --threads 1
    kill -0 $lane 2>/dev/null && say "Waiting for models/ko-en to finish (log: $log)"
    if ! wait $lane; then
      echo "run.sh: training models/ko-en failed; the end of $log:" >&2
      tail -n 5 "$log" >&2
      exit 1
    fi
    trap - EXIT
    tail -n 2 "$log"
  else
    [ $chat = 0 ] || train_one models/chat-ko configs/chat-ko.yaml chatbot-ko
    [ $koen = 0 ] || train_koen
  fi
  calibrate_default_models
}

# How sure each default model is, in three levels measured on its dev set (dari calibrate),
# for a model that has no such levels yet.
calibrate_default_models() {
  local data=${DARI_SHARED_DATA:-../shared/data} model corpus
  for model in ko-en:tatoeba-ko-en chat-ko:chatbot-ko; do
    corpus=${model#*:} model=models/${model%%:*}
    grep -q '"low_below"' "$model/meta.json" && continue
    say "Calibrating $model's confidence on $corpus/dev.tsv"
    "$BUILD_DIR/bin/dari" calibrate --model "$model" --dev "$data/$corpus/dev.tsv"
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
