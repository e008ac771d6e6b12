#!/usr/bin/env bash
# The Debian package works without the source tree: builds it (cmake --build BUILD --target
# package), unpacks it into a throw-away root, checks its computed dependencies, validates its
# desktop entry and metainfo, and from that root alone trains, packs, installs and translates
# and chats with model files and shows the window (offscreen). The root is removed at the end.
#   test_package.sh BUILD_DIR SHARED_DATA
set -euo pipefail
build=$(realpath "$1")
data=$(realpath "$2")
root=$(mktemp -d /tmp/dari-package-test.XXXXXX)
trap 'rm -rf "$root"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --build "$build" --target package >/dev/null
deb=$(ls "$build"/dari_*_amd64.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) kB)"

# Dependencies computed by dpkg-shlibdeps, not guessed: LibTorch, Qt, SentencePiece's protobuf.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libtorch libqt6widgets6 libqt6core6 libprotobuf libarchive13 qt6-qpa-plugins; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

dpkg-deb -x "$deb" "$root/fs"
bin=$root/fs/usr/bin
for f in "$bin/dari" "$bin/dari-chat" "$root/fs/usr/share/man/man1/dari.1.gz" \
         "$root/fs/usr/share/icons/hicolor/scalable/apps/dev.dari.Dari.svg" \
         "$root/fs/usr/share/doc/dari/copyright"; do
  [ -f "$f" ] || fail "the package lacks ${f#"$root/fs"}"
done
! ldd "$bin/dari" "$bin/dari-chat" | grep "not found" || fail "unresolved libraries"
desktop-file-validate "$root/fs/usr/share/applications/dev.dari.Dari.desktop"
appstreamcli validate --no-net "$root/fs/usr/share/metainfo/dev.dari.Dari.metainfo.xml" >/dev/null
# The man page lists every command (from the same table as dari --help).
man_text=$(zcat "$root/fs/usr/share/man/man1/dari.1.gz")
for command in $("$bin/dari" --help | sed -n '/^commands:/,/^$/p' | awk 'NR>1 && NF {print $1}'); do
  [[ $man_text == *"dari $command"* ]] || fail "dari.1 lacks the command $command"
done

# Run from elsewhere, with nothing of the source tree or the developer's models in reach.
work=$root/work
mkdir -p "$work"
cd "$work"
export HOME=$root/home XDG_DATA_HOME=$root/home/data XDG_CONFIG_HOME=$root/home/config
export XDG_DATA_DIRS=$root/fs/usr/share DARI_MODELS=$root/home/models DARI_THREADS=2
unset DARI_DATA
"$bin/dari" --version | head -1 | grep -q "^dari [0-9]" || fail "dari --version"
head -300 "$data/tatoeba-ko-en/dev.tsv" > small.tsv
"$bin/dari" train --train small.tsv --out tiny --epochs 1 --vocab-size 600 --embedding 16 \
  --hidden 16 --batch-size 16 --threads 1 >/dev/null
"$bin/dari" pack --model tiny --out tiny.dari --name tiny-ko-en >/dev/null
"$bin/dari" models install tiny.dari 2>/dev/null | grep -q "^model *tiny-ko-en" || fail "install"
out=$(printf '안녕하세요.\n2 곱하기 13은 26이다.\n' | "$bin/dari" translate --model tiny-ko-en)
[ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] || fail "dari translate printed: $out"
[[ $out == *13* && $out == *26* ]] || fail "numbers lost: $out"
"$bin/dari" models | grep -q "^tiny-ko-en .*$DARI_MODELS" || fail "dari models"
# And chat, with a packed chat model.
head -300 "$data/chatbot-ko/dev.tsv" > chat.tsv
"$bin/dari" train --task chat --train chat.tsv --out tiny-chat --epochs 1 --vocab-size 600 \
  --embedding 16 --hidden 16 --batch-size 16 --threads 1 >/dev/null 2>&1
"$bin/dari" pack --model tiny-chat --out tiny-chat.dari >/dev/null 2>&1
"$bin/dari" models install tiny-chat.dari >/dev/null 2>&1
reply=$(printf '안녕\n배고파\n' | "$bin/dari" chat --model tiny-chat --seed 1 2>/dev/null)
[ "$(printf '%s\n' "$reply" | wc -l)" -eq 2 ] || fail "dari chat printed: $reply"
QT_QPA_PLATFORM=offscreen DARI_HISTORY_DB=$root/history.sqlite \
  timeout 120 "$bin/dari-chat" --screenshot "$work/window.png"
[ "$(stat -c %s "$work/window.png")" -gt 10000 ] || fail "dari-chat --screenshot"
"$bin/dari" models remove tiny-ko-en 2>/dev/null
echo "the package installs, runs and translates from $root without the source tree"
