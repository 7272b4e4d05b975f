// Command studytable times the Go half of opening a study: computing its variant table from the
// store (Studies.Table: the variants, runs and results read from SQLite, the Swedish and
// life-cycle figures, the Pareto flags), for docs/BENCHMARKS.md. With -cpuprofile it writes a
// CPU profile for `go tool pprof`.
//
//	go run ./bench/seedresults -dir /tmp/epsm-10k -n 10000
//	go run ./bench/studytable -dir /tmp/epsm-10k
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"epsm/app"
)

func main() {
	dir := flag.String("dir", "", "data folder with a study (the newest is timed)")
	n := flag.Int("n", 7, "times to compute the table")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile here")
	flag.Parse()
	if err := run(*dir, *n, *cpuProfile); err != nil {
		fmt.Fprintln(os.Stderr, "studytable:", err)
		os.Exit(1)
	}
}

func run(dir string, n int, cpuProfile string) error {
	if dir == "" {
		return fmt.Errorf("-dir is required")
	}
	a, err := app.Open(context.Background(), app.Config{DataDir: dir, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer a.Close()
	studies, err := a.Studies.List()
	if err != nil {
		return err
	}
	if len(studies) == 0 {
		return fmt.Errorf("%s has no study", dir)
	}
	st := studies[len(studies)-1]
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	took := make([]time.Duration, 0, n)
	rows := 0
	for range n {
		start := time.Now()
		t, err := a.Studies.Table(st.ID)
		if err != nil {
			return err
		}
		took = append(took, time.Since(start))
		rows = len(t.Rows)
	}
	sorted := slices.Clone(took)
	slices.Sort(sorted)
	fmt.Printf("study %q, %d rows: table computed in median %v (runs: %v)\n", st.Name, rows, sorted[len(sorted)/2].Round(time.Millisecond), roundAll(took))
	return nil
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}
