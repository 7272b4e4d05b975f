#!/usr/bin/env bash
# make test-release: the installers of build/release (scripts/release.sh made them), installed
# for real.
#   - the .deb: installed on this machine with dpkg (as root, or with sudo), its files and
#     desktop integration checked, the installed app started under Xvfb by opening a model as a
#     file manager does (xdg-open), then purged and checked gone (e2e/release/deb.test.mjs);
#   - the NSIS installer: installed silently in a fresh Wine prefix, the installed epsm.exe run,
#     the registry checked, uninstalled silently (cli/installer_wine_test.go);
#   - the Linux app sending a batch to a real one-node Slurm with the static worker it embeds
#     (cli/cluster_test.go).
set -euo pipefail
LDFLAGS="${1:-}"   # the Makefile's version stamp: the installed epsm.exe must show it
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE="$ROOT/.cache"
say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

debs=(build/release/epsm-desktop_*_amd64.deb)
installers=(build/release/epsm-*-windows-amd64-installer.exe)
[ -f "${debs[0]}" ] && [ -f "${installers[0]}" ] || { echo "no release in build/release: run make release" >&2; exit 1; }

say "the .deb, installed with dpkg: ${debs[0]}"
EPSM_DEB="$ROOT/${debs[0]}" node --test --test-concurrency=1 e2e/release/

say "the NSIS installer, installed under Wine: ${installers[0]}"
for f in "$CACHE/energyplus-windows-path" "$CACHE/windows/bcryptprimitives.dll"; do
  [ -e "$f" ] || { echo "$f is missing: run scripts/setup.sh --with-tests" >&2; exit 1; }
done
linux_apps=(build/release/epsm-[0-9]*-linux-amd64)
say "and the Linux app on a real Slurm, with the static worker it embeds: ${linux_apps[0]}"
EPSM_WINDOWS_INSTALLER="$ROOT/${installers[0]}" EPSM_WINE=/usr/lib/wine/wine64 \
  EPSM_WINE_SHIM="$CACHE/windows/bcryptprimitives.dll" EPSM_WINDOWS_ENGINE="Z:$(cat "$CACHE/energyplus-windows-path")" \
  EPSM_RELEASE_BINARY="$ROOT/${linux_apps[0]}" EPSM_REQUIRE_ENGINE=1 EPSM_REQUIRE_SLURM=1 \
  go test -count=1 -timeout 10m -ldflags "$LDFLAGS" -run '^(TestWindowsInstaller|TestReleaseAppSendsItsStaticWorker)$' -v ./cli/ 2>&1 | grep -v ' INFO '
test "${PIPESTATUS[0]}" = 0
echo "release tests passed"
