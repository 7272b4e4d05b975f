#!/usr/bin/env bash
# Slurm figures on the one-node Slurm and the sshd on 127.0.0.1 that the tests use
# (internal/slurmtest/testcluster; root, as for the tests): the office model
# (../shared/testdata/epsm/test.idf, Chicago, annual)
#   - 24 runs (bench/footprint/office-24.json) here with --jobs 2, then the same study on the
#     cluster through slurm+ssh (the node has the same 2 cores): wall time of each command;
#   - from each task's end on the node (its result file written) to its result in the app's
#     store (runs.ended_at), over those 24 runs;
#   - the upload of a 100-sample study (bench/footprint/office-100.json) to the cluster: files,
#     bytes, what deduplication skipped, and time, from the app's log.
# Usage: ENERGYPLUS_EXE=... bench/slurm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$(mktemp -d /tmp/epsm-slurmbench-XXXX)
go build -o "$OUT/epsm" .
coproc CLUSTER { exec go run ./internal/slurmtest/testcluster; }
read -r line <&"${CLUSTER[0]}"
trap 'exec {CLUSTER[1]}>&-; wait; rm -rf "$OUT"' EXIT
get() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$line" "$1"; }
HOME_DIR=$(get home); WORK=$(get workDir); PART=$(get partition); CONF=$(get slurmConf)
enc() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
TARGET="slurm+ssh://cluster${WORK}?partition=${PART}&engine=$(enc "$ENERGYPLUS_EXE")&prelude=$(enc "export SLURM_CONF=$CONF")"

t0=$(date +%s.%N)
"$OUT/epsm" study bench/footprint/office-24.json --jobs 2 --data-dir "$OUT/local" --json > "$OUT/local.json" 2>/dev/null || true
t1=$(date +%s.%N)
HOME="$HOME_DIR" SSH_AUTH_SOCK= EPSM_WORKER="$OUT/epsm" "$OUT/epsm" study bench/footprint/office-24.json --target "$TARGET" --data-dir "$OUT/slurm" --json > "$OUT/slurm.json" 2>/dev/null || true
t2=$(date +%s.%N)
HOME="$HOME_DIR" SSH_AUTH_SOCK= EPSM_WORKER="$OUT/epsm" "$OUT/epsm" study bench/footprint/office-100.json --target "$TARGET" --data-dir "$OUT/upload" --json --verbose > "$OUT/upload.json" 2> "$OUT/upload.log" || true

python3 - "$OUT" "$t0" "$t1" "$t2" <<'PY'
import json, sqlite3, sys, os, re, datetime, statistics
out, t0, t1, t2 = sys.argv[1], *map(float, sys.argv[2:])
def rows(p):
    return json.load(open(p))["rows"]
loc, slu = rows(f"{out}/local.json"), rows(f"{out}/slurm.json")
ok = lambda rs: sum(1 for r in rs if r.get("results"))
print(f"24-run study here (--jobs 2):        {t1-t0:6.1f} s, {ok(loc)} of {len(loc)} with results")
print(f"the same study on the 1-node Slurm: {t2-t1:6.1f} s, {ok(slu)} of {len(slu)} with results")
same = all(abs(a["results"]["totalSiteKWh"]-b["results"]["totalSiteKWh"]) <= 5e-4*abs(b["results"]["totalSiteKWh"]) for a, b in zip(loc, slu) if a.get("results") and b.get("results"))
print(f"every run's total site energy equal to 4 significant figures: {same}")
db = sqlite3.connect(f"{out}/slurm/epsm.db")
lags = []
for rid, d, ended in db.execute("SELECT id, run_dir, ended_at FROM runs WHERE ended_at IS NOT NULL"):
    p = os.path.join(d, "result.json")
    if not os.path.exists(p):
        continue
    written = json.load(open(p))["written"]
    parse = lambda s: datetime.datetime.fromisoformat(re.sub(r"(\.\d{6})\d*", r"\1", s.replace("Z", "+00:00")))
    lags.append((parse(ended) - parse(written)).total_seconds())
if lags:
    print(f"task end (result written on the node) to result in the store: median {statistics.median(lags):.1f} s, max {max(lags):.1f} s over {len(lags)} runs (polling every 3 s)")
log = open(f"{out}/upload.log").read()
m = re.search(r'batch sent to the cluster.*?runs=(\d+).*?files=(\d+) bytes=(\d+) skipped=(\d+) skipped_bytes=(\d+) seconds=([\d.]+)', log)
if m:
    runs, files, b, skipped, sb, secs = m.groups()
    print(f"upload of the 100-sample study ({runs} runs): {files} files, {int(b)/1e6:.1f} MB in {float(secs):.2f} s; {skipped} files ({int(sb)/1e6:.1f} MB) already there")
    up = rows(f"{out}/upload.json")
    print(f"that study on the 1-node Slurm: {ok(up)} of {len(up)} runs back with results")
else:
    print("no upload line in the log:", log[-2000:])
PY
