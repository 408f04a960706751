#!/usr/bin/env bash
# smoke.sh BIN: start the real binary in a virtual X display on a fresh
# home folder, check that it shows its window and creates the default
# project with the sample article, drive one annotation with xdotool
# (select text by dragging, press Q), quit with Ctrl+Q, and check with
# `saywho stats` and `saywho check` that the quote was saved.
# SMOKE_SHOT=FILE.png saves a screenshot after the annotation.
set -euo pipefail
bin=$(realpath "${1:-./saywho}")
work=$(mktemp -d)
log="$work/app.log"
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke: FAIL: $*"; echo "--- app output:"; cat "$log" 2>/dev/null || true; exit 1; }

. "$(dirname "$0")/x11.sh"
start_xvfb 77
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
export LANG=en_US.UTF-8 SAYWHO_CODER="Smoke Tester"
mkdir -p "$HOME"

"$bin" >"$log" 2>&1 &
app_pid=$!
wait_window Saywho "$app_pid"
echo "smoke: window $win: $(xdotool getwindowname "$win")"
sleep 2
xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0 || true
sleep 1
# First start asks for the coder's name: accept the suggested one.
xdotool key Return
sleep 2
project=$(find "$XDG_DATA_HOME/saywho" -name '*.saywho' 2>/dev/null | head -n1)
[ -n "$project" ] || fail "no default project was created under $XDG_DATA_HOME/saywho"
echo "smoke: default project $project"
# Select part of the first quote of the sample article by dragging over the
# fourth paragraph, then press Q to make it a quote.
xdotool mousemove 285 352 mousedown 1 sleep 0.2 mousemove 450 352 sleep 0.2 mousemove 620 353 sleep 0.2 mouseup 1
sleep 0.5
xdotool key q
sleep 1
if [ -n "${SMOKE_SHOT:-}" ]; then import -window root "$SMOKE_SHOT" || true; fi
xdotool key ctrl+q
wait_exit "$app_pid" 10
app_pid=
stats=$("$bin" stats "$project") || fail "saywho stats failed: $stats"
echo "$stats"
echo "$stats" | grep -Eq '^Documents: +1$' || fail "the default project should hold the sample article"
echo "$stats" | grep -Eq '^  quote +1$' || fail "the quote made in the window was not saved"
"$bin" check "$project" >/dev/null || fail "saywho check failed"
echo "smoke: ok"
