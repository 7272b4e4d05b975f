//go:build !windows

package cli

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"epsm/internal/proctest"
)

// TestSIGKILLDuringABatchThenTheSameCommandFinishesIt: `epsm run` is killed with SIGKILL in the
// middle of 6 real EnergyPlus runs. Its engines must die with it (no orphans), and running
// the same command again must finish the batch with exactly 6 results, taking the runs that
// had finished from the store.
func TestSIGKILLDuringABatchThenTheSameCommandFinishesIt(t *testing.T) {
	requireEngine(t)
	if testing.Short() {
		t.Skip("runs 6 annual simulations")
	}
	tmp := t.TempDir()
	bin := buildEPSM(t, tmp)
	src, err := os.ReadFile("../../shared/testdata/epsm/test.idf")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--data-dir", filepath.Join(tmp, "data"), "--jobs", "2", "--json",
		"--weather", "../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"}
	for i := 1; i <= 6; i++ {
		p := filepath.Join(tmp, fmt.Sprintf("block-%d.idf", i))
		os.WriteFile(p, append(src, []byte(fmt.Sprintf("\n! variant %d\n", i))...), 0o644)
		args = append(args, p)
	}

	signalAfter(t, bin, 2, syscall.SIGKILL, args...)

	// No EnergyPlus may outlive the killed CLI.
	runs := filepath.Join(tmp, "data", "runs")
	deadline := time.Now().Add(3 * time.Second)
	for {
		left := proctest.Under(runs)
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			for _, pid := range left {
				syscall.Kill(pid, syscall.SIGKILL)
			}
			t.Fatalf("engine processes outlived the killed CLI: %v", left)
		}
		time.Sleep(50 * time.Millisecond)
	}

	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("second command: %v", err)
	}
	var rows []runResult
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatal(err)
	}
	cached := 0
	for _, r := range rows {
		if r.Status != "succeeded" || r.Results == nil {
			t.Errorf("run %d: %s %s", r.ID, r.Status, r.Message)
		}
		if r.Cached {
			cached++
		}
	}
	if len(rows) != 6 || cached < 2 || cached == 6 {
		t.Errorf("%d rows, %d answered from the store", len(rows), cached)
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(tmp, "data", "epsm.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var results, simulated int
	db.QueryRow(`SELECT COUNT(*) FROM results`).Scan(&results)
	db.QueryRow(`SELECT COUNT(*) FROM runs WHERE cached_from IS NULL`).Scan(&simulated)
	var integrity string
	db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity)
	if results != 6 || simulated != 6 || integrity != "ok" {
		t.Fatalf("store holds %d results for %d simulated runs (want 6 and 6), integrity %s", results, simulated, integrity)
	}
}
