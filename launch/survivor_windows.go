package launch

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// stopSurvivor on Windows terminates the engine if it still runs with the recorded creation
// time. The job's kill-on-close normally ended the engine and its helpers with the app
// already, so this is the fallback for what did not die with it.
func stopSurvivor(id Identity) (stopped bool, err error) {
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
