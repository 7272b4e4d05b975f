package launch

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// IdentityOf reads the identity of a live (or not yet reaped) process. A process that does
// not exist gives an error wrapping os.ErrProcessDone (ESRCH: it ended between the open of
// its stat file and the read).
func IdentityOf(pid int) (Identity, error) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ESRCH) {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, os.ErrProcessDone)
	}
	if err != nil {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, err)
	}
	ticks, err := statStartTime(stat)
	if err != nil {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, err)
	}
	boot, err := bootID()
	if err != nil {
		return Identity{}, fmt.Errorf("identity of process %d: %w", pid, err)
	}
	return Identity{PID: pid, Start: boot + ":" + ticks}, nil
}

// statStartTime returns field 22 of /proc/<pid>/stat, the start time in clock ticks after
// boot. Field 2 is the command name in parentheses, which may itself hold spaces and
// parentheses: the fields are counted after the LAST ')'.
func statStartTime(stat []byte) (string, error) {
	end := bytes.LastIndexByte(stat, ')')
	if end < 0 {
		return "", fmt.Errorf("unexpected /proc stat line %q", firstBytes(stat))
	}
	fields := strings.Fields(string(stat[end+1:]))
	const startTime = 22 - 3 // fields[0] is field 3, the state
	if len(fields) <= startTime {
		return "", fmt.Errorf("/proc stat line has %d fields after the command name", len(fields))
	}
	if _, err := strconv.ParseUint(fields[startTime], 10, 64); err != nil {
		return "", fmt.Errorf("/proc stat start time %q: %w", fields[startTime], err)
	}
	return fields[startTime], nil
}

func firstBytes(b []byte) []byte { return b[:min(len(b), 80)] }

// bootID identifies this boot of the machine: start times count from boot, so a process of
// an earlier boot with the same pid and start ticks is still told apart.
func bootID() (string, error) {
	b, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return "", fmt.Errorf("boot id: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// fromThisBoot: a process recorded during another boot cannot have survived the reboot.
func fromThisBoot(id Identity) bool {
	boot, err := bootID()
	return err != nil || strings.HasPrefix(id.Start, boot+":")
}
