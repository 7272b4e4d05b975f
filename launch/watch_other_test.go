//go:build !linux && !windows

package launch

import (
	"errors"
	"syscall"
	"testing"
	"time"
)

// exitWatch: macOS and the BSDs have no pidfd in x/sys; the watch asks kill(pid, 0) on a
// ticker (a zombie still answers, so a reaped or killed-and-reaped process is what counts).
type exitWatch struct{ pid int }

func watchExit(t *testing.T, pid int) *exitWatch { return &exitWatch{pid: pid} }

func (w *exitWatch) gone(timeout time.Duration) bool {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(timeout)
	for {
		if errors.Is(syscall.Kill(w.pid, 0), syscall.ESRCH) {
			return true
		}
		select {
		case <-tick.C:
		case <-deadline:
			return false
		}
	}
}
