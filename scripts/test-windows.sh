#!/usr/bin/env bash
# make test-windows: the Windows build, tested for real. Cross-compiles (mingw-w64, cgo) the Go
# tests of every package with Windows-specific code and runs them under Wine with the official
# Windows EnergyPlus, which scripts/setup.sh --with-tests put under .cache/windows with a Wine
# prefix of our own (.cache/wine). Then epsm.exe runs models and a study end to end under Wine,
# and a Linux test compares its results with the Linux build's (cli/wine_test.go).
# Usage: scripts/test-windows.sh [LDFLAGS]   (the Makefile passes the version stamp)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE="$ROOT/.cache"
OUT="$CACHE/windows/tests"
LDFLAGS="${1:-}"
say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

for f in "$CACHE/energyplus-windows-path" "$CACHE/wine/.epsm-ready"; do
  [ -e "$f" ] || { echo "$f is missing: run scripts/setup.sh --with-tests" >&2; exit 1; }
done
WIN_ENGINE="Z:$(cat "$CACHE/energyplus-windows-path")"
export WINEPREFIX="$CACHE/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
WINE=/usr/lib/wine/wine64

# Packages with Windows-specific code (process trees and job objects, file locks, paths,
# %APPDATA%, folder removal), the ones that run the engine through them, and desktop (the
# files Explorer passes, the installer's file types).
PKGS=(internal/proctest internal/removeall launch store runner services/runsvc app cli desktop)

say "cross-building the Windows tests, the FAKE programs and epsm.exe"
rm -rf "$OUT" && mkdir -p "$OUT/fakes"
export CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc
GOOS=windows GOARCH=amd64 go test -c -o "$OUT/" "${PKGS[@]/#/./}"
GOOS=windows GOARCH=amd64 go build -o "$OUT/fakes/" ./runner/internal/faketransition
GOOS=windows GOARCH=amd64 go build -ldflags "$LDFLAGS" -o "$OUT/epsm.exe" .
unset CC

# The Wine session (wineserver and its services) starts once, with no pipe of ours as its
# output (a service holding one would keep a reader waiting), and is ended at the end.
/usr/lib/wine/wineserver -p </dev/null >/dev/null 2>&1
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true' EXIT
"$WINE" cmd /c exit </dev/null >/dev/null 2>&1

# SKIPS prints each skipped test of a go test -json stream with the reason it gave.
SKIPS='
import json, sys
said = {}
for line in sys.stdin:
    try:
        e = json.loads(line)
    except ValueError:
        continue
    t = e.get("Test")
    if t and e["Action"] == "output" and not e["Output"].lstrip().startswith(("=== ", "--- ")):
        said.setdefault(t, []).append(e["Output"].strip())
    elif t and e["Action"] == "skip":
        print("     skip", t + ":", " ".join(said.get(t, [])) or "(no reason given)")
'

failed=()
for p in "${PKGS[@]}"; do
  name=$(basename "$p")
  say "go test (windows/amd64, under Wine) ./$p/"
  start=$SECONDS
  # In the package's folder, as go test runs it; engine tests must fail, not skip.
  rc=0
  (cd "$p" && ENERGYPLUS_EXE="$WIN_ENGINE" EPSM_REQUIRE_ENGINE=1 EPSM_FAKE_PROGRAMS="Z:$OUT/fakes" \
     "$WINE" "$OUT/$name.test.exe" -test.v -test.timeout 15m </dev/null >"$OUT/$name.log" 2>&1) || rc=$?
  if [ $rc = 0 ]; then
    # What Windows or Wine cannot do is skipped saying why: show each skip and its reason.
    go tool test2json < "$OUT/$name.log" | python3 -c "$SKIPS"
    echo "ok   ./$p/ ($((SECONDS - start)) s under Wine)"
  else
    grep -v -e ' INFO ' -e '^=== ' -e '--- PASS' "$OUT/$name.log" || true
    echo "FAIL ./$p/ ($((SECONDS - start)) s under Wine, exit $rc; log: $OUT/$name.log)"
    failed+=("$p")
  fi
done

say "epsm.exe end to end under Wine, against the Linux build"
if ! EPSM_WINDOWS_EXE="$OUT/epsm.exe" EPSM_WINE="$WINE" EPSM_WINDOWS_ENGINE="$WIN_ENGINE" \
     ENERGYPLUS_EXE="$(cat "$CACHE/energyplus-path")" EPSM_REQUIRE_ENGINE=1 \
     go test -count=1 -timeout 15m -ldflags "$LDFLAGS" -run '^TestWindowsBuild' -v ./cli/ 2>&1 | grep -v ' INFO '; then
  failed+=("epsm.exe end to end")
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "make test-windows failed: ${failed[*]}" >&2
  exit 1
fi
echo "windows tests passed"
