package launch

import (
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// exitWatch waits for a process that is not our child to end: a pidfd becomes readable when
// its process has exited, whoever its parent is.
type exitWatch struct {
	pid int
	fd  int
}

func watchExit(t *testing.T, pid int) *exitWatch {
	t.Helper()
	fd, err := unix.PidfdOpen(pid, 0)
	if err != nil {
		t.Fatalf("pidfd of %d: %v", pid, err)
	}
	w := &exitWatch{pid: pid, fd: fd}
	t.Cleanup(func() {
		if !w.gone(0) { // a failed test leaves nothing running behind it
			unix.PidfdSendSignal(fd, unix.SIGKILL, nil, 0)
		}
		unix.Close(fd)
	})
	return w
}

// gone reports whether the process exited within timeout.
func (w *exitWatch) gone(timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for {
		n, err := unix.Poll([]unix.PollFd{{Fd: int32(w.fd), Events: unix.POLLIN}}, int(time.Until(deadline).Milliseconds()))
		if err == unix.EINTR {
			continue
		}
		return err == nil && n > 0
	}
}
