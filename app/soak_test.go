//go:build linux

package app

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"epsm/events"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/sim"
)

// procStatusKiB reads a field of /proc/self/status in KiB (VmHWM: peak resident memory).
func procStatusKiB(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return -1
}

func openFDs() int {
	entries, _ := os.ReadDir("/proc/self/fd")
	return len(entries)
}

// settled waits up to 5 s for the goroutines and open files to come back to their counts
// before the Core was opened, and returns the last counts.
func settled(goroutines, fds int) (int, int) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		g, f := runtime.NumGoroutine(), openFDs()
		if (g <= goroutines && f <= fds) || time.Now().After(deadline) {
			return g, f
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSoakFakeEngine: many FAKE-engine runs through the whole pipeline (queue, runner, events
// through a counting emitter, store), queued at once like a big study. Every run must succeed
// with its own result, and once the Core is closed no goroutine and no file descriptor may be
// left over. Prints wall time, peak RSS, database size and events per second. 300 runs in CI;
// `make soak` runs 5,000 (EPSM_SOAK_RUNS).
func TestSoakFakeEngine(t *testing.T) {
	n := 300
	if s := os.Getenv("EPSM_SOAK_RUNS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("EPSM_SOAK_RUNS=%q is not a run count", s)
		}
	}
	const models, workers = 100, 4
	engine := fakeEngine(t)
	tmp := t.TempDir()
	var paths []string
	for i := 0; i < models; i++ {
		paths = append(paths, fakeModelFile(t, tmp, fmt.Sprintf("v%03d.idf", i), fmt.Sprintf("results %d", 1000+i)))
	}
	runtime.GC()
	goroutinesBefore, fdsBefore := runtime.NumGoroutine(), openFDs()

	var emitted atomic.Int64
	var mu sync.Mutex
	byName := map[events.Name]int{}
	emit := events.EmitterFunc(func(name events.Name, _ any) {
		emitted.Add(1)
		mu.Lock()
		byName[name]++
		mu.Unlock()
	})
	data := filepath.Join(tmp, "data")
	c := openCore(t, data, &engine, emit)
	if _, err := c.Settings.SaveQueueLimits(settingsvc.QueueLimits{Workers: workers, StallSeconds: 60}); err != nil {
		t.Fatal(err)
	}
	rep := c.Importer.Import(append(paths, "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"))
	if len(rep.Models) != models || len(rep.Weather) != 1 {
		t.Fatalf("import: %+v", rep.Errors)
	}
	var ids []int64
	for _, m := range rep.Models {
		ids = append(ids, m.ID)
	}
	start := time.Now()
	var runIDs []int64
	for len(runIDs) < n {
		batch := ids[:min(len(ids), n-len(runIDs))]
		// Force: the same variants again are new runs, not answers from the cache.
		runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: batch, WeatherID: rep.Weather[0].ID, Force: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range runs {
			runIDs = append(runIDs, r.ID)
		}
	}
	queued := time.Since(start)
	ctxWait := time.Duration(n)*200*time.Millisecond + time.Minute
	waitRunsWithin(t, c, runIDs, ctxWait)
	wall := time.Since(start)

	byStatus := map[sim.Status]int{}
	all, err := c.Store.Runs()
	if err != nil {
		t.Fatal(err)
	}
	// Every run must hold its own result: run of model v%03d wrote 1000+i kWh, so a result
	// stored under the wrong run, or twice, shows.
	failures := 0
	for _, r := range all {
		byStatus[r.Status]++
		var i int
		fmt.Sscanf(r.ModelName, "v%03d.idf", &i)
		d, err := c.Queue.RunDetails(r.ID)
		switch {
		case err != nil:
			t.Errorf("run %d: %v", r.ID, err)
		case r.Status != sim.StatusSucceeded || d.Results == nil:
			t.Errorf("run %d (%s): %s %q results=%v", r.ID, r.ModelName, r.Status, r.Message, d.Results != nil)
		case d.Results.TotalSiteKWh != float64(1000+i):
			t.Errorf("run %d (%s) holds %v kWh, want its own %d", r.ID, r.ModelName, d.Results.TotalSiteKWh, 1000+i)
		default:
			continue
		}
		if failures++; failures > 10 {
			t.Fatal("more than 10 runs without their own result")
		}
	}
	if len(all) != n {
		t.Errorf("%d runs stored, want %d", len(all), n)
	}
	c.Close()
	goroutinesAfter, fdsAfter := settled(goroutinesBefore, fdsBefore)

	var dbBytes int64
	for _, f := range []string{"epsm.db", "epsm.db-wal"} {
		if st, err := os.Stat(filepath.Join(data, f)); err == nil {
			dbBytes += st.Size()
		}
	}
	mu.Lock()
	t.Logf("soak: %d runs (%d workers, FAKE engine): wall %.1f s (%.1f runs/s; queueing took %.2f s), peak RSS (VmHWM) %.0f MiB, database %.1f MiB (%.1f KiB/run), %d events = %.0f events/s (%v), goroutines %d -> %d, open fds %d -> %d",
		n, workers, wall.Seconds(), float64(n)/wall.Seconds(), queued.Seconds(), float64(procStatusKiB("VmHWM"))/1024,
		float64(dbBytes)/(1<<20), float64(dbBytes)/1024/float64(n), emitted.Load(), float64(emitted.Load())/wall.Seconds(), byName,
		goroutinesBefore, goroutinesAfter, fdsBefore, fdsAfter)
	mu.Unlock()
	if byStatus[sim.StatusSucceeded] != n {
		t.Errorf("%d of %d runs succeeded: %v", byStatus[sim.StatusSucceeded], n, byStatus)
	}
	if goroutinesAfter > goroutinesBefore {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutine leak: %d before, %d after Close\n%s", goroutinesBefore, goroutinesAfter, buf[:runtime.Stack(buf, true)])
	}
	if fdsAfter > fdsBefore {
		t.Errorf("file descriptor leak: %d open before, %d after Close", fdsBefore, fdsAfter)
	}
}

func waitRunsWithin(t *testing.T, c *App, runs []int64, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	if err := c.Queue.Wait(ctx, runs); err != nil {
		t.Fatal(err)
	}
}
