#!/usr/bin/env bash
# Builds SentencePiece from Debian's source package as static libraries that
# use the system protobuf (the one libtorch uses). Debian's libsentencepiece0
# bundles protobuf 3.14 and crashes next to libtorch's protobuf 3.21.
# Usage: scripts/build-sentencepiece.sh PREFIX   (idempotent; cached in PREFIX)
set -euo pipefail
prefix=$(realpath -m "${1:?usage: $0 PREFIX}")
stamp="$prefix/.built-0.1.97"
[ -f "$stamp" ] && exit 0

work="$prefix-src"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
apt-get source --download-only sentencepiece >/dev/null 2>&1 \
  || { echo "error: 'apt-get source sentencepiece' failed: a deb-src entry for bookworm main is needed" >&2; exit 1; }
dpkg-source -x sentencepiece_*.dsc src >/dev/null 2>&1
# Debian's packaging turns the static libraries off; we need exactly those.
patch -d src -R -p1 -s < src/debian/patches/disable-static-library.patch
# Its bundled protobuf headers would shadow the system ones on the include path.
rm -rf src/third_party/protobuf-lite
sed -i 's|"third_party/protobuf-lite/google/protobuf/message_lite.h"|<google/protobuf/message_lite.h>|' src/src/init.h
cmake -S src -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DSPM_USE_BUILTIN_PROTOBUF=OFF -DSPM_ENABLE_SHARED=OFF -DSPM_ENABLE_TCMALLOC=OFF \
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build build --parallel "$(nproc)" > build.log 2>&1 || { tail -30 build.log >&2; exit 1; }
cmake --install build >/dev/null
# The version the package was built from, for `dari --version`.
sed -n 's/^Version: //p' "$prefix"/lib/pkgconfig/sentencepiece.pc > "$prefix/VERSION"
rm -rf "$work"
touch "$stamp"
echo "SentencePiece $(cat "$prefix/VERSION") built into $prefix"
