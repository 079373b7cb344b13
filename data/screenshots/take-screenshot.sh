#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes data/screenshots/window.png: the window on a project made from the
# built-in template (no values: nothing invented), in Chinese.
# usage: data/screenshots/take-screenshot.sh [BUILDDIR]   (from the source root)
set -eu
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export GSETTINGS_SCHEMA_DIR="$PWD/$build/data"
export GSETTINGS_BACKEND=memory
export PM_LOCALEDIR="$PWD/$build/po"
export LANGUAGE=zh_CN LANG=C.UTF-8 LC_ALL=C.UTF-8

# the window shows the file's folder as ~/…
export HOME="$tmp"
mkdir -p "$tmp/文档"
project="$tmp/文档/云阳县妇女儿童发展规划监测.pmproj"
"$PWD/$build/src/plan-monitor" --new "$project"
# open the project, find W4 by its code, show it, clear the search
../shared/tools/screenshot "$tmp/window.png" --size 1280x800 --wait 4 --keys "ctrl+f W 4 Return Escape" -- \
  "$PWD/$build/src/plan-monitor" "$project"
# the screen is larger than the window: keep the window
/usr/bin/convert "$tmp/window.png" -crop 1180x760+0+0 +repage data/screenshots/window.png
echo "wrote data/screenshots/window.png"
