#!/usr/bin/env bash
# Dari's two commands:
#   ./run.sh          set up whatever is missing, train the missing default models, open the chat window
#   ./run.sh test     set up whatever is missing, then run every test
#   ./run.sh setup    only the set-up (apt packages, SentencePiece, Release build)
#   ./run.sh models   train the default models that are missing (models/ko-en, models/chat-ko)
# Set-up is idempotent: a second run changes nothing and takes seconds.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")"

BUILD_DIR=${DARI_BUILD_DIR:-build}
DEPS_DIR=.deps
PACKAGES=(
  build-essential cmake ninja-build pkg-config patch dpkg-dev
  libtorch-dev libopenblas0-pthread protobuf-compiler libprotobuf-dev
  libyaml-cpp-dev nlohmann-json3-dev libicu-dev
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev libvulkan-dev
  libqt6sql6-sqlite fonts-noto-cjk
  xvfb xauth
)
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3

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

train_default_models() {
  local data=${DARI_SHARED_DATA:-../shared/data}
  local -A corpus=([ko-en]=tatoeba-ko-en [chat-ko]=chatbot-ko)
  for name in ko-en chat-ko; do
    # A finished run logged a "done" event; an interrupted one is continued, not restarted.
    grep -qs '"event":"done"' "models/$name/train_log.jsonl" && continue
    if [ -f "models/$name/checkpoint.pt" ]; then
      say "Continuing the interrupted training of models/$name"
      "$BUILD_DIR/bin/dari" train --resume "models/$name"
      continue
    fi
    say "Training the default model models/$name (configs/$name.yaml)"
    rm -rf "models/$name"
    "$BUILD_DIR/bin/dari" train --config "configs/$name.yaml" --train "$data/${corpus[$name]}/train.tsv" \
      --dev "$data/${corpus[$name]}/dev.tsv" --out "models/$name"
  done
}

case "${1:-run}" in
  setup) setup ;;
  models)
    setup
    train_default_models
    ;;
  test)
    setup
    say "Running the tests"
    ctest --test-dir "$BUILD_DIR" --output-on-failure
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
  *) echo "usage: ./run.sh [run|test|setup|models]" >&2; exit 2 ;;
esac
