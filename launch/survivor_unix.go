//go:build !windows

package launch

import (
	"errors"
	"fmt"
	"os"
)

// StopSurvivor ends the process tree of an engine recorded before the app crashed, if it
// still exists. stopped is true when something was killed.
//
//   - The pid runs with the recorded identity: it is our engine; its process group is killed.
//   - The pid runs with another identity: the pid was reused by an unrelated process, which is
//     not touched. (Our group cannot exist then: POSIX never gives a new process the id of a
//     live process group.)
//   - The pid is gone: helpers that outlived the engine keep its group, so the group is killed
//     anyway; "no such process" means nothing was left.
func StopSurvivor(id Identity) (stopped bool, err error) {
	if id.PID <= 1 {
		return false, fmt.Errorf("stop survivor: invalid pid %d", id.PID)
	}
	if id.Start == "" {
		return false, fmt.Errorf("stop survivor %d: no start stamp was recorded, so it cannot be told from another process", id.PID)
	}
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
