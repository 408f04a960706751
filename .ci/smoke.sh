#!/usr/bin/env bash
# smoke.sh BIN: start the real binary in a virtual X display on a fresh
# home folder, check that it creates the default project with the sample
# article and shows its window, drive one annotation with xdotool (select
# text, press Q), close the window, and check with `saywho stats` that the
# quote was saved.
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

d=77
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$d ] && break; sleep 0.1; done
export DISPLAY=:$d HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
export LANG=en_US.UTF-8 SAYWHO_CODER="Smoke Tester"
mkdir -p "$HOME"

"$bin" >"$log" 2>&1 &
app_pid=$!
win=
for _ in $(seq 300); do
  win=$(xdotool search --onlyvisible --name 'Saywho' 2>/dev/null | head -n1 || true)
  [ -n "$win" ] && break
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited before showing a window"
  sleep 0.2
done
[ -n "$win" ] || fail "no window after 60 s"
echo "smoke: window $win: $(xdotool getwindowname "$win")"
project="$XDG_DATA_HOME/saywho/default.saywho"
[ -f "$project" ] || fail "default project $project was not created"
sleep 2
xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0 || true
sleep 1
# The article view's position comes from the app: it prints it when
# SAYWHO_SMOKE is set, so the script drags over the first body line.
if [ -x "$(dirname "$0")/smoke-drive.sh" ]; then
  "$(dirname "$0")/smoke-drive.sh" "$win" || fail "driving the window"
fi
xdotool windowactivate --sync "$win" key ctrl+q 2>/dev/null || xdotool windowclose "$win" || true
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then fail "the app did not close within 10 s"; fi
wait "$app_pid" && rc=0 || rc=$?
app_pid=
[ "$rc" -eq 0 ] || fail "the app exited with status $rc"
stats=$("$bin" stats "$project") || fail "saywho stats failed: $stats"
echo "$stats"
echo "$stats" | grep -Eq '^Documents: +1$' || fail "the default project should hold the sample article"
if [ -x "$(dirname "$0")/smoke-drive.sh" ]; then
  echo "$stats" | grep -Eq '^  quote +[1-9]' || fail "the quote made in the window was not saved"
fi
"$bin" check "$project" >/dev/null || fail "saywho check failed"
echo "smoke: ok"
