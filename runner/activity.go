package runner

import (
	"context"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"epsm/clock"
)

// activity is the stall watchdog's view of a run: the last time it showed a sign of life (an
// output line, eplusout.err or eplusout.sql growing). EnergyPlus can print nothing for minutes
// in a long environment while it still writes its database, so output lines alone would lie.
type activity struct {
	clock clock.Clock
	last  atomic.Int64
}

func newActivity(c clock.Clock) *activity {
	a := &activity{clock: c}
	a.touch()
	return a
}

func (a *activity) touch() { a.last.Store(a.clock.Now().UnixNano()) }

func (a *activity) idle() time.Duration { return a.clock.Now().Sub(time.Unix(0, a.last.Load())) }

// watch calls stalled once when the run has been idle for limit, checking a few times per
// limit; it also counts growth of the SQLite output, which no watcher reports. It returns at
// once; the checks end with ctx or after stalled.
func (a *activity) watch(ctx context.Context, limit time.Duration, sqlPath string, stalled func()) {
	period := min(max(limit/4, 50*time.Millisecond), time.Second)
	var mu sync.Mutex
	var sqlSize int64 = -1
	var check func()
	check = func() {
		if ctx.Err() != nil {
			return
		}
		mu.Lock()
		if st, err := os.Stat(sqlPath); err == nil && st.Size() != sqlSize {
			if sqlSize >= 0 {
				a.touch()
			}
			sqlSize = st.Size()
		}
		mu.Unlock()
		if a.idle() >= limit {
			stalled()
			return
		}
		a.clock.AfterFunc(period, check)
	}
	a.clock.AfterFunc(period, check)
}
