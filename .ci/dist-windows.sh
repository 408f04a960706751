#!/usr/bin/env bash
# dist-windows.sh: cross-compile Saywho for 64-bit Windows on Debian and
# pack it into dist/:
#   dist/saywho-VERSION-windows-amd64.zip        saywho.exe, README, LICENSE, CHANGELOG
#   dist/saywho-VERSION-windows-amd64-setup.exe  NSIS installer (when makensis is there)
# `fyne package -os windows` (FYNE) builds saywho.exe with cgo through
# mingw-w64 as a GUI-subsystem program and embeds the icon, a manifest and
# the version resource. The version of this build goes in with -X through
# GOFLAGS, which fyne passes on to the linker.
# Never run it beside another build of cmd/saywho: fyne writes fyne.syso
# there while it builds, which any build of the package would link.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
: "${FYNE:?set FYNE to the fyne command (make dist does)}"
version=${VERSION:-$(.ci/version.sh)}
field() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -n1; }
app_version=$(field Version)
app_build=$(field Build)
app_id=$(field ID)
name=saywho-$version-windows-amd64
work=dist/build/windows
rm -rf "$work" && mkdir -p "$work" dist
rm -f dist/saywho-*-windows-amd64.zip dist/saywho-*-windows-amd64-setup.exe dist/SHA256SUMS
rm -f cmd/saywho/Saywho.exe cmd/saywho/saywho.exe

echo "dist-windows: building saywho.exe $version"
(
  cd cmd/saywho
  export CC=${WIN_CC:-x86_64-w64-mingw32-gcc} CGO_ENABLED=1 GOOS=windows GOARCH=amd64
  export GOFLAGS="${GOFLAGS:-} -ldflags=-X=github.com/saywho-app/saywho/app/version.Version=$version"
  # fyne builds twice when the .exe is missing, and the second build (the
  # one it keeps, with the icon) loses the -ldflags of GOFLAGS, so the
  # version would not be set. Given an existing --exe, it builds once,
  # with them: an empty placeholder stands in.
  : >saywho.exe
  "$FYNE" package -os windows --release --exe saywho.exe --name Saywho --app-id "$app_id" \
    --app-version "$app_version" --app-build "$app_build" --icon "$repo/assets/icon.png"
)
mv cmd/saywho/Saywho.exe "$work/saywho.exe"

stage=$work/$name
mkdir -p "$stage"
cp "$work/saywho.exe" "$stage/"
# Windows opens .txt with Notepad; .md has no default program there.
cp README.md "$stage/README.txt"
cp LICENSE "$stage/LICENSE.txt"
cp CHANGELOG.md "$stage/CHANGELOG.txt"
(cd "$work" && TZ=UTC zip -qrX "$repo/dist/$name.zip" "$name")
echo "dist-windows: dist/$name.zip"

if command -v makensis >/dev/null 2>&1; then
  makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$version" -DAPP_VERSION="$app_version" -DAPP_BUILD="$app_build" \
    -DSTAGE="$repo/$stage" \
    -DOUTFILE="$repo/dist/$name-setup.exe" assets/windows/saywho.nsi
  echo "dist-windows: dist/$name-setup.exe"
else
  echo "dist-windows: makensis not found: no installer (apt-get install nsis)"
fi
