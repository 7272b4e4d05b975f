// Package proctest finds processes for tests that check no engine outlives the app or the run
// that started it: on Linux from /proc, on Windows from the system's process list
// (CreateToolhelp32Snapshot; under Wine, the processes of the Wine session); elsewhere it
// finds none.
package proctest

import (
	"path/filepath"
	"strings"
)

// proc is a live process (not this one) and what the checks look at.
type proc struct {
	pid          int
	cwd, cmdline string
}

// Under lists live processes whose working directory is dir or inside it.
func Under(dir string) []int {
	dir, _ = filepath.Abs(dir)
	return find(func(p proc) bool { return inside(p.cwd, dir) })
}

// WithArgs lists live processes whose command line contains each of parts (for processes
// that work in no folder of the test's, such as the Windows programs of a Wine session).
func WithArgs(parts ...string) []int {
	return find(func(p proc) bool {
		for _, s := range parts {
			if !strings.Contains(p.cmdline, s) {
				return false
			}
		}
		return true
	})
}

func find(match func(proc) bool) []int {
	var pids []int
	for _, p := range processes() {
		if match(p) {
			pids = append(pids, p.pid)
		}
	}
	return pids
}

// inside reports whether path is dir or lies below it (without case where the file system
// has none: foldCase).
func inside(path, dir string) bool {
	if path == "" {
		return false
	}
	path, dir = filepath.Clean(path), filepath.Clean(dir)
	if foldCase {
		path, dir = strings.ToLower(path), strings.ToLower(dir)
	}
	return path == dir || strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}
