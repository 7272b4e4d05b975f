#!/usr/bin/env bash
# Runner overhead and parallel scaling, measured on this machine with the real engine:
#  - the same N annual runs of the example model through `epsm run --jobs 2 --force`, through
#    the bare engine launched by `xargs -P 2`, and through eppy's runIDFs on 2 processes, R
#    rounds after one warm-up round, the order of the sides turning every round;
#  - throughput of `epsm run` at 1 and 2 workers;
#  - the ratio epsm / bare, compared with the target (TARGET, default 1.03): exit 1 above it.
# Usage: bench/overhead.sh [N=8] [R=3]   (ENERGYPLUS_EXE must point at the engine; eppy is
# installed into .cache/eppy-venv from PyPI on first use)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-8}
R=${2:-3}
TARGET=${TARGET:-1.03}
E=${ENERGYPLUS_EXE:?set ENERGYPLUS_EXE}
IDD=$(dirname "$E")/Energy+.idd
WEATHER=$PWD/examples/USA_CO_Golden-NREL.724666_TMY3.epw
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/epsm" .
EPPY=.cache/eppy-venv/bin/python
if ! "$EPPY" -c 'import eppy' 2>/dev/null; then
  python3 -m venv .cache/eppy-venv
  .cache/eppy-venv/bin/pip install -q --disable-pip-version-check eppy
fi

# N distinct copies (a comment each), so neither side can reuse a result.
for i in $(seq 1 "$N"); do
  { cat examples/1ZoneUncontrolled.idf; echo "! copy $i"; } > "$WORK/model-$i.idf"
done
# The other sides run the same run copies EPSM runs (with the outputs EPSM adds).
"$WORK/epsm" run --data-dir "$WORK/prep" --jobs 2 --weather "$WEATHER" "$WORK"/model-*.idf --json > "$WORK/prep.json"
COPIES=()
for i in $(seq 1 "$N"); do COPIES+=("$WORK/prep/runs/$i/in.idf"); done

now() { date +%s.%N; }
bare() {
  rm -rf "$WORK/bare"; mkdir -p "$WORK/bare"
  for i in $(seq 1 "$N"); do mkdir -p "$WORK/bare/$i"; cp "${COPIES[$((i-1))]}" "$WORK/bare/$i/in.idf"; done
  local t0; t0=$(now)
  seq 1 "$N" | xargs -P 2 -I{} sh -c "cd '$WORK/bare/{}' && '$E' -w '$WEATHER' -d '$WORK/bare/{}' in.idf > /dev/null 2>&1"
  echo "$(now) - $t0" | bc
}
epsm() {
  local jobs=$1  # one data folder across rounds, as a user has; --force defeats the cache
  local t0; t0=$(now)
  "$WORK/epsm" run --data-dir "$WORK/data" --jobs "$jobs" --force --weather "$WEATHER" "$WORK"/model-*.idf > /dev/null 2>&1
  echo "$(now) - $t0" | bc
}
eppy() {
  rm -rf "$WORK/eppy"; mkdir -p "$WORK/eppy"
  "$EPPY" bench/eppy_runidfs.py "$IDD" "$WEATHER" "$WORK/eppy" "${COPIES[@]}" 2>/dev/null
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Warm-up: the engine, the page cache and EPSM's data folder (engine probe remembered).
bare > /dev/null; epsm 2 > /dev/null; eppy > /dev/null
: > "$WORK/bare.txt"; : > "$WORK/epsm2.txt"; : > "$WORK/epsm1.txt"; : > "$WORK/eppy.txt"
for r in $(seq 1 "$R"); do
  if (( r % 2 )); then
    bare >> "$WORK/bare.txt"; epsm 2 >> "$WORK/epsm2.txt"; eppy >> "$WORK/eppy.txt"
  else
    eppy >> "$WORK/eppy.txt"; epsm 2 >> "$WORK/epsm2.txt"; bare >> "$WORK/bare.txt"
  fi
  epsm 1 >> "$WORK/epsm1.txt"
done
B=$(median < "$WORK/bare.txt"); E2=$(median < "$WORK/epsm2.txt"); E1=$(median < "$WORK/epsm1.txt"); P=$(median < "$WORK/eppy.txt")
RATIO=$(echo "scale=3; $E2 / $B" | bc)
echo "runs: $N annual runs of examples/1ZoneUncontrolled.idf, $R rounds after a warm-up, medians, $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "bare engine, xargs -P 2: ${B} s   (rounds: $(paste -sd' ' "$WORK/bare.txt"))"
echo "epsm run --jobs 2:       ${E2} s   (rounds: $(paste -sd' ' "$WORK/epsm2.txt"))"
echo "eppy runIDFs, 2 procs:   ${P} s   (rounds: $(paste -sd' ' "$WORK/eppy.txt"))"
echo "epsm run --jobs 1:       ${E1} s   (rounds: $(paste -sd' ' "$WORK/epsm1.txt"))"
echo "overhead ratio (epsm 2 / bare 2): $RATIO   eppy ratio (eppy / bare): $(echo "scale=3; $P / $B" | bc)"
echo "throughput: $(echo "scale=2; $N / $E1" | bc) runs/s at 1 worker, $(echo "scale=2; $N / $E2" | bc) runs/s at 2 workers (scaling $(echo "scale=2; $E1 / $E2" | bc)x)"
if (( $(echo "$RATIO > $TARGET" | bc) )); then
  echo "FAIL: overhead ratio $RATIO is above the target $TARGET" >&2
  exit 1
fi
echo "PASS: overhead ratio $RATIO is within the target $TARGET"
