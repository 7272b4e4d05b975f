#!/usr/bin/env bash
# Runner overhead and parallel scaling, measured on this machine with the real engine:
#  - the same N annual runs of the example model through `epsm run --jobs 2 --force` and
#    through the bare engine launched by `xargs -P 2`, alternately, R rounds;
#  - throughput of `epsm run` at 1 and 2 workers.
# Usage: bench/overhead.sh [N=8] [R=3]   (ENERGYPLUS_EXE must point at the engine)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-8}
R=${2:-3}
E=${ENERGYPLUS_EXE:?set ENERGYPLUS_EXE}
WEATHER=$PWD/examples/USA_CO_Golden-NREL.724666_TMY3.epw
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
go build -o "$WORK/epsm" .

# N distinct copies (a comment each), so neither side can reuse a result.
for i in $(seq 1 "$N"); do
  { cat examples/1ZoneUncontrolled.idf; echo "! copy $i"; } > "$WORK/model-$i.idf"
done
# The bare side runs the same run copies EPSM runs (with the outputs EPSM adds).
"$WORK/epsm" run --data-dir "$WORK/prep" --jobs 2 --weather "$WEATHER" "$WORK"/model-*.idf --json > "$WORK/prep.json"

now() { date +%s.%N; }
bare() {
  rm -rf "$WORK/bare"; mkdir -p "$WORK/bare"
  for i in $(seq 1 "$N"); do mkdir -p "$WORK/bare/$i"; cp "$WORK/prep/runs/$i/in.idf" "$WORK/bare/$i/in.idf"; done
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
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: > "$WORK/bare.txt"; : > "$WORK/epsm2.txt"; : > "$WORK/epsm1.txt"
for r in $(seq 1 "$R"); do
  bare >> "$WORK/bare.txt"
  epsm 2 >> "$WORK/epsm2.txt"
  epsm 1 >> "$WORK/epsm1.txt"
done
B=$(median < "$WORK/bare.txt"); E2=$(median < "$WORK/epsm2.txt"); E1=$(median < "$WORK/epsm1.txt")
echo "runs: $N annual runs of examples/1ZoneUncontrolled.idf, $R rounds, medians, $(nproc) cores"
echo "bare engine, xargs -P 2: ${B} s   (rounds: $(paste -sd' ' "$WORK/bare.txt"))"
echo "epsm run --jobs 2:       ${E2} s   (rounds: $(paste -sd' ' "$WORK/epsm2.txt"))"
echo "epsm run --jobs 1:       ${E1} s   (rounds: $(paste -sd' ' "$WORK/epsm1.txt"))"
echo "overhead ratio (epsm 2 / bare 2): $(echo "scale=3; $E2 / $B" | bc)"
echo "throughput: $(echo "scale=2; $N / $E1" | bc) runs/s at 1 worker, $(echo "scale=2; $N / $E2" | bc) runs/s at 2 workers (scaling $(echo "scale=2; $E1 / $E2" | bc)x)"
