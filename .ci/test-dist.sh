#!/usr/bin/env bash
# test-dist.sh WIN_EXE LINUX_DIR [SETUP_EXE]: check the release builds (make dist).
# LINUX_DIR is the unpacked Linux tarball: its .desktop entry must pass
# desktop-file-validate, and install.sh must install and uninstall it
# (menu entry, icons, the .saywho type) into a throwaway home. Then the
# Windows build runs under Wine in a virtual display, checked against the
# Linux build:
#   - `--version` names the same version;
#   - import, stats --json and export of the sample article print and write
#     the same as the Linux build, with Windows paths (drive letter,
#     backslashes) in a user folder with a non-ASCII name, C:\Users\Zoë;
#   - the project files of one build open in the other;
#   - a command's output reaches the console of cmd.exe that started it;
#   - the window opens, creates the default project in %APPDATA%\Saywho,
#     and saves a quote made with the mouse and the Q key (xdotool, as
#     .ci/smoke.sh does on Linux); given a project path, it opens that one;
#   - the NSIS installer (SETUP_EXE), when built, installs silently,
#     registers .saywho so that opening a project file starts Saywho with
#     it (as a double-click in Explorer does), and uninstalls.
# Wine 8.0 lacks ProcessPrng (bcryptprimitives.dll), which Go programs need
# at start: a test-only stand-in, .ci/wine/bcryptprimitives.c, is built
# with mingw and put into the throwaway Wine prefix.
# TEST_DIST_SHOTS=DIR keeps screenshots of the window there.
set -euo pipefail
exe=$(realpath "$1")
pkg=$(realpath "$2")
lin=$pkg/bin/saywho
setup=${3:+$(realpath "$3")}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  WINEPREFIX=$work/prefix wineserver -k 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "test-dist: FAIL: $*"
  for f in "$work"/app*.log; do [ -s "$f" ] && { echo "--- $(basename "$f"):"; cat "$f"; }; done
  exit 1
}
steps=0
step() { steps=$((steps + 1)); echo "test-dist: $*"; }
trap 'fail "line $LINENO: $BASH_COMMAND"' ERR
# A window closed with Ctrl+Q must end its process. Under load, Wine now
# and then ends a Saywho that is quitting with SIGKILL (status 137; seen
# once in six runs, for the second of two windows): accepted, as what was
# saved is checked afterwards.
quit_window() { # WIN PID
  xdotool windowfocus "$1" key ctrl+q
  wait_exit "$2" 15 137
}
shot() { [ -n "${TEST_DIST_SHOTS:-}" ] && mkdir -p "$TEST_DIST_SHOTS" && import -window root "$TEST_DIST_SHOTS/$1.png" 2>/dev/null || true; }

# The user Zoë, with a Wine prefix and a home of her own.
export USER=Zoë LOGNAME=Zoë HOME=$work/home LANG=en_US.UTF-8
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config SAYWHO_CODER="Dist Tester"
mkdir -p "$HOME/Documents"

. "$repo/.ci/x11.sh"
start_xvfb 87

step "Linux: the .desktop entry and install.sh"
app_id=io.github.saywho_app.saywho
desktop-file-validate "$pkg/share/applications/$app_id.desktop" || fail "desktop-file-validate"
PATH=$HOME/.local/bin:$PATH "$pkg/install.sh" >"$work/install.log" || { cat "$work/install.log"; fail "install.sh"; }
data=$XDG_DATA_HOME
for f in "$HOME/.local/bin/saywho" "$data/applications/$app_id.desktop" "$data/mime/packages/$app_id.xml" \
  "$data/icons/hicolor/48x48/apps/$app_id.png" "$data/icons/hicolor/256x256/mimetypes/application-x-saywho.png"; do
  [ -f "$f" ] || fail "install.sh did not install $f"
done
grep -qx "Exec=$HOME/.local/bin/saywho %f" "$data/applications/$app_id.desktop" ||
  fail "the installed menu entry does not start $HOME/.local/bin/saywho"
if command -v update-mime-database >/dev/null; then
  grep -q 'application/x-saywho:\*\.saywho' "$data/mime/globs2" || fail "update-mime-database did not register *.saywho"
fi
if command -v update-desktop-database >/dev/null; then
  grep -q "application/x-saywho=$app_id.desktop" "$data/applications/mimeinfo.cache" ||
    fail "update-desktop-database did not map the type to Saywho"
fi
"$pkg/install.sh" --uninstall >/dev/null
[ ! -e "$HOME/.local/bin/saywho" ] && [ ! -e "$data/applications/$app_id.desktop" ] || fail "install.sh --uninstall left files"
echo "  installed and removed: binary, menu entry, $(find "$pkg/share/icons" -name '*.png' | wc -l) icons, the MIME type"

