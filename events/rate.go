package events

// The rate at which events reach the window is bounded here: a run's progress by a per-run
// throttle, the queue's state and the batch summaries by a coalescer. EnergyPlus can print
// thousands of lines a second and a study can end hundreds of runs a second; the webview must
// see the newest state, not every step.

import (
	"slices"
	"sync"
	"time"

	"epsm/clock"
)

// Throttle forwards per-key updates (a run's progress) at most once per interval: the first at
// once, then the latest one at the end of each interval (trailing edge), so the window always
// ends on the newest state without drowning. EnergyPlus can print thousands of lines a second.
type Throttle struct {
	out      Emitter
	name     Name
	interval time.Duration
	clock    clock.Clock

	mu   sync.Mutex
	keys map[int64]*throttled
}

type throttled struct {
	last    time.Time
	pending any
	timer   clock.Timer
}

// NewThrottle sends name events through out.
func NewThrottle(out Emitter, name Name, interval time.Duration, clock clock.Clock) *Throttle {
	return &Throttle{out: out, name: name, interval: interval, clock: clock, keys: map[int64]*throttled{}}
}

// Send forwards payload now, or keeps it as the key's latest until the interval is over.
func (t *Throttle) Send(key int64, payload any) {
	t.mu.Lock()
	k := t.keys[key]
	if k == nil {
		k = &throttled{}
		t.keys[key] = k
	}
	now := t.clock.Now()
	if k.timer == nil && (k.last.IsZero() || now.Sub(k.last) >= t.interval) {
		k.last = now
		t.mu.Unlock()
		t.out.Emit(t.name, payload)
		return
	}
	k.pending = payload
	if k.timer == nil {
		k.timer = t.clock.AfterFunc(t.interval-now.Sub(k.last), func() { t.flush(key) })
	}
	t.mu.Unlock()
}

func (t *Throttle) flush(key int64) {
	t.mu.Lock()
	k := t.keys[key]
	if k == nil || k.pending == nil {
		if k != nil {
			k.timer = nil
		}
		t.mu.Unlock()
		return
	}
	p := k.pending
	k.pending, k.timer, k.last = nil, nil, t.clock.Now()
	t.mu.Unlock()
	t.out.Emit(t.name, p)
}

// Drop discards what is pending for key, so a state that supersedes it (a run's end) is never
// followed by a stale update; forget also drops the key's history (it will send no more).
func (t *Throttle) Drop(key int64, forget bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	k := t.keys[key]
	if k == nil {
		return
	}
	k.pending = nil
	if k.timer != nil {
		k.timer.Stop()
		k.timer = nil
	}
	if forget {
		delete(t.keys, key)
	}
}

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
