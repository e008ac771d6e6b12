#!/usr/bin/env bash
# dari-models_<version>_all.deb: the default models (./run.sh models) under
# /usr/share/dari/models, where every Dari finds them by name (model/bundle/model_locations.h).
# Each model goes through dari pack and dari unpack, so that only its own files travel and each
# is verified on the way.   package-models.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2") version=$3
dari=$build/bin/dari
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
models=$stage/root/usr/share/dari/models
mkdir -p "$models" "$stage/root/DEBIAN" "$stage/root/usr/share/doc/dari-models"
for name in ko-en chat-ko; do
  [ -f "$source/models/$name/model.pt" ] || { echo "models/$name is missing: run ./run.sh models first" >&2; exit 1; }
  corpus=tatoeba-ko-en; [ "$name" = chat-ko ] && corpus=chatbot-ko
  "$dari" pack --model "$source/models/$name" --out "$stage/$name.dari" \
    --data "$corpus/train.tsv" >"$stage/$name.card"
  "$dari" unpack "$stage/$name.dari" --out "$models/$name" >/dev/null 2>&1
done
size=$(du -k -s "$stage/root/usr" | cut -f1)
cat >"$stage/root/DEBIAN/control" <<CONTROL
Package: dari-models
Version: $version
Architecture: all
Section: science
Priority: optional
Depends: dari (>= $version)
Installed-Size: $size
Maintainer: The Dari developers <dari@dari.dev>
Homepage: https://github.com/dari-translate/dari
Description: default models for Dari: Korean to English translation and Korean chat
 ko-en translates Korean into English (three GRU networks decoding together, trained on
 Tatoeba's Korean-English sentence pairs, CC-BY 2.0 FR); chat-ko replies in Korean (trained on
 Chatbot_data_for_Korean, MIT). dari translate --model ko-en and the window find them by name.
CONTROL
{
  echo "The models in /usr/share/dari/models were trained by Dari on these corpora:"
  echo
  cat "$stage/ko-en.card" "$stage/chat-ko.card"
} >"$stage/root/usr/share/doc/dari-models/copyright"
out=$build/dari-models_${version}_all.deb
dpkg-deb --build --root-owner-group -Zxz "$stage/root" "$out" >/dev/null
echo "wrote $out ($(du -k "$out" | cut -f1) kB)"
