package launch

import (
	"testing"
	"time"

	"golang.org/x/sys/windows"
)

// exitWatch waits for a process that is not our child to end, on a handle opened while it
// still runs.
type exitWatch struct {
	pid int
	h   windows.Handle
}

func watchExit(t *testing.T, pid int) *exitWatch {
	t.Helper()
	h, err := windows.OpenProcess(windows.SYNCHRONIZE|windows.PROCESS_TERMINATE, false, uint32(pid))
	if err != nil {
		t.Fatalf("open process %d: %v", pid, err)
	}
	w := &exitWatch{pid: pid, h: h}
	t.Cleanup(func() {
		if !w.gone(0) { // a failed test leaves nothing running behind it
			windows.TerminateProcess(h, 1)
		}
		windows.CloseHandle(h)
	})
	return w
}

func (w *exitWatch) gone(timeout time.Duration) bool {
	ev, err := windows.WaitForSingleObject(w.h, uint32(timeout.Milliseconds()))
	return err == nil && ev == windows.WAIT_OBJECT_0
}
