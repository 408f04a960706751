# x11.sh: helpers for the tests that drive the real window in a virtual X
# display, sourced by smoke.sh and test-dist.sh. The sourcing script
# defines fail MESSAGE (prints and exits).

# start_xvfb FIRST: start Xvfb (1280x800) on the first free display number
# from FIRST on; sets DISPLAY and xvfb_pid.
start_xvfb() {
  local d=$1
  while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
  Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$d ] && break; sleep 0.1; done
  export DISPLAY=:$d
}

# wait_window PATTERN PID: wait up to 60 s for a visible window whose name
# matches PATTERN while process PID runs; sets win to its id.
wait_window() {
  win=
  for _ in $(seq 300); do
    win=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n1 || true)
    [ -n "$win" ] && return 0
    kill -0 "$2" 2>/dev/null || fail "the app exited before showing a window named '$1'"
    sleep 0.2
  done
  fail "no window named '$1' after 60 s"
}

# wait_exit PID SECONDS [STATUS...]: wait for PID to end within SECONDS;
# fails when it does not end or ends with a status other than 0 (or the
# STATUSes given).
wait_exit() {
  local pid=$1 secs=$2 rc ok
  shift 2
  for _ in $(seq $((secs * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && fail "the app did not quit within $secs s"
  wait "$pid" && rc=0 || rc=$?
  for ok in 0 "$@"; do [ "$rc" -eq "$ok" ] && return 0; done
  fail "the app exited with status $rc"
}
