package runner

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"epsm/internal/fakeclock"
	"epsm/internal/tempdir"
)

func TestStallWatchdogCountsEverySignOfLife(t *testing.T) {
	const limit = 10 * time.Second
	tests := []struct {
		name string
		// live is called every simulated second for the first 30 s: a sign of life or none
		live    func(a *activity, sql string, second int)
		stalled bool
	}{
		{"silent from the start", func(*activity, string, int) {}, true},
		{"an output line every second", func(a *activity, _ string, _ int) { a.touch() }, false},
		{"only eplusout.sql grows", func(_ *activity, sql string, s int) { os.WriteFile(sql, make([]byte, s+1), 0o644) }, false},
		{"eplusout.sql present but still", func(_ *activity, sql string, _ int) { os.WriteFile(sql, []byte("x"), 0o644) }, true},
		{"lines for 5 s, then silence", func(a *activity, _ string, s int) {
			if s < 5 {
				a.touch()
			}
		}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := fakeclock.New()
			sql := filepath.Join(tempdir.New(t), "eplusout.sql")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			a := newActivity(clock)
			var calls atomic.Int32
			var at time.Duration
			a.watch(ctx, limit, sql, func() {
				calls.Add(1)
				at = clock.Now().Sub(fakeclock.New().Now())
			})
			for s := 0; s < 30; s++ {
				tc.live(a, sql, s)
				clock.Advance(time.Second)
			}
			clock.Advance(time.Minute) // and then a long silence: at most one call in all
			switch {
			case !tc.stalled && calls.Load() != 1:
				t.Fatalf("stalled %d times; want once, in the silence after 30 s", calls.Load())
			case !tc.stalled && at < 30*time.Second:
				t.Fatalf("a live run was called stalled at %s", at)
			case tc.stalled && calls.Load() != 1:
				t.Fatalf("stalled %d times, want once", calls.Load())
			case tc.stalled && at > 30*time.Second:
				t.Fatalf("a silent run was called stalled only at %s", at)
			}
			if clock.Pending() != 0 {
				t.Fatalf("%d watchdog timers left after it fired", clock.Pending())
			}
		})
	}
}
