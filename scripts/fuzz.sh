#!/usr/bin/env bash
# Runs every Go fuzz target for a bounded time (first argument, e.g. 15s). A crash or a hang
# (the fuzzer's own per-input deadline) fails the run. Prints each target's executions and the
# total, which docs/BENCHMARKS.md records.
set -euo pipefail
fuzztime=${1:-15s}
targets=(idf:FuzzParse idf:FuzzPrepareRunCopy epw:FuzzParse runner:FuzzProgressLine eplusout:FuzzParseErr takeoff:FuzzCompute)
total=0
for t in "${targets[@]}"; do
  pkg=${t%%:*} fn=${t##*:}
  fuzz() { go test -run '^$' -fuzz "^${fn}\$" -fuzztime "$fuzztime" -fuzzminimizetime 2s "./$pkg/" 2>&1; }
  failed() {
    echo "$out" | tail -n 40
    echo "$pkg $fn: FAILED" >&2
    exit 1
  }
  # Go 1.26's fuzz coordinator can report its own -fuzztime deadline as a failure of the target:
  # a bare "context deadline exceeded" with no failing input written and no panic
  # (golang/go#75804, fixed in Go 1.27). That one case is run again, once; anything else, or the
  # same again, fails.
  coordinatorDeadline() {
    grep -q 'context deadline exceeded' <<<"$out" && ! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' <<<"$out"
  }
  if ! out=$(fuzz); then
    coordinatorDeadline || failed
    echo "$pkg $fn: the fuzz coordinator reported its own deadline (golang/go#75804), no failing input: running it again" >&2
    out=$(fuzz) || failed
  fi
  # the last progress line: "fuzz: elapsed: 15s, execs: 123456 (8230/sec), new interesting: ..."
  execs=$(echo "$out" | grep -E '^fuzz: elapsed: [0-9]+s, execs: [0-9]+' | tail -n 1 | sed -E 's/.*execs: ([0-9]+).*/\1/')
  execs=${execs:-0}
  total=$((total + execs))
  printf '%-8s %-22s %12d executions in %s\n' "$pkg" "$fn" "$execs" "$fuzztime"
done
printf 'fuzz: %d executions in total over %d targets, no crash or hang\n' "$total" "${#targets[@]}"