# Wine takes the Windows code page from the locale: a UTF-8 one that is
# installed (C.UTF-8 always is) keeps "Zoë" intact, for every Wine program
# (with another locale Wine makes a second profile, "ZoC+"). Fyne on Linux
# cannot parse C.UTF-8: the Linux build keeps en_US.UTF-8.
export LC_ALL=C.UTF-8
L() { LC_ALL=en_US.UTF-8 "$lin" "$@"; }

step "Wine prefix for $USER ($(wine --version))"
wineboot -i >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log"; fail "wineboot"; }
wineserver -w
x86_64-w64-mingw32-gcc -O2 -Wall -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$repo/.ci/wine/bcryptprimitives.c" -ladvapi32
users=$WINEPREFIX/drive_c/users
[ -d "$users/Zoë" ] || fail "Wine made no user folder for Zoë: $(ls "$users")"
docs=$users/Zoë/Documents
mkdir -p "$docs"
cp "$repo/assets/sample-article.txt" "$docs/"
winpath='C:\Users\Zoë\Documents'

# Run the Windows build; its output with CRLF turned into LF.
w() { wine "$exe" "$@" 2>&1 | tr -d '\r'; return "${PIPESTATUS[0]}"; }

step "--version"
want=$(L --version)
got=$(w --version) || fail "saywho.exe --version failed: $got"
[ "$got" = "$want" ] || fail "saywho.exe --version says '$got', the Linux build '$want'"
echo "  $got"

step "import, stats --json, export with Windows paths"
mkdir -p "$work/lin"
cp "$repo/assets/sample-article.txt" "$work/lin/"
lin_import=$(L import "$work/lin/Studie.saywho" "$work/lin/sample-article.txt" 2>&1) || fail "Linux import: $lin_import"
win_import=$(w import "$winpath\\Studie.saywho" "$winpath\\sample-article.txt") || fail "saywho.exe import: $win_import"
[ -f "$docs/Studie.saywho" ] || fail "saywho.exe import made no $winpath\\Studie.saywho"
norm() { sed -e "s#$work/lin/#DIR/#g" -e 's#C:\\Users\\Zoë\\Documents\\#DIR/#g'; }
[ "$(norm <<<"$lin_import")" = "$(norm <<<"$win_import")" ] ||
  fail "import printed differently: Linux '$lin_import', Windows '$win_import'"
L stats --json "$work/lin/Studie.saywho" >"$work/lin.stats.json"
w stats --json "$winpath\\Studie.saywho" >"$work/win.stats.json" || fail "saywho.exe stats: $(cat "$work/win.stats.json")"
diff -u "$work/lin.stats.json" "$work/win.stats.json" || fail "stats --json differ"
# A project made by one build opens in the other, and both export it alike.
cp "$work/lin/Studie.saywho" "$docs/FromLinux.saywho"
same_export() { # LABEL UNIX_FILE WIN_FILE: equal but for the time of the export
  local t='s/"(exported|generated)": *"[^"]*"/"\1": "TIME"/'
  diff -u <(sed -E "$t" "$2") <(sed -E "$t" "$3") >"$work/export.diff" ||
    { head -40 "$work/export.diff"; fail "$1: the builds export differently"; }
}
for f in json csv w3c; do
  out=$(w export "$winpath\\Studie.saywho" -o "$winpath\\win.$f" --format "$f") ||
    fail "saywho.exe export --format $f: $out"
  L export "$docs/Studie.saywho" -o "$work/lin-of-win.$f" --format "$f" >/dev/null || fail "Linux export --format $f"
  same_export "$f of the project made by saywho.exe" "$work/lin-of-win.$f" "$docs/win.$f"
  out=$(w export "$winpath\\FromLinux.saywho" -o "$winpath\\win-of-lin.$f" --format "$f") ||
    fail "saywho.exe export of the Linux project: $out"
  L export "$work/lin/Studie.saywho" -o "$work/lin.$f" --format "$f" >/dev/null
  same_export "$f of the project made by the Linux build" "$work/lin.$f" "$docs/win-of-lin.$f"
  echo "  $f: $(wc -c <"$docs/win.$f") bytes, the same from both builds"
done

step "console: start /wait in cmd.exe shows the output of the windowed program"
# cmd.exe needs a terminal to have a console: script(1) gives it one. A
# GUI-subsystem program started so has no output of its own; saywho.exe
# attaches to cmd's console (cmd/saywho/console_windows.go).
con=$(timeout 120 script -qec "wine cmd /c 'start /wait $(winepath -w "$exe") stats $winpath\\Studie.saywho'" \
  /dev/null 2>&1 | tr -d '\r') || true
grep -q 'Documents: *1' <<<"$con" || fail "no stats output in cmd.exe's console: '$con'"

