//go:build !linux

package store

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"epsm/internal/tempdir"
)

// withReadOnlyDir runs body on a folder nothing can write to. Outside Linux there is no
// unprivileged read-only mount: chmod 0555 binds a non-root user on macOS and the BSDs;
// root, and Windows (which ignores a folder's read-only attribute), get nothing real.
func withReadOnlyDir(t *testing.T, fill func(t *testing.T, dir string), body func(t *testing.T, dir string)) {
	t.Helper()
	if runtime.GOOS == "windows" || os.Getuid() == 0 {
		noReadOnlyDir(t, "Windows, or root")
	}
	dir := filepath.Join(tempdir.New(t), "read-only")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fill(t, dir)
	chmodReadOnly(t, dir)
	body(t, dir)
}
