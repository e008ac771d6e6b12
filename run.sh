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

# The ko-en default model is an ensemble of this many networks (bench/recipes.md, round 6: two
# score 1.5-1.8 dev BLEU above their mean, a third adds 0.3-0.8 for half as much time again).
KOEN_MEMBERS=2

# Where a training run stands: dari status's exit code (0 finished, 3 interrupted, 4 none).
run_status() {  # DIR
  local code=0
  "$BUILD_DIR/bin/dari" status --run "$1" >/dev/null || code=$?
  echo "$code"
}

# Trains DIR from a recipe, or continues its interrupted run; nothing if it finished.
train_one() {  # DIR RECIPE CORPUS [dari train options...]
  local dir=$1 recipe=$2 corpus=$3 data=$DATA_DIR status
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
  local members=models/ko-en.members data=$DATA_DIR joined=()
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

# "PERCENT SECONDS": how much of run DIR's budget is spent, and in how many seconds of training
# (dari status, from its last log event; 100 and its whole time once it finished); nothing
# before it logs.
budget_share() {  # DIR
  # Before the run writes its first file, dari status says "none" (exit 4): not an error here.
  { "$BUILD_DIR/bin/dari" status --run "$1" 2>/dev/null || true; } | sed -n \
    -e 's/^finished at step [0-9]* after \([0-9]*\) s of training$/100 \1/p' \
    -e 's/.*; \([0-9.]*\)% of its budget after \([0-9]*\) s of training$/\1 \2/p'
}

# While both lanes run: one line with each model's share of its budget and the time left,
# projected from the pace so far (the first such line is the estimate); rewritten every 15 s on
# a terminal, printed each minute otherwise.
show_progress() {  # CHAT_PID KOEN_PID
  local last=-60 estimated=0 chat="" koen="" member=0 done=0 line
  while kill -0 "$1" 2>/dev/null || kill -0 "$2" 2>/dev/null; do
    # dari status loads LibTorch (half a second of a core): finished runs are asked no more.
    [ "${chat%% *}" = 100 ] || chat=$(budget_share models/chat-ko)
    while [ "$done" -lt "$KOEN_MEMBERS" ]; do
      koen=$(budget_share "models/ko-en.members/$((done + 1))")
      [ "${koen%% *}" = 100 ] || break
      done=$((done + 1)) member=${koen#* }  # the last network's time: the next one's estimate
    done
    line=$(awk -v chat="${chat:-0 0}" -v koen="${koen:-0 0}" -v member="$member" \
               -v done="$done" -v n="$KOEN_MEMBERS" '
      function bar(p,   s, k) { s = ""; for (k = 0; k < 20; k++) s = s (k < p / 5 ? "#" : "."); return s }
      BEGIN {
        split(chat, c, " "); split(koen, k, " ")
        cl = c[1] >= 100 ? 0 : (c[1] > 0 ? c[2] * (100 - c[1]) / c[1] : -1)
        if (done == n) { all = 100; kl = 0 }
        else {
          all = (done * 100 + k[1]) / n
          per = k[1] > 0 ? k[2] * 100 / k[1] : member       # one network, whole
          kl = per > 0 ? per * (1 - k[1] / 100) + (n - done - 1) * per : -1
        }
        eta = (cl < 0 || kl < 0) ? "estimating..." : sprintf("about %d min left", (cl > kl ? cl : kl) / 60 + 0.5)
        printf "chat-ko [%s] %3d%%   ko-en [%s] %3d%% (network %d of %d)   %s", bar(c[1]), c[1], bar(all), all, (done < n ? done + 1 : n), n, eta
      }')
    if [ $estimated = 0 ] && [[ "$line" == *"min left"* ]]; then
      estimated=1
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

train_default_models() {
  local koen=0 chat=0
  [ -f models/ko-en/meta.json ] || koen=1
  [ "$(run_status models/chat-ko)" = 0 ] || chat=1
  if [ $koen = 1 ] && [ $chat = 1 ]; then
    # One core each: two one-thread runs side by side do ~17% more work than one
    # two-thread run after the other. Their output goes to logs; the terminal shows progress.
    local koen_log=models/ko-en.members/log.txt chat_log=models/chat-ko.log
    mkdir -p models/ko-en.members
    say "Training models/ko-en beside models/chat-ko, one core each (logs: $chat_log, $koen_log)"
    train_koen >>"$koen_log" 2>&1 &
    local koen_lane=$!
    train_one models/chat-ko configs/chat-ko.yaml chatbot-ko --threads 1 >"$chat_log" 2>&1 &
    local chat_lane=$!
    # If this script stops, so do both lanes (their runs save a checkpoint on SIGTERM).
    trap "pkill -TERM -P $koen_lane 2>/dev/null; kill -TERM $koen_lane 2>/dev/null;
          pkill -TERM -P $chat_lane 2>/dev/null; kill -TERM $chat_lane 2>/dev/null" EXIT
    show_progress "$chat_lane" "$koen_lane"
    local lane log failed=0
    for lane in chat:$chat_lane:$chat_log koen:$koen_lane:$koen_log; do
      log=${lane##*:}
      if ! wait "$(echo "$lane" | cut -d: -f2)"; then
        echo "run.sh: training ${lane%%:*} failed; the end of $log:" >&2
        tail -n 5 "$log" >&2
        failed=1
      fi
    done
    [ $failed = 0 ] || exit 1
    trap - EXIT
    tail -n 1 "$chat_log"
    tail -n 2 "$koen_log"
  else
    [ $chat = 0 ] || train_one models/chat-ko configs/chat-ko.yaml chatbot-ko
    [ $koen = 0 ] || train_koen
  fi
  calibrate_default_models
}

# How sure each default model is, in three levels measured on its dev set (dari calibrate),
# for a model that has no such levels yet.
calibrate_default_models() {
  local data=$DATA_DIR model corpus
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
