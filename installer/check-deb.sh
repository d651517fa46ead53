#!/usr/bin/env bash
# Builds the Linux package, installs it into a clean place, starts the app under Xvfb as a new user would and
# checks that it reaches an interactive sketch canvas with the demo collection; then checks the installed command
# line. Prints the package size, installed size and start times. Debian/Ubuntu, x86_64 or aarch64.
#
#   installer/check-deb.sh                  build (installer/package.sh --type deb -o), then check
#   installer/check-deb.sh --deb FILE.deb   check a package built before
#   options: --install   install for real with apt-get (root only; resolves the declared dependencies, registers the
#                        desktop entry and the .ndjson type, puts sketchfind and sketchfind-app on the PATH), then
#                        remove it again and check that the user's catalogue stays. Default: dpkg -x into a
#                        temporary root, with the declared dependencies checked against what is installed.
#            --keep      keep the temporary folder (its path is printed)
# Needs: dpkg-deb, fakeroot (to build), xvfb (xvfb-run), and the package's dependencies (libgtk-3-0, ...).
# "Ready" is the app's own report (-Dsketchfind.readyFile, app/.../ReadyProbe.java): a window shows a visible,
# enabled sketch canvas, the demo collection is catalogued, and a stroke dragged across the canvas through the OS's
# input changed it. A screenshot of that moment is saved beside the report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEB=""; INSTALL=false; KEEP=false
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) DEB="$2"; shift 2 ;;
    --install) INSTALL=true; shift ;;
    --keep) KEEP=true; shift ;;
    *) echo "check-deb.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
fail() { echo "check-deb.sh: FAILED: $*" >&2; exit 1; }
say() { echo "check-deb.sh: $*" >&2; }
command -v xvfb-run >/dev/null || fail "xvfb-run is missing (apt-get install xvfb)"

if [ -z "$DEB" ]; then
  t0=$(date +%s)
  "$ROOT/installer/package.sh" --type deb -o
  say "built in $(( $(date +%s) - t0 )) s"
  DEB="$(ls "$ROOT"/installer/target/sketchfind_*.deb | head -1)"
fi
[ -f "$DEB" ] || fail "no package $DEB"
WORK="$(mktemp -d /tmp/sketchfind-check.XXXXXX)"
cleanup() { if $KEEP; then say "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
REPORT="$WORK/report.txt"
line() { echo "$*" | tee -a "$REPORT" >&2; }

line "package: $(basename "$DEB"), $(du -b "$DEB" | cut -f1) bytes ($(du -h "$DEB" | cut -f1))"
VERSION="$(dpkg-deb -f "$DEB" Version)"
DEPENDS="$(dpkg-deb -f "$DEB" Depends)"

if $INSTALL; then
  [ "$(id -u)" = 0 ] || fail "--install needs root"
  apt-get install -y "$(readlink -f "$DEB")" >"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log" >&2; fail "apt-get install"; }
  APPDIR=/opt/sketchfind
  APP=/usr/bin/sketchfind-app; CLI=/usr/bin/sketchfind
  [ -x "$APP" ] && [ -x "$CLI" ] || fail "sketchfind and sketchfind-app are not on the PATH"
  DESKTOP=/usr/share/applications/sketchfind-Sketchfind.desktop
  [ -f "$DESKTOP" ] || fail "no desktop entry $DESKTOP"
  [ -f /usr/share/mime/packages/sketchfind-Sketchfind-MimeInfo.xml ] || fail "the .ndjson type is not registered"
  grep -q '^MimeType=application/x-ndjson' "$DESKTOP" || fail "the desktop entry does not take .ndjson"
  line "installed with apt-get: desktop entry $DESKTOP, commands $CLI and $APP"
  if command -v xdg-mime >/dev/null; then
    echo '{"word":"cat","drawing":[[[0,10],[0,10]]]}' > "$WORK/cat.ndjson"
    line "xdg-mime: $(basename "$WORK/cat.ndjson") is $(xdg-mime query filetype "$WORK/cat.ndjson" 2>/dev/null || echo '?')"
  fi
else
  # a clean location: the package's files only, unpacked as dpkg would
  dpkg -x "$DEB" "$WORK/root"
  APPDIR="$WORK/root/opt/sketchfind"
  APP="$APPDIR/bin/sketchfind-app"; CLI="$APPDIR/bin/sketchfind"
  missing=""
  for dep in $(echo "$DEPENDS" | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' ' | sort -u); do
    dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "install ok installed" || missing="$missing $dep"
  done
  [ -z "$missing" ] || fail "dependencies the package declares are not installed:$missing (apt-get install$missing)"
  grep -q '^Exec=/opt/sketchfind/bin/sketchfind-app %F' "$APPDIR/lib/sketchfind-Sketchfind.desktop" \
    || fail "desktop entry: $(grep Exec "$APPDIR/lib/sketchfind-Sketchfind.desktop")"
  grep -q 'glob pattern="\*.ndjson"' "$APPDIR/lib/sketchfind-Sketchfind-MimeInfo.xml" || fail "no .ndjson type"
  line "unpacked into $WORK/root (dpkg -x); every declared dependency is installed"
