//go:build linux

package app

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/sim"
)

// TestQueueTriageKeepsMemoryBounded: through the queue (Core, pool, runner, store, events),
// the FAKE engine crashes (killed by a signal), hangs (the stall watchdog kills it), and prints
// 1 GiB of output including one 10 MB line, all at once next to a normal run. Each ends in its
// own class, and the app's heap in use and resident memory, sampled every 20 ms while they
// run, stay within a bound: output is streamed and lines are cut, never buffered whole.
func TestQueueTriageKeepsMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1 GiB through a pipe")
	}
	const heapBound, rssBound = 64 << 20, 128 << 20
	hugeOutput := 1 << 30
	if raceDetector {
		hugeOutput = 64 << 20
	}
	engine := fakeEngine(t)
	c := openCore(t, filepath.Join(t.TempDir(), "data"), &engine, nil)
	defer c.Close()
	if _, err := c.Settings.SaveQueueLimits(settingsvc.QueueLimits{Workers: 4, StallSeconds: 5}); err != nil {
		t.Fatal(err)
	}
	w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
	src := t.TempDir()
	cases := []struct {
		mode    string
		want    sim.Status
		message string
	}{
		{"crash-signal", sim.StatusCrashed, "killed by signal killed"},
		{"hang", sim.StatusHung, "no output and no growth"},
		{fmt.Sprintf("huge-output %d", hugeOutput), sim.StatusSucceeded, ""},
		{"results 42", sim.StatusSucceeded, ""},
	}
	var models []int64
	for i, tc := range cases {
		models = append(models, c.Importer.Import([]string{fakeModelFile(t, src, fmt.Sprintf("m%d.idf", i), tc.mode)}).Models[0].ID)
	}

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heapBefore, rssBefore := ms.HeapInuse, procStatusKiB("VmRSS")<<10
	var heapPeak uint64
	var rssPeak int64
	stop, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			heapPeak = max(heapPeak, m.HeapInuse)
			rssPeak = max(rssPeak, procStatusKiB("VmRSS")<<10)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: models, WeatherID: w.ID})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range runs {
		ids = append(ids, r.ID)
	}
	waitRuns(t, c, ids)
	close(stop)
	<-sampled
	for i, r := range runs {
		d, _ := c.Queue.RunDetails(r.ID)
		if d.Run.Status != cases[i].want || !strings.Contains(d.Run.Message, cases[i].message) {
			t.Errorf("%s: %s %q, want %s with %q", cases[i].mode, d.Run.Status, d.Run.Message, cases[i].want, cases[i].message)
		}
	}
	heapGrowth, rssGrowth := int64(heapPeak)-int64(heapBefore), rssPeak-rssBefore
	t.Logf("crash + hang + %d MiB of output + a normal run through the queue in %.1f s: peak heap in use %.1f MiB (+%.1f MiB), peak RSS %.1f MiB (+%.1f MiB), process VmHWM %.1f MiB",
		hugeOutput>>20, time.Since(start).Seconds(), float64(heapPeak)/(1<<20), float64(heapGrowth)/(1<<20), float64(rssPeak)/(1<<20), float64(rssGrowth)/(1<<20), float64(procStatusKiB("VmHWM"))/1024)
	if raceDetector {
		return // the race detector's shadow memory: the bounds are checked without it
	}
	if heapGrowth > heapBound {
		t.Errorf("heap in use grew by %d MiB (bound %d MiB)", heapGrowth>>20, heapBound>>20)
	}
	if rssGrowth > rssBound {
		t.Errorf("resident memory grew by %d MiB (bound %d MiB)", rssGrowth>>20, rssBound>>20)
	}
}
