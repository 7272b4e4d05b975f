package runner

import (
	"context"
	"os"
	"sync/atomic"
	"time"
)

// activity is the stall watchdog's clock: the last time the run showed a sign of life (an
// output line, eplusout.err or eplusout.sql growing). EnergyPlus can print nothing for minutes
// in a long environment while it still writes its database, so output lines alone would lie.
type activity struct{ last atomic.Int64 }

func newActivity() *activity {
	a := &activity{}
	a.touch()
	return a
}

func (a *activity) touch() { a.last.Store(time.Now().UnixNano()) }

func (a *activity) idle() time.Duration { return time.Since(time.Unix(0, a.last.Load())) }

// watch calls stalled once when the run has been idle for limit; it also counts growth of the
// SQLite output, which no watcher reports.
func (a *activity) watch(ctx context.Context, limit time.Duration, sqlPath string, stalled func()) {
	tick := time.NewTicker(min(max(limit/4, 50*time.Millisecond), time.Second))
	defer tick.Stop()
	var sqlSize int64 = -1
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if st, err := os.Stat(sqlPath); err == nil && st.Size() != sqlSize {
				if sqlSize >= 0 {
					a.touch()
				}
				sqlSize = st.Size()
			}
			if a.idle() >= limit {
				stalled()
				return
			}
		}
	}
}
