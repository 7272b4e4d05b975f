//go:build !windows

package launch

import (
	"errors"
	"fmt"
	"os"
)

// stopSurvivor on unix:
//
//   - The pid runs with the recorded identity: it is our engine; its process group is killed.
//   - The pid runs with another identity: the pid was reused by an unrelated process, which is
//     not touched. (Our group cannot exist then: POSIX never gives a new process the id of a
//     live process group.)
//   - The pid is gone: helpers that outlived the engine keep its group, so the group is killed
//     anyway; "no such process" means nothing was left.
//   - The pid was recorded during another boot: nothing of it can have survived the reboot.
func stopSurvivor(id Identity) (stopped bool, err error) {
	if !fromThisBoot(id) {
		return false, nil
	}
	cur, err := IdentityOf(id.PID)
	switch {
	case errors.Is(err, os.ErrProcessDone):
		return killGroup(id.PID)
	case err != nil:
		return false, fmt.Errorf("stop survivor: %w", err)
	case cur.Start != id.Start:
		return false, nil
	}
	stopped, err = killGroup(id.PID)
	if err == nil && !stopped {
		// It left the group it was started in: kill the process itself.
		p, findErr := os.FindProcess(id.PID)
		if findErr == nil && p.Kill() == nil {
			return true, nil
		}
	}
	return stopped, err
}