step "window: first start, default project in %APPDATA%, a quote"
wine "$exe" >"$work/app.log" 2>&1 &
app_pid=$!
wait_window '^Saywho' "$app_pid"
echo "  window $win: $(xdotool getwindowname "$win")"
sleep 3
xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0 || true
sleep 2
shot first-start
xdotool key Return
sleep 3
project=$users/Zoë/AppData/Roaming/Saywho/"My project.saywho"
[ -f "$project" ] || fail "no default project at %APPDATA%\\Saywho\\My project.saywho: $(find "$users/Zoë" -name '*.saywho')"
xdotool mousemove 285 352 mousedown 1 sleep 0.2 mousemove 450 352 sleep 0.2 mousemove 620 353 sleep 0.2 mouseup 1
sleep 0.5
xdotool key q
sleep 1.5
shot quote
xdotool key F1
sleep 1.5
shot shortcuts
xdotool key Escape
sleep 0.5

step "window: a second Saywho opens C:\\…\\Studie.saywho in its own window"
first_pid=$app_pid first_win=$win
wine "$exe" "$winpath\\Studie.saywho" >"$work/app2.log" 2>&1 &
app_pid=$!
wait_window 'Studie' "$app_pid"
echo "  window $win: $(xdotool getwindowname "$win")"
sleep 2
shot two-windows
quit_window "$win" "$app_pid"
app_pid=$first_pid
quit_window "$first_win" "$app_pid"
app_pid=
stats=$(w stats 'C:\Users\Zoë\AppData\Roaming\Saywho\My project.saywho') || fail "stats of the default project: $stats"
grep -Eq '^  quote +1$' <<<"$stats" || fail "the quote made in the window was not saved: $stats"
# The first start suggested the Windows account name, without "COMPUTER\".
grep -Eq '^  Zoë +1 annotations$' <<<"$stats" || fail "the quote is not by the coder Zoë: $stats"
L check "$project" >/dev/null || fail "the Linux build's check of the project saywho.exe made failed"
w export 'C:\Users\Zoë\AppData\Roaming\Saywho\My project.saywho' -o "$winpath\\default.json" >/dev/null ||
  fail "saywho.exe export of the default project"
L export "$project" -o "$work/default.json" >/dev/null
same_export "JSON of the project with the quote" "$work/default.json" "$docs/default.json"
echo "  the quote is saved, checked and exported alike by both builds"

if [ -n "$setup" ]; then
  step "installer: install, open a .saywho by its file type, uninstall"
  wine "$setup" /S
  wineserver -w
  inst=$users/Zoë/AppData/Local/Programs/Saywho
  [ -f "$inst/saywho.exe" ] || fail "the installer put no saywho.exe into %LOCALAPPDATA%\\Programs\\Saywho"
  [ -f "$users/Zoë/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Saywho.lnk" ] || fail "no Start menu entry"
  got=$(wine "$inst/saywho.exe" --version | tr -d '\r')
  [ "$got" = "$want" ] || fail "the installed saywho.exe says '$got'"
  # Explorer opens a double-clicked file with the command registered for
  # its type. Wine 8.0 does not merge HKCU\Software\Classes into HKCR, so
  # its own ShellExecute cannot find a per-user type: read the registration
  # (reg export writes UTF-16) and run the command as Explorer would.
  regval() { # KEY: the default value of KEY, unescaped
    wine reg export "$1" "$work/key.reg" /y >/dev/null
    iconv -f UTF-16 -t UTF-8 "$work/key.reg" | tr -d '\r' | sed -n 's/^@="\(.*\)"$/\1/p' | sed 's/\\\(.\)/\1/g'
  }
  [ "$(regval 'HKCU\Software\Classes\.saywho')" = Saywho.Project ] || fail ".saywho is not registered as Saywho.Project"
  open=$(regval 'HKCU\Software\Classes\Saywho.Project\shell\open\command')
  [ "$open" = '"C:\users\Zoë\AppData\Local\Programs\Saywho\saywho.exe" "%1"' ] || fail "the open command is $open"
  prog=${open#\"}
  prog=${prog%%\"*}
  wine "$prog" "$winpath\\Studie.saywho" >"$work/app.log" 2>&1 &
  app_pid=$!
  wait_window 'Studie' "$app_pid"
  echo "  opened by its type: $(xdotool getwindowname "$win")"
  quit_window "$win" "$app_pid"
  app_pid=
  wine "$inst/uninstall.exe" /S
  wineserver -w
  sleep 2
  [ ! -e "$inst/saywho.exe" ] || fail "the uninstaller left saywho.exe"
  if wine reg query 'HKCU\Software\Classes\Saywho.Project' >/dev/null 2>&1; then fail "the uninstaller left the file type"; fi
  [ -f "$docs/Studie.saywho" ] || fail "the uninstaller removed a project"
  echo "  installed, opened by type, uninstalled; projects kept"
fi

echo "test-dist: $steps passed, 0 failed"
