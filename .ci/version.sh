#!/usr/bin/env bash
# version.sh: print the version of this checkout for artefact names,
# `saywho --version` and Help → About. The release number is Version in
# FyneApp.toml; git describe says how far the tree is from its tag:
#   0.1.0              HEAD is tagged v0.1.0 and the tree is clean
#   0.1.0-3-gabc1234   three commits after the tag v0.1.0
#   0.1.0-dev-abc1234  no tag v0.1.0 yet (any suffix -dirty: uncommitted changes)
# Without git (a source archive) it prints the release number with "-dev".
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n1)
[ -n "$base" ] || { echo "version.sh: no Version in FyneApp.toml" >&2; exit 1; }
if ! describe=$(git describe --tags --always --dirty --abbrev=7 --match 'v[0-9]*' 2>/dev/null); then
  echo "$base-dev"
  exit 0
fi
case "$describe" in
  "v$base") echo "$base" ;;
  "v$base"-*) echo "$base-${describe#"v$base"-}" ;;
  *) echo "$base-dev-${describe#v}" ;;
esac
