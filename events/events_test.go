package events_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"epsm/events"
	"epsm/internal/fakeclock"
)

type recorder struct {
	mu   sync.Mutex
	sent []any
}

func (r *recorder) Emit(_ events.Name, p any) {
	r.mu.Lock()
	r.sent = append(r.sent, p)
	r.mu.Unlock()
}

func (r *recorder) all() []any {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.sent)
}

func TestThrottleBoundsTheRateAndEndsOnTheLatest(t *testing.T) {
	clock := fakeclock.New()
	rec := &recorder{}
	th := events.NewThrottle(rec, events.RunProgress, 100*time.Millisecond, clock)
	// 1,000 updates per run over one simulated second: a 1 ms step between them.
	type p struct {
		run     int64
		percent int
	}
	for i := 1; i <= 1000; i++ {
		for run := int64(1); run <= 2; run++ {
			th.Send(run, p{run, i})
		}
		clock.Advance(time.Millisecond)
	}
	clock.Advance(time.Second) // the trailing edge
	perRun := map[int64][]int{}
	for _, e := range rec.all() {
		x := e.(p)
		perRun[x.run] = append(perRun[x.run], x.percent)
	}
	for run, seen := range perRun {
		if len(seen) > 12 || len(seen) < 9 {
			t.Errorf("run %d: %d events in one second at 10 per second", run, len(seen))
		}
		if seen[0] != 1 || seen[len(seen)-1] != 1000 {
			t.Errorf("run %d: first %d, last %d; want the first at once and the latest last", run, seen[0], seen[len(seen)-1])
		}
		if !slices.IsSorted(seen) {
			t.Errorf("run %d: events out of order %v", run, seen)
		}
	}
	if len(perRun) != 2 {
		t.Fatalf("events for %d runs", len(perRun))
	}
}

func TestThrottleDropLeavesNoStaleUpdate(t *testing.T) {
	clock := fakeclock.New()
	rec := &recorder{}
	th := events.NewThrottle(rec, events.RunProgress, 100*time.Millisecond, clock)
	th.Send(7, 10)
	th.Send(7, 20) // pending
	th.Drop(7, true)
	clock.Advance(time.Second)
	if got := rec.all(); len(got) != 1 || got[0] != 10 {
		t.Fatalf("sent %v, want only the first update", got)
	}
	if clock.Pending() != 0 {
		t.Fatal("a timer is left after Drop")
	}
	th.Send(7, 30) // a new life for the key (a re-run) starts at once
	if got := rec.all(); len(got) != 2 || got[1] != 30 {
		t.Fatalf("after forgetting: %v", got)
	}
}

func TestCoalescerFlushesEachKeyOncePerInterval(t *testing.T) {
	clock := fakeclock.New()
	var flushes [][]int64
	c := events.NewCoalescer(200*time.Millisecond, clock, func(keys []int64) { flushes = append(flushes, keys) })
	for i := 0; i < 500; i++ {
		c.Mark(3, int64(i%2))
	}
	if len(flushes) != 0 {
		t.Fatal("flushed before the interval")
	}
	clock.Advance(200 * time.Millisecond)
	if len(flushes) != 1 || !slices.Equal(flushes[0], []int64{0, 1, 3}) {
		t.Fatalf("flushes %v, want one with keys 0, 1, 3", flushes)
	}
	clock.Advance(time.Second)
	if len(flushes) != 1 {
		t.Fatalf("flushed again with nothing marked: %v", flushes)
	}
	c.Mark(9)
	c.Close()
	c.Mark(10)
	clock.Advance(time.Second)
	if len(flushes) != 2 || !slices.Equal(flushes[1], []int64{9}) {
		t.Fatalf("Close must flush what is marked and take no more: %v", flushes)
	}
}
