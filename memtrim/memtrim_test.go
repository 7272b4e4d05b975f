package memtrim

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func TestCheckTrimsOnlyALargeFreeHeapAndNotTooOften(t *testing.T) {
	start := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	type step struct {
		after time.Duration // since start
		free  uint64
		trims bool
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"little to give back: no trim", []step{{0, 31 << 20, false}, {10 * time.Second, 1 << 20, false}}},
		{"a burst's garbage: one trim", []step{{0, 80 << 20, true}}},
		{"a second burst within the gap waits", []step{{0, 80 << 20, true}, {5 * time.Second, 90 << 20, false}, {9 * time.Second, 90 << 20, false}}},
		{"a second burst after the gap trims again", []step{{0, 80 << 20, true}, {10 * time.Second, 40 << 20, true}}},
		{"a small heap after the gap: no trim", []step{{0, 80 << 20, true}, {60 * time.Second, 2 << 20, false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var now time.Time
			var free uint64
			freed := 0
			tr := &Trimmer{Threshold: 32 << 20, Gap: 10 * time.Second,
				ReadFree: func() uint64 { return free }, Free: func() { freed++ }, Now: func() time.Time { return now }}
			for i, s := range tc.steps {
				now, free = start.Add(s.after), s.free
				before := freed
				if got := tr.Check(); got != s.trims || (freed > before) != s.trims {
					t.Fatalf("step %d (%v, %d MiB free): trimmed %v (Free called %d times), want %v", i, s.after, s.free>>20, got, freed-before, s.trims)
				}
			}
		})
	}
}

// The real runtime: after 96 MiB of garbage is collected, a trim gives the free heap back to
// the system, which is what lowers the window's resident memory.
func TestATrimReturnsTheFreedHeapToTheSystem(t *testing.T) {
	garbage := make([][]byte, 0, 96)
	for range 96 {
		garbage = append(garbage, make([]byte, 1<<20))
	}
	runtime.KeepAlive(garbage)
	garbage = nil
	runtime.GC()
	released := func() uint64 {
		s := []metrics.Sample{{Name: "/memory/classes/heap/released:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	tr := New()
	before, freeBefore := released(), tr.ReadFree()
	if freeBefore < tr.Threshold {
		t.Fatalf("only %d MiB free after 96 MiB of garbage was collected: the runtime metric %q is not what this package reads", freeBefore>>20, freeHeap)
	}
	if !tr.Check() {
		t.Fatalf("%d MiB free, threshold %d MiB: no trim", freeBefore>>20, tr.Threshold>>20)
	}
	if after := tr.ReadFree(); after >= tr.Threshold {
		t.Errorf("still %d MiB free and mapped after the trim", after>>20)
	}
	if got := released() - before; got < 64<<20 {
		t.Errorf("the trim released %d MiB to the system, want most of the 96 MiB", got>>20)
	}
}
