//go:build linux

package app

import (
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"epsm/internal/proctest"
)

// TestAnEngineThatOutlivedACrashIsStoppedBeforeItsRunIsQueuedAgain: the app is killed with
// SIGKILL while a run goes on. The kernel kills the engine itself (parent-death signal), but
// not the child it started (as EnergyPlus starts ExpandObjects), which keeps running in the
// run's process group and could write into the run folder. The next start must stop that
// survivor before the run is queued again, and the run must then complete exactly once.
func TestAnEngineThatOutlivedACrashIsStoppedBeforeItsRunIsQueuedAgain(t *testing.T) {
	engine := fakeEngine(t)
	tmp := t.TempDir()
	data, src := filepath.Join(tmp, "data"), filepath.Join(tmp, "models")
	os.Mkdir(src, 0o755)
	marker := filepath.Join(tmp, "survivor.pid")
	fakeModelFile(t, src, "survivor.idf", "survivor "+marker+" 4242")

	cmd, out := startAppProcess(t, data, engine, src)
	if !out.Scan() || out.Text() != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the app did not start: %q", out.Text())
	}
	// Wait until the engine left its child behind and the app recorded the engine's identity.
	var survivor int
	recorded := false
	for deadline := time.Now().Add(30 * time.Second); survivor == 0 || !recorded; {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no survivor (pid %d) or no recorded engine (%v) after 30 s", survivor, recorded)
		}
		if b, err := os.ReadFile(marker); err == nil {
			survivor, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
		recorded = enginePIDRecorded(t, data)
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if !proctest.Alive(survivor) {
		t.Fatalf("precondition: the engine's child %d died with the app, so there is nothing to stop", survivor)
	}
	t.Cleanup(func() { syscall.Kill(survivor, syscall.SIGKILL) })

	cmd, out = startAppProcess(t, data, engine, src)
	done := make(chan bool, 1)
	go func() {
		for out.Scan() {
			if out.Text() == "done" {
				done <- true
				return
			}
		}
		done <- false
	}()
	select {
	case ok := <-done:
		if err := cmd.Wait(); err != nil || !ok {
			t.Fatalf("the restarted app did not finish the run: %v", err)
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the restarted app did not finish the run within 60 s")
	}
	if proctest.Alive(survivor) {
		t.Errorf("the crashed session's engine child %d is still running after the restart", survivor)
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(data, "epsm.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var runs, results int
	var status string
	var kwh float64
	db.QueryRow(`SELECT COUNT(*) FROM runs`).Scan(&runs)
	db.QueryRow(`SELECT COUNT(*) FROM results`).Scan(&results)
	db.QueryRow(`SELECT r.status, x.total_site_kwh FROM runs r JOIN results x ON x.run_id = r.id`).Scan(&status, &kwh)
	if runs != 1 || results != 1 || status != "succeeded" || kwh != 4242 {
		t.Fatalf("%d runs, %d results, status %q, %v kWh; want the one run succeeded once with 4242 kWh", runs, results, status, kwh)
	}
}

func enginePIDRecorded(t *testing.T, data string) bool {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(data, "epsm.db")+"?mode=ro")
	if err != nil {
		return false
	}
	defer db.Close()
	var n int
	db.QueryRow(`SELECT COUNT(*) FROM runs WHERE engine_pid IS NOT NULL`).Scan(&n)
	return n > 0
}
