#!/usr/bin/env bash
# Runs the end-to-end suites: Playwright against the real frontend with live Go bindings, and
# the production binary in a real X window. Screenshots land in e2e/out/, and in
# docs/screenshots/ when UPDATE_SCREENSHOTS=1.
set -euo pipefail
cd "$(dirname "$0")"
rm -rf out && mkdir -p out
npm test
