package events

import (
	"slices"
	"sync"
	"time"

	"epsm/clock"
)

// Coalescer gathers keys marked as changed and hands them to flush at most once per interval,
// each key once: 500 runs of a batch ending in the same second give the window one summary of
// that batch, not 500.
type Coalescer struct {
	interval time.Duration
	clock    clock.Clock
	flush    func(keys []int64)

	mu     sync.Mutex
	dirty  map[int64]bool
	timer  clock.Timer
	closed bool
}

// NewCoalescer calls flush with the keys marked since its last call.
func NewCoalescer(interval time.Duration, clock clock.Clock, flush func(keys []int64)) *Coalescer {
	return &Coalescer{interval: interval, clock: clock, flush: flush, dirty: map[int64]bool{}}
}

// Mark records that keys changed; the first mark of an interval arms its timer.
func (c *Coalescer) Mark(keys ...int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	for _, k := range keys {
		c.dirty[k] = true
	}
	if c.timer == nil {
		c.timer = c.clock.AfterFunc(c.interval, c.Flush)
	}
}

// Flush hands on what is marked now.
func (c *Coalescer) Flush() {
	c.mu.Lock()
	if c.timer != nil {
		c.timer.Stop()
		c.timer = nil
	}
	keys := make([]int64, 0, len(c.dirty))
	for k := range c.dirty {
		keys = append(keys, k)
	}
	clear(c.dirty)
	c.mu.Unlock()
	if len(keys) > 0 {
		slices.Sort(keys)
		c.flush(keys)
	}
}

// Close flushes what is marked and stops taking marks.
func (c *Coalescer) Close() {
	c.Flush()
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
}
