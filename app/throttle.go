package app

import (
	"sync"
	"time"
)

// progressInterval bounds progress events to about 10 a second per run: EnergyPlus can print
// thousands of lines a second and the webview must not drown.
const progressInterval = 100 * time.Millisecond

// progressThrottle forwards the first progress of a run at once, then at most one per interval,
// always delivering the latest state (trailing edge), and never a stale one after a status.
type progressThrottle struct {
	out      Emitter
	interval time.Duration

	mu    sync.Mutex
	runs  map[int64]*throttled
	clock func() time.Time
}

type throttled struct {
	last    time.Time
	pending *RunProgress
	timer   *time.Timer
}

func newProgressThrottle(out Emitter, interval time.Duration) *progressThrottle {
	return &progressThrottle{out: out, interval: interval, runs: map[int64]*throttled{}, clock: time.Now}
}

func (t *progressThrottle) progress(p RunProgress) {
	t.mu.Lock()
	r := t.runs[p.RunID]
	if r == nil {
		r = &throttled{}
		t.runs[p.RunID] = r
	}
	now := t.clock()
	if r.timer == nil && now.Sub(r.last) >= t.interval {
		r.last = now
		t.mu.Unlock()
		t.out.Emit(EventRunProgress, p)
		return
	}
	r.pending = &p
	if r.timer == nil {
		r.timer = time.AfterFunc(t.interval-now.Sub(r.last), func() { t.flush(p.RunID) })
	}
	t.mu.Unlock()
}

func (t *progressThrottle) flush(runID int64) {
	t.mu.Lock()
	r := t.runs[runID]
	if r == nil || r.pending == nil {
		if r != nil {
			r.timer = nil
		}
		t.mu.Unlock()
		return
	}
	p := *r.pending
	r.pending, r.timer, r.last = nil, nil, t.clock()
	t.mu.Unlock()
	t.out.Emit(EventRunProgress, p)
}

// status sends a status event, dropping any progress still pending for that run so the UI
// never sees "running 40%" after "succeeded".
func (t *progressThrottle) status(s RunStatus, final bool) {
	t.mu.Lock()
	if r := t.runs[s.Run.ID]; r != nil {
		r.pending = nil
		if r.timer != nil {
			r.timer.Stop()
			r.timer = nil
		}
		if final {
			delete(t.runs, s.Run.ID)
		}
	}
	t.mu.Unlock()
	t.out.Emit(EventRunStatus, s)
}
