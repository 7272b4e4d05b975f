package launch

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/windows"
)

// stillActive is GetExitCodeProcess's answer for a process that has not ended (STILL_ACTIVE).
const stillActive = 259

// IdentityOf reads the identity of a live process: its creation time. A process that does not
// exist (or has ended) gives an error wrapping os.ErrProcessDone.
func IdentityOf(pid int) (Identity, error) {
	h, err := openLive(pid, windows.PROCESS_QUERY_LIMITED_INFORMATION)
	if err != nil {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, err)
	}
	defer windows.CloseHandle(h)
	start, err := creationTime(h)
	if err != nil {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, err)
	}
	return Identity{PID: pid, Start: start}, nil
}

// openLive opens a process that is still running. A pid with no process, or with one that
// ended but whose handle someone still holds, gives os.ErrProcessDone.
func openLive(pid int, access uint32) (windows.Handle, error) {
	h, err := windows.OpenProcess(access|windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if errors.Is(err, windows.ERROR_INVALID_PARAMETER) {
		return 0, os.ErrProcessDone
	}
	if err != nil {
		return 0, err
	}
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		windows.CloseHandle(h)
		return 0, err
	}
	if code != stillActive {
		windows.CloseHandle(h)
		return 0, os.ErrProcessDone
	}
	return h, nil
}

// creationTime is the process's creation time in 100-ns ticks since 1601, as Windows keeps it.
func creationTime(h windows.Handle) (string, error) {
	var created, exited, kernel, user windows.Filetime
	if err := windows.GetProcessTimes(h, &created, &exited, &kernel, &user); err != nil {
		return "", fmt.Errorf("process times: %w", err)
	}
	return strconv.FormatUint(uint64(created.HighDateTime)<<32|uint64(created.LowDateTime), 10), nil
}
