//go:build !windows

package proctest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Under lists live processes whose working directory is dir or inside it.
func Under(dir string) []int {
	dir, _ = filepath.Abs(dir)
	return find(func(pid string) bool {
		cwd, err := os.Readlink(filepath.Join("/proc", pid, "cwd"))
		return err == nil && inside(cwd, dir, false)
	})
}

// WithArgs lists live processes whose command line contains each of parts (for processes
// that work in no folder of the test's, such as the Windows programs of a Wine session).
func WithArgs(parts ...string) []int {
	return find(func(pid string) bool {
		cmdline, err := os.ReadFile(filepath.Join("/proc", pid, "cmdline"))
		return err == nil && containsAll(strings.ReplaceAll(string(cmdline), "\x00", " "), parts)
	})
}

// find lists the live processes (other than this one) that match; zombies (exited, waiting to
// be reaped) do not count.
func find(match func(pid string) bool) []int {
	entries, _ := os.ReadDir("/proc")
	self := os.Getpid()
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self || !match(e.Name()) || !Alive(pid) {
			continue
		}
		pids = append(pids, pid)
	}
	return pids
}

// Alive reports whether the process pid exists and has not exited (a zombie has).
func Alive(pid int) bool {
	st, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	s := string(st)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z' && s[i+2] != 'X'
	}
	return true
}
