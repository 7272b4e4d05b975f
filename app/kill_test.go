//go:build !windows

package app

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"epsm/internal/proctest"
	"epsm/runner"
	"epsm/services/runsvc"
	"epsm/sim"
)

const killChildEnv = "EPSM_KILL_CHILD"

// killChild is the app process of TestSIGKILLAtRandomPoints: it opens the data folder the way
// the desktop app does (re-queueing what the last session left unfinished), queues the batch
// on the very first start, prints "ready", waits for every run to end and prints "done".
func killChild() int {
	ctx := context.Background()
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "kill child:", err); return 1 }
	engine, err := runner.Probe(ctx, os.Getenv("EPSM_KILL_ENGINE"))
	if err != nil {
		return fail(err)
	}
	c, err := Open(ctx, Config{DataDir: os.Getenv("EPSM_KILL_DATA"), Workers: 2, Resident: true,
		Log: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		Discover: func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) {
			return []sim.Engine{engine}, nil
		}})
	if err != nil {
		return fail(err)
	}
	defer c.Close()
	batches, err := c.Store.Batches()
	if err != nil {
		return fail(err)
	}
	if len(batches) == 0 {
		rep := c.Importer.Import([]string{os.Getenv("EPSM_KILL_MODELS"), "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"})
		if len(rep.Errors) > 0 || len(rep.Weather) != 1 {
			return fail(fmt.Errorf("import: %+v", rep.Errors))
		}
		var ids []int64
		for _, m := range rep.Models {
			ids = append(ids, m.ID)
		}
		if _, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: ids, WeatherID: rep.Weather[0].ID, Name: "overnight"}); err != nil {
			return fail(err)
		}
	}
	fmt.Println("ready")
	runs, err := c.Store.Runs()
	if err != nil {
		return fail(err)
	}
	var ids []int64
	for _, r := range runs {
		ids = append(ids, r.ID)
	}
	if err := c.Queue.Wait(ctx, ids); err != nil {
		return fail(err)
	}
	fmt.Println("done")
	return 0
}

// startAppProcess starts killChild: an app process on data with the engine, which queues the
// models of src on its first start. Its stdout says "ready" and, when every run ended, "done".
func startAppProcess(t *testing.T, data string, engine sim.Engine, src string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), killChildEnv+"=1", "EPSM_KILL_DATA="+data, "EPSM_KILL_ENGINE="+engine.Path, "EPSM_KILL_MODELS="+src)
	cmd.Stderr = os.Stderr
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

