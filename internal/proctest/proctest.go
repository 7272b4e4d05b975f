// Package proctest finds processes for tests that check no engine outlives the app or the run
// that started it: on Linux from /proc, on Windows from the system's process list
// (CreateToolhelp32Snapshot; under Wine, the processes of the Wine session); elsewhere it
// finds none.
package proctest

import (
	"path/filepath"
	"strings"
)

// inside reports whether path is dir or lies below it (fold: compare without case, as
// Windows does).
func inside(path, dir string, fold bool) bool {
	path, dir = filepath.Clean(path), filepath.Clean(dir)
	if fold {
		path, dir = strings.ToLower(path), strings.ToLower(dir)
	}
	return path == dir || strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// containsAll reports whether s contains each of parts.
func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
