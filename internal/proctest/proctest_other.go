//go:build !windows

package proctest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const foldCase = false

// processes reads /proc (none outside Linux): each process's working directory and command
// line (its arguments joined by spaces).
func processes() []proc {
	entries, _ := os.ReadDir("/proc")
	self := os.Getpid()
	var ps []proc
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self || !Alive(pid) {
			continue
		}
		p := proc{pid: pid}
		p.cwd, _ = os.Readlink(filepath.Join("/proc", e.Name(), "cwd"))
		if cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline")); err == nil {
			p.cmdline = strings.ReplaceAll(string(cmdline), "\x00", " ")
		}
		ps = append(ps, p)
	}
	return ps
}

// Alive reports whether the process pid exists and has not exited (a zombie, exited and
// waiting to be reaped, has).
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
