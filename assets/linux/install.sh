#!/bin/sh
# install.sh: install Saywho from this folder (the Linux release tarball,
# or dist/linux/… after `make dist`) so that it appears in the desktop's
# application menu with its icon and opens .saywho projects on a double
# click.
#
#   ./install.sh                  for the current user (~/.local: XDG dirs)
#   sudo ./install.sh --system    for everyone (/usr/local)
#   ./install.sh --uninstall      remove it again (add --system likewise)
#
# PREFIX=/opt/saywho ./install.sh --system installs under another prefix.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.saywho_app.saywho
mime_icon=application-x-saywho
mode=user
action=install
for a in "$@"; do
  case "$a" in
    --system) mode=system ;;
    --uninstall) action=uninstall ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $a (try --help)" >&2; exit 2 ;;
  esac
done
if [ "$mode" = system ]; then
  prefix=${PREFIX:-/usr/local}
  bindir=$prefix/bin
  datadir=$prefix/share
else
  bindir=$HOME/.local/bin
  datadir=${XDG_DATA_HOME:-$HOME/.local/share}
fi

# The files, relative to this folder and to the data dir.
files() {
  echo "share/applications/$app_id.desktop"
  echo "share/mime/packages/$app_id.xml"
  (cd "$here" && find share/icons -name '*.png')
}

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$datadir/mime" || true; fi
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$datadir/applications" || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$datadir/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$datadir/icons/hicolor" || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -f "$bindir/saywho"
  files | while read -r f; do rm -f "$datadir/${f#share/}"; done
  refresh
  echo "Saywho removed from $bindir and $datadir."
  exit 0
fi

install -Dm755 "$here/bin/saywho" "$bindir/saywho"
files | while read -r f; do install -Dm644 "$here/$f" "$datadir/${f#share/}"; done
# The menu entry starts the binary by its full path: ~/.local/bin is not
# on every desktop session's PATH.
sed -i "s|^Exec=saywho|Exec=$bindir/saywho|" "$datadir/applications/$app_id.desktop"
refresh
echo "Saywho installed: $bindir/saywho, menu entry $datadir/applications/$app_id.desktop."
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "To run 'saywho' in a terminal, add $bindir to your PATH." ;;
esac
