#!/usr/bin/env bash
# dist-linux.sh: build the Linux release tarball into dist/:
#   dist/saywho-VERSION-linux-amd64.tar.xz
# `fyne package` (FYNE, the fyne.io/tools command) makes the base tree from
# FyneApp.toml: the binary, the .desktop entry (name, icon, categories,
# MimeType) and the icon. This script adds what fyne package leaves out:
# the icon at the hicolor sizes desktops use (and as the icon of .saywho
# files), the shared-mime-info type of .saywho files, install.sh and a
# Makefile that install all of it, README, LICENSE and CHANGELOG.
# The tree is laid out as a prefix (bin/, share/) inside one folder.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
: "${FYNE:?set FYNE to the fyne command (make dist does)}"
GO=${GO:-go}
version=${VERSION:-$(.ci/version.sh)}
app_id=$(sed -n 's/^[[:space:]]*ID[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
name=saywho-$version-linux-$($GO env GOARCH)
work=dist/build/linux
rm -rf "$work" && mkdir -p "$work" dist
rm -f dist/saywho-*-linux-*.tar.xz dist/SHA256SUMS

echo "dist-linux: building saywho $version"
CGO_ENABLED=1 $GO build -trimpath -ldflags "-s -w -X github.com/saywho-app/saywho/app/version.Version=$version" \
  -o "$work/saywho" ./cmd/saywho
# fyne package raises Build in FyneApp.toml after packaging (a release
# sets it by hand): keep the file as committed.
cp FyneApp.toml "$work/FyneApp.toml.orig"
trap 'cp "$repo/$work/FyneApp.toml.orig" "$repo/FyneApp.toml"' EXIT
(cd "$work" && "$FYNE" package -os linux --release --exe "$repo/$work/saywho" --src "$repo")
mkdir -p "$work/unpacked"
tar -xJf "$work/Saywho.tar.xz" -C "$work/unpacked"
base=$work/unpacked/saywho/usr
[ -d "$base/local/bin" ] && base=$base/local

stage=$work/$name
mkdir -p "$stage"
cp -r "$base/bin" "$base/share" "$stage/"
desktop=$stage/share/applications/$app_id.desktop
[ -f "$desktop" ] || { echo "dist-linux: fyne package made no $desktop" >&2; exit 1; }
# One window per project: %f starts Saywho once for each file opened
# (fyne package writes %F, all files to one process, which opens one).
sed -i 's/^\(Exec=saywho\) %F$/\1 %f/' "$desktop"
$GO run ./assets/iconsizes -out "$stage/share/icons/hicolor" -name "$app_id" -mime application-x-saywho
install -Dm644 assets/linux/$app_id.xml "$stage/share/mime/packages/$app_id.xml"
install -m755 assets/linux/install.sh "$stage/install.sh"
install -m644 assets/linux/Makefile "$stage/Makefile"
install -m644 README.md LICENSE CHANGELOG.md "$stage/"

# Reproducible: same owner, order and times for the same commit.
mtime=$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" \
  -C "$work" -cJf "dist/$name.tar.xz" "$name"
echo "dist-linux: dist/$name.tar.xz"
