#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# flatpak-builder reads the manifest with no warning: any line of stderr
# that says WARNING (or an error) fails the test.
# usage: check-flatpak-manifest.sh FLATPAK_BUILDER MANIFEST
set -u
builder=$1
manifest=$2
manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
# flatpak-builder writes a .flatpak-builder folder where it runs
work=$(mktemp -d)
err=$work/stderr
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

if ! "$builder" --show-manifest "$manifest" >/dev/null 2>"$err"; then
  echo "flatpak-builder --show-manifest failed:"
  cat "$err"
  exit 1
fi
if grep -qi 'warning\|error' "$err"; then
  echo "flatpak-builder --show-manifest warned:"
  cat "$err"
  exit 1
fi
echo "ok: $manifest"
