package launch

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// IdentityOf reads the identity of a live (or not yet reaped) process: its start time from
// the kernel's process table. A process that does not exist gives an error wrapping
// os.ErrProcessDone.
func IdentityOf(pid int) (Identity, error) {
	k, err := unix.SysctlKinfoProc("kern.proc.pid", pid)
	// For a pid with no process the kernel returns no record, which x/sys reports as EIO.
	if errors.Is(err, unix.EIO) || errors.Is(err, unix.ESRCH) || (err == nil && int(k.Proc.P_pid) != pid) {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, os.ErrProcessDone)
	}
	if err != nil {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, err)
	}
	t := k.Proc.P_starttime
	return Identity{PID: pid, Start: fmt.Sprintf("%d.%06d", t.Sec, t.Usec)}, nil
}

// fromThisBoot: the start time is wall-clock time, which already tells processes of two
// boots apart.
func fromThisBoot(Identity) bool { return true }
