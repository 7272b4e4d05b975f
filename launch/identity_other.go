//go:build !windows && !linux && !darwin

package launch

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// IdentityOf on the BSDs and other unix systems gives the pid with an empty Start: there is
// no portable way to read a process's start time here, and the app is only built for Linux,
// macOS and Windows. StopSurvivor refuses to act on an identity without a Start.
func IdentityOf(pid int) (Identity, error) {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, os.ErrProcessDone)
	}
	return Identity{PID: pid}, nil
}

func fromThisBoot(Identity) bool { return true }
