package launch

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// StopSurvivor ends an engine recorded before the app crashed, if it still runs with the
// recorded creation time; a process that reuses its pid is not touched. The job's
// kill-on-close normally ended the engine and its helpers with the app already, so this is
// the fallback for what did not die with it.
func StopSurvivor(id Identity) (stopped bool, err error) {
	if id.PID <= 0 {
		return false, fmt.Errorf("stop survivor: invalid pid %d", id.PID)
	}
	if id.Start == "" {
		return false, fmt.Errorf("stop survivor %d: no creation time was recorded, so it cannot be told from another process", id.PID)
	}
	h, err := openLive(id.PID, windows.PROCESS_TERMINATE)
	if errors.Is(err, os.ErrProcessDone) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("stop survivor %d: %w", id.PID, err)
	}
	defer windows.CloseHandle(h)
	start, err := creationTime(h)
	if err != nil {
		return false, fmt.Errorf("stop survivor %d: %w", id.PID, err)
	}
	if start != id.Start {
		return false, nil
	}
	if err := windows.TerminateProcess(h, terminateExitCode); err != nil {
		return false, fmt.Errorf("stop survivor %d: %w", id.PID, err)
	}
	return true, nil
}
