// Package proctest finds processes for tests that check no engine outlives the app that
// started it (Linux /proc; elsewhere it finds none).
package proctest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Under lists live processes whose working directory is inside dir; zombies (exited, waiting
// to be reaped) do not count.
func Under(dir string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cwd, err := os.Readlink(filepath.Join("/proc", e.Name(), "cwd"))
		if err == nil && strings.HasPrefix(cwd, dir+string(filepath.Separator)) {
			if st, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat")); err == nil && strings.Contains(string(st), ") Z ") {
				continue
			}
			pids = append(pids, pid)
		}
	}
	return pids
}
