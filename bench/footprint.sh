#!/usr/bin/env bash
# The data folder's footprint of a study of the office model (../shared/testdata/epsm/test.idf,
# Chicago, annual): 100 envelope packages and the baseline, run with the default (each run
# keeps eplusout.err, the gzipped report and the run copy once its results and hourly meters
# are stored). Prints the run folders, the database and the imported files, per run and
# scaled to 1,000 runs. Usage: ENERGYPLUS_EXE=... bench/footprint.sh [SPEC]
set -euo pipefail
cd "$(dirname "$0")/.."
SPEC="${1:-bench/footprint/office-100.json}"
OUT=$(mktemp -d /tmp/epsm-footprint-XXXX)
trap 'rm -rf "$OUT"' EXIT
go build -o "$OUT/epsm" .
start=$(date +%s)
"$OUT/epsm" study "$SPEC" --data-dir "$OUT/data" --json > "$OUT/table.json" || echo "(some runs did not succeed: counted below)"
secs=$(( $(date +%s) - start ))
runs=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(len(t["rows"]))' "$OUT/table.json")
ok=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(sum(1 for r in t["rows"] if r.get("results")))' "$OUT/table.json")
run_bytes=$(du -sb "$OUT/data/runs" | cut -f1)
db_bytes=$(du -cb "$OUT"/data/epsm.db* | tail -1 | cut -f1)
files_bytes=$(du -sb "$OUT/data/files" | cut -f1)
total=$(du -sb "$OUT/data" | cut -f1)
echo "the data folder, by top-level entry:"; (cd "$OUT/data" && du -sb -- *)
python3 - "$runs" "$ok" "$run_bytes" "$db_bytes" "$files_bytes" "$total" "$secs" <<'PY'
import sys
runs, ok, run_b, db_b, files_b, total, secs = map(int, sys.argv[1:])
mb = lambda b: f"{b/1e6:,.1f} MB"
print(f"runs {runs} ({ok} with results) in {secs} s")
print(f"run folders {mb(run_b)} ({run_b/runs/1e3:,.0f} kB per run)")
print(f"database    {mb(db_b)} ({db_b/runs/1e3:,.0f} kB per run)")
print(f"imported    {mb(files_b)} (the variant models)")
print(f"data folder {mb(total)} ({total/runs/1e3:,.0f} kB per run)")
print(f"1,000 runs at this rate: {total/runs*1000/1e9:,.2f} GB")
PY