fi
line "installed size: $(du -sb "$APPDIR" | cut -f1) bytes ($(du -sh "$APPDIR" | cut -f1))"

# the command line, as installed: one version, and --json prints one object even for errors
V="$("$CLI" --version)"
[ "$V" = "Sketchfind ${VERSION%-*}" ] || [[ "$V" == "Sketchfind ${VERSION%-*}"* ]] || fail "--version says '$V', the package $VERSION"
OUT="$("$CLI" index status --json --data-dir "$WORK/none" 2>/dev/null || true)"
echo "$OUT" | python3 -c 'import json,sys; o=json.loads(sys.stdin.read()); assert o["exit"]==2 and "error" in o' \
  || fail "index status on a missing catalogue: $OUT"
[ ! -e "$WORK/none" ] || fail "a read-only command created $WORK/none"
line "command line: $V; errors under --json are one object; a missing catalogue is not created"

# a new user: an empty home for everything the app and the command line keep (Java takes its home from the
# password file, not $HOME: user.home is set too), the per-user data folder inside it, a virtual display
mkdir -p "$WORK/home"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share"
USER_HOME="-Duser.home=$WORK/home"
export SKETCHFIND_JAVA_OPTS="-Xmx4g $USER_HOME"
start_app() { # $1 = label; waits for the app's ready report
  local ready="$WORK/ready-$1.txt" shot="$WORK/screenshot-$1.png"
  rm -f "$ready"
  local t0; t0=$(date +%s.%N)
  JAVA_TOOL_OPTIONS="$USER_HOME -Dsketchfind.readyFile=$ready -Dsketchfind.readyScreenshot=$shot -Dsketchfind.readyTimeout=400" \
    setsid xvfb-run -a -s "-screen 0 1280x900x24" "$APP" >"$WORK/app-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 840); do [ -s "$ready" ] && break; sleep 0.5; done
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -s "$ready" ] || { tail -20 "$WORK/app-$1.log" >&2; fail "the app did not report ready ($1 start)"; }
  grep -q '^ready ' "$ready" || { tail -20 "$WORK/app-$1.log" >&2; fail "$1 start: $(cat "$ready")"; }
  line "$1 start: $(cat "$ready") (screenshot $shot)"
  case "$(cat "$ready")" in *"folder $APPDIR/"*) ;; *) fail "$1 start: not the package's demo collection" ;; esac
  case "$(cat "$ready")" in *"OMP_WAIT_POLICY=PASSIVE"*) ;; *) fail "$1 start: the app runs without OMP_WAIT_POLICY=PASSIVE (installer/bin/sketchfind-app)" ;; esac
}
start_app first
start_app second

# what the app left: the demo collection in the per-user data folder, searchable from the installed command line
DATA="$WORK/home/.local/share/sketchfind"
[ -f "$DATA/catalogue.db" ] || fail "no catalogue in the new user's data folder $DATA"
[ -d "$WORK/home/.javacpp/cache" ] || fail "ND4J's natives were not unpacked into the new user's home"
ST="$("$CLI" index status --json)"
echo "$ST" | python3 -c 'import json,sys; o=json.loads(sys.stdin.read()); assert o["photos"]==212 and o["encoded"]==212, o' \
  || fail "the demo collection in $DATA: $ST"
SKETCH="$(ls "$ROOT"/src-test-data/quickdraw/simplified/*.ndjson | head -1)"
SR="$("$CLI" search --ndjson "$SKETCH" --top 5 --json)"
echo "$SR" | python3 -c 'import json,sys; o=json.loads(sys.stdin.read()); assert len(o["results"])==5 and o["searched"]==212, o' \
  || fail "search from the installed command line: $SR"
line "the catalogue is in the per-user data folder ($DATA): 212 demo photos; an installed search (ONNX Runtime, host natives only) ranked them in $(echo "$SR" | python3 -c 'import json,sys; o=json.loads(sys.stdin.read()); print("%.0f ms encode, %.2f ms search" % (o["ms_encode"], o["ms_search"]))')"
for c in "--version" "index status --json"; do
  t0=$(date +%s%N); "$CLI" $c >/dev/null 2>&1; t1=$(date +%s%N)
  line "installed 'sketchfind $c': $(( (t1 - t0) / 1000000 )) ms (load average $(cut -d' ' -f1 /proc/loadavg))"
done

if $INSTALL; then
  apt-get remove -y sketchfind >"$WORK/remove.log" 2>&1 || fail "apt-get remove"
  [ ! -e /usr/bin/sketchfind ] && [ ! -e /usr/bin/sketchfind-app ] || fail "the PATH links stay after removal"
  [ ! -e "$DESKTOP" ] && [ ! -e /opt/sketchfind/bin ] || fail "the desktop entry or /opt/sketchfind stay after removal"
  [ -f "$DATA/catalogue.db" ] || fail "removing the package removed the user's catalogue"
  line "removed: the PATH links and /opt/sketchfind are gone, the user's catalogue stays"
fi
say "all checks passed"
cat "$REPORT"
