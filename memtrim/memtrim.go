// Package memtrim hands the memory a burst of work has freed back to the operating system soon
// after the burst, instead of keeping it mapped for the next one.
//
// Why: opening a data folder of 10,000 runs, or a study of 10,000 variants, builds tens of MB of
// rows and JSON that are garbage a moment later. Go's background scavenger keeps the freed
// pages mapped up to about the next heap goal, so the window's process stayed 50-60 MiB larger
// than what it uses until the next burst (docs/BENCHMARKS.md, the 10,000-variant study).
// debug.FreeOSMemory returns them at once; it costs a full collection, so it runs only when
// there is a lot to return, and at most once per interval. The same burst leaves freed C heap
// behind too (the strings the window's WebKit was handed), which glibc keeps until
// malloc_trim asks for it (Linux only; elsewhere that step does nothing).
package memtrim

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// freeHeap is the runtime's count of heap bytes that are free and still mapped: what a trim
// gives back.
const freeHeap = "/memory/classes/heap/free:bytes"

// Trimmer watches the free heap and trims when it is large. The zero value is not usable: call
// New, or set every field (tests do).
type Trimmer struct {
	Threshold uint64        // trim when at least this much free heap is mapped
	Every     time.Duration // how often Run looks
	Gap       time.Duration // the least time between two trims, so a long busy spell pays little
	ReadFree  func() uint64 // the free heap still mapped
	Free      func()        // hands it back
	Now       func() time.Time

	last time.Time
}

// New is a Trimmer of the running program: it looks every 2 s and trims 16 MiB or more, at most
// every 10 s. At rest that is one trim within 10 s of each burst; while a study runs and the
// heap churns, at most one forced collection (10-30 ms with this app's heap) per 10 s.
func New() *Trimmer {
	return &Trimmer{
		Threshold: 16 << 20,
		Every:     2 * time.Second,
		Gap:       10 * time.Second,
		ReadFree:  readFreeHeap,
		Free:      freeAll,
		Now:       time.Now,
	}
}

// Check trims if there is enough to give back and the last trim is long enough ago; it says
// whether it trimmed.
func (t *Trimmer) Check() bool {
	now := t.Now()
	if !t.last.IsZero() && now.Sub(t.last) < t.Gap {
		return false
	}
	if t.ReadFree() < t.Threshold {
		return false
	}
	t.Free()
	t.last = now
	return true
}

// Run checks every t.Every until ctx ends.
func (t *Trimmer) Run(ctx context.Context) {
	tick := time.NewTicker(t.Every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			t.Check()
		}
	}
}

func freeAll() {
	debug.FreeOSMemory()
	releaseCHeap()
}

func readFreeHeap() uint64 {
	s := []metrics.Sample{{Name: freeHeap}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0 // a runtime without this metric: never trim
	}
	return s[0].Value.Uint64()
}
