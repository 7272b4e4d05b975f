//go:build !windows

package runner

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"epsm/internal/fakeengine"
	"epsm/sim"
)

// fakeEngine builds the FAKE EnergyPlus (internal/fakeenergyplus) once per test binary. It is
// only for fault injection: every real run in the tests uses the real engine.
func fakeEngine(t *testing.T) sim.Engine {
	t.Helper()
	e, err := Probe(context.Background(), fakeengine.EnergyPlusPath(t))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// fakeModel writes a copy of the example model that tells the fake engine how to misbehave.
func fakeModel(t *testing.T, mode string) string {
	t.Helper()
	return fakeengine.Model(t, "../examples/1ZoneUncontrolled.idf", t.TempDir(), "fake-"+strings.Fields(mode)[0]+".idf", mode)
}

func TestFaultsLandInTheRightClass(t *testing.T) {
	engine := fakeEngine(t)
	tests := []struct {
		mode        string
		stall       time.Duration
		timeout     time.Duration
		want        sim.Status
		wantMessage string
	}{
		{mode: "success", want: sim.StatusSucceeded},
		{mode: "severe", want: sim.StatusSucceededSevere, wantMessage: "FakeSurface: a severe problem"},
		{mode: "fatal", want: sim.StatusFatal, wantMessage: "FakeObject: errors found, program terminates"},
		{mode: "crash-signal", want: sim.StatusCrashed, wantMessage: "killed by signal killed"},
		{mode: "no-end", want: sim.StatusCrashed, wantMessage: "without an end line"},
		{mode: "hang", stall: 700 * time.Millisecond, want: sim.StatusHung, wantMessage: "last line: Starting Simulation at 01/01/2013 for RUN PERIOD 1"},
		{mode: "hang", timeout: 700 * time.Millisecond, want: sim.StatusTimedOut, wantMessage: "time limit of 700ms"},
		{mode: "slow-start 1.5", stall: 5 * time.Second, want: sim.StatusSucceeded},
		// /dev/full fails every write with ENOSPC: the kernel's own "disk full".
		{mode: "fill-disk /dev/full", want: sim.StatusCrashed, wantMessage: "disk full: EnergyPlus could not write its outputs (EnergyPlus said: **FATAL:Error writing full: write /dev/full: no space left on device)"},
		// Exit 1 with no word of why, on a disk with room: a crash, not a full disk.
		{mode: "fill-disk quiet /dev/full", want: sim.StatusCrashed, wantMessage: "EnergyPlus exited with code 1 without an end line"},
	}
	for _, tt := range tests {
		t.Run(tt.mode+"/"+string(tt.want), func(t *testing.T) {
			t.Parallel()
			r := &Runner{Engine: engine}
			job := Job{ID: 1, Dir: filepath.Join(t.TempDir(), "run"), Model: fakeModel(t, tt.mode), Weather: goldenEPW, StallAfter: tt.stall, Timeout: tt.timeout}
			start := time.Now()
			out := r.Run(context.Background(), job, func(Update) {})
			if out.Status != tt.want || !strings.Contains(out.Message, tt.wantMessage) {
				t.Fatalf("status %s message %q, want %s containing %q", out.Status, out.Message, tt.want, tt.wantMessage)
			}
			if (tt.stall > 0 || tt.timeout > 0) && tt.want != sim.StatusSucceeded && time.Since(start) > 5*time.Second {
				t.Errorf("took %s to notice", time.Since(start))
			}
			if out.Status.Succeeded() != (out.Progress.Percent == 100) {
				t.Errorf("percent %.1f for status %s", out.Progress.Percent, out.Status)
			}
		})
	}
}

func TestHugeOutputKeepsMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1 GB through a pipe")
	}
	engine := fakeEngine(t)
	r := &Runner{Engine: engine}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	// 1 GiB, the figure in docs/BENCHMARKS.md. Under the race detector the same code paths
	// (streaming, the 10 MB line cut at maxLineBytes) get 64 MiB: 1 GiB takes three minutes
	// there, and the race detector's own memory is not in HeapInuse, so the bound still holds.
	size := 1 << 30
	if raceDetector {
		size = 64 << 20
	}
	lines := 0
	out := r.Run(context.Background(), Job{ID: 1, Dir: filepath.Join(t.TempDir(), "run"), Model: fakeModel(t, "huge-output "+strconv.Itoa(size)), Weather: goldenEPW},
		func(u Update) { lines++ })
	runtime.ReadMemStats(&after)
	if out.Status != sim.StatusSucceeded {
		t.Fatalf("status %s: %s", out.Status, out.Message)
	}
	// The heap may not grow with the output: lines are streamed and cut at maxLineBytes.
	grown := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("%d MiB of output: heap in use grew by %d KiB, peak sys %d MiB", size>>20, grown/1024, after.Sys>>20)
	if grown > 64<<20 {
		t.Errorf("heap grew by %d MiB for %d MiB of output", grown>>20, size>>20)
	}
}

func TestCancelKillsTheWholeProcessTree(t *testing.T) {
	engine := fakeEngine(t)
	r := &Runner{Engine: engine}
	dir := filepath.Join(t.TempDir(), "run")
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() {
		// Cancel once the child exists.
		for i := 0; i < 100; i++ {
			if _, err := os.Stat(filepath.Join(dir, "child.pid")); err == nil {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		cancel(ErrCancelled)
	}()
	start := time.Now()
	out := r.Run(ctx, Job{ID: 1, Dir: dir, Model: fakeModel(t, "spawn-child"), Weather: goldenEPW}, func(Update) {})
	if out.Status != sim.StatusCancelled {
		t.Fatalf("status %s", out.Status)
	}
	data, err := os.ReadFile(filepath.Join(dir, "child.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(string(data))
	deadline := time.Now().Add(2 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		// A zombie counts as gone: it has exited and waits for init to reap it.
		if st, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil && strings.Contains(string(st), ") Z ") {
			break
		}
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("child %d of the engine survived the cancel", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("cancel took %s", d)
	}
}