// TestSIGKILLAtRandomPoints: the app process (Core opened like the desktop app, re-queueing
// unfinished runs on start) is killed with SIGKILL at random points of a batch of FAKE-engine
// runs, 20 times in a row, and restarted each time. After every kill the database passes
// integrity_check, no run is duplicated, every finished run holds its own result exactly once
// and stays as it was, no engine outlives the app; finally the batch completes.
// Replay a failure with EPSM_KILL_SEED=<seed from the log>.
func TestSIGKILLAtRandomPoints(t *testing.T) {
	const models, kills = 80, 20
	engine := fakeEngine(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("EPSM_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (replay: EPSM_KILL_SEED=%d go test -run TestSIGKILLAtRandomPoints ./app/)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	tmp := t.TempDir()
	data, src := filepath.Join(tmp, "data"), filepath.Join(tmp, "models")
	os.Mkdir(src, 0o755)
	for i := 0; i < models; i++ {
		// Each run prints for 0.25 s, then writes its own result: 1000+i kWh.
		fakeModelFile(t, src, fmt.Sprintf("m%02d.idf", i), fmt.Sprintf("results %d 0.25", 1000+i))
	}
	start := func() (*exec.Cmd, *bufio.Scanner) { return startAppProcess(t, data, engine, src) }

	type finished struct {
		status, endedAt string
		kwh             float64
	}
	seen := map[int64]finished{}
	check := func(round int) int {
		t.Helper()
		db, err := sql.Open("sqlite3", "file:"+filepath.Join(data, "epsm.db")+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var ok string
		db.QueryRow(`PRAGMA integrity_check`).Scan(&ok)
		if ok != "ok" {
			t.Fatalf("round %d: integrity_check: %s", round, ok)
		}
		var runs, distinct, batches int
		db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT model_id) FROM runs`).Scan(&runs, &distinct)
		db.QueryRow(`SELECT COUNT(*) FROM batches`).Scan(&batches)
		if runs != models || distinct != models || batches != 1 {
			t.Fatalf("round %d: %d runs of %d models in %d batches, want %d in 1", round, runs, distinct, batches, models)
		}
		rows, err := db.Query(`SELECT r.id, m.name, r.status, COALESCE(r.ended_at, ''), x.total_site_kwh,
			(SELECT COUNT(*) FROM results y WHERE y.run_id = r.id)
			FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN results x ON x.run_id = r.id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		done := 0
		for rows.Next() {
			var id int64
			var name, status, ended string
			var kwh sql.NullFloat64
			var n int
			if err := rows.Scan(&id, &name, &status, &ended, &kwh, &n); err != nil {
				t.Fatal(err)
			}
			if !sim.Status(status).Final() {
				if n != 0 {
					t.Errorf("round %d: unfinished run %d (%s) holds %d results", round, id, status, n)
				}
				if _, was := seen[id]; was {
					t.Errorf("round %d: run %d was finished and is %s again", round, id, status)
				}
				continue
			}
			done++
			var i int
			fmt.Sscanf(name, "m%02d.idf", &i)
			if status != string(sim.StatusSucceeded) || n != 1 || kwh.Float64 != float64(1000+i) {
				t.Errorf("round %d: run %d (%s) is %s with %d results, %v kWh; want succeeded with one result of %d kWh", round, id, name, status, n, kwh.Float64, 1000+i)
			}
			f := finished{status, ended, kwh.Float64}
			if prev, was := seen[id]; was && prev != f {
				t.Errorf("round %d: finished run %d changed from %+v to %+v (run again?)", round, id, prev, f)
			}
			seen[id] = f
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if left := proctest.Under(filepath.Join(data, "runs")); len(left) > 0 {
			t.Errorf("round %d: engine processes outlived the killed app: %v", round, left)
		}
		return done
	}

	began := time.Now()
	for round := 1; round <= kills; round++ {
		cmd, out := start()
		// The first start queues the batch: kill only after that. Later ones die anywhere,
		// including while the store is opened and unfinished runs are re-queued.
		if round == 1 && (!out.Scan() || out.Text() != "ready") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the app did not start: %q", out.Text())
		}
		delay := time.Duration(rng.Int64N(int64(900 * time.Millisecond)))
		exited := make(chan struct{})
		go func() {
			for out.Scan() {
				if out.Text() == "done" {
					close(exited)
					return
				}
			}
		}()
		select {
		case <-exited:
			cmd.Wait()
			t.Fatalf("the batch finished after only %d kills: make it longer", round-1)
		case <-time.After(delay):
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		waitForNoEngines(t, filepath.Join(data, "runs"))
		done := check(round)
		t.Logf("kill %2d after %3d ms: %d of %d runs finished", round, delay.Milliseconds(), done, models)
	}

	cmd, out := start()
	finishedOK := make(chan bool, 1)
	go func() {
		for out.Scan() {
			if out.Text() == "done" {
				finishedOK <- true
				return
			}
		}
		finishedOK <- false
	}()
	select {
	case ok := <-finishedOK:
		if err := cmd.Wait(); err != nil || !ok {
			t.Fatalf("the last start did not finish the batch: %v", err)
		}
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the batch did not complete within 90 s after the last restart")
	}
	if done := check(kills + 1); done != models {
		t.Fatalf("%d of %d runs finished", done, models)
	}
	t.Logf("%d kills and restarts, then the batch completed: %s in all", kills, time.Since(began).Round(time.Millisecond))
}

// waitForNoEngines gives the kernel a moment to deliver the parent-death signal.
func waitForNoEngines(t *testing.T, dir string) {
	deadline := time.Now().Add(3 * time.Second)
	for len(proctest.Under(dir)) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
}
