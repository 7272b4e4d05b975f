//go:build !windows

package app

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"epsm/events"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
)

// BenchmarkEventPipeline: the FAKE engine prints 100,000 lines a second in all, spread over 64
// concurrent runs, through the whole pipeline (process, line reader, progress parser, store,
// throttle, emitter). Reports the app's CPU per line (this process only, not the engines) and
// the events per second per run reaching the emitter, which the throttle bounds at 10.
//
//	go test -run '^$' -bench 'EventPipeline$' -benchtime 1x ./app/
func BenchmarkEventPipeline(b *testing.B) { eventPipeline(b, 64, 100_000, 5) }

// BenchmarkEventPipelineSaturated: two FAKE engines (one per core) print as fast as the pipe
// takes their lines for 5 s: the lines per second handled are the pipeline's capacity on this
// machine, where engines and app share the cores, rather than the load generator's rate.
//
//	go test -run '^$' -bench EventPipelineSaturated -benchtime 1x ./app/
func BenchmarkEventPipelineSaturated(b *testing.B) { eventPipeline(b, 2, 0, 5) }

// eventPipeline runs `runs` FAKE engines printing totalRate lines a second in all (0: flat out)
// for seconds, through the whole pipeline.
func eventPipeline(b *testing.B, runs, totalRate, seconds int) {
	engine := fakeEngine(b)
	for i := 0; i < b.N; i++ {
		var mu sync.Mutex
		perRun := map[int64]int{}
		emitter := events.EmitterFunc(func(name events.Name, payload any) {
			if p, ok := payload.(runsvc.RunProgress); ok {
				mu.Lock()
				perRun[p.RunID]++
				mu.Unlock()
			}
		})
		dir := b.TempDir()
		c := openCore(b, filepath.Join(dir, "data"), &engine, emitter)
		if _, err := c.Settings.SaveQueueLimits(settingsvc.QueueLimits{Workers: runs, StallSeconds: 60}); err != nil {
			b.Fatal(err)
		}
		w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
		var models []int64
		for r := 0; r < runs; r++ {
			p := fakeModelFile(b, dir, fmt.Sprintf("m%d.idf", r), fmt.Sprintf("lines %d %d", totalRate/runs, seconds))
			models = append(models, c.Importer.Import([]string{p}).Models[0].ID)
		}
		var before, after syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		start := time.Now()
		started, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: models, WeatherID: w.ID})
		if err != nil {
			b.Fatal(err)
		}
		var ids []int64
		for _, r := range started {
			ids = append(ids, r.ID)
		}
		waitRuns(b, c, ids)
		wall := time.Since(start)
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		lines := 0
		for _, r := range started {
			data, _ := os.ReadFile(filepath.Join(r.Dir, "fake-lines"))
			n, _ := strconv.Atoi(string(data))
			lines += n
		}
		cpu := time.Duration(after.Utime.Nano()+after.Stime.Nano()) - time.Duration(before.Utime.Nano()+before.Stime.Nano())
		maxRate, total := 0.0, 0
		for _, n := range perRun {
			total += n
			if r := float64(n) / float64(seconds); r > maxRate {
				maxRate = r
			}
		}
		c.Close()
		if lines == 0 {
			b.Fatal("the fake engine printed no lines")
		}
		b.ReportMetric(float64(lines)/wall.Seconds(), "lines/s")
		b.ReportMetric(float64(lines)/float64(seconds), "lines/s-printing") // the fakes print for `seconds` of the wall time
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(lines), "cpu-ns/line")
		b.ReportMetric(float64(total)/wall.Seconds(), "events/s")
		b.ReportMetric(maxRate, "max-events/s/run")
		if maxRate > 10*1.2 { // a trailing event may land after the window
			b.Fatalf("a run got %.1f progress events per second; the bound is 10", maxRate)
		}
	}
}

// BenchmarkPerRunCost: the app's own cost of one run, apart from the engine's: N runs of a
// FAKE engine that succeeds at once (so nearly all of the time is EPSM's: the run key, the
// batch, the run copy, the process start, progress, triage, results, the store), 2 workers.
// Reports the app's CPU per run (this process only) and the wall time per run.
//
//	go test -run '^$' -bench PerRunCost -benchtime 1x -cpuprofile /tmp/run.prof ./app/
func BenchmarkPerRunCost(b *testing.B) {
	const runs = 200
	engine := fakeEngine(b)
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		c := openWith(b, Config{DataDir: filepath.Join(dir, "data"), Workers: 2, Log: slog.New(slog.DiscardHandler)}, &engine)
		w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
		var models []int64
		for r := 0; r < runs; r++ {
			models = append(models, c.Importer.Import([]string{fakeModelFile(b, dir, fmt.Sprintf("m%d.idf", r), "results 1000")}).Models[0].ID)
		}
		var before, after syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		start := time.Now()
		started, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: models, WeatherID: w.ID})
		if err != nil {
			b.Fatal(err)
		}
		queued := time.Since(start)
		var ids []int64
		for _, r := range started {
			ids = append(ids, r.ID)
		}
		waitRuns(b, c, ids)
		wall := time.Since(start)
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		cpu := time.Duration(after.Utime.Nano()+after.Stime.Nano()) - time.Duration(before.Utime.Nano()+before.Stime.Nano())
		c.Close()
		b.ReportMetric(float64(cpu.Microseconds())/1000/runs, "app-cpu-ms/run")
		b.ReportMetric(float64(wall.Microseconds())/1000/runs, "wall-ms/run")
		b.ReportMetric(float64(queued.Microseconds())/1000/runs, "queue-ms/run")
	}
}
