#!/usr/bin/env bash
# Adds the window's new user-visible strings to ui/translations/dari_ko.ts (and marks vanished
# ones obsolete); translate the new ones with Qt Linguist (linguist ui/translations/dari_ko.ts)
# or by hand. Contexts must match what tr() uses at run time ("dari::MainWindow"): lupdate sees
# the namespaces through -I, but not LibTorch's headers, which would take it minutes.
set -euo pipefail
cd "$(dirname "$(realpath "$0")")/.."
/usr/lib/qt6/bin/lupdate -I "$PWD" -locations relative -no-obsolete ui app \
  -ts ui/translations/dari_ko.ts
