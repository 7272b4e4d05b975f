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
	if runtime.GOOS == "windows" {
		// Not a gap CI may hide: the Linux run of this test proves it on a read-only mount.
		t.Skip("Windows ignores a folder's read-only attribute, so no folder is read-only here; the Linux run tests this on a read-only mount")
	}
	if os.Getuid() == 0 {
		noReadOnlyDir(t, "root")
	}
	dir := filepath.Join(tempdir.New(t), "read-only")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fill(t, dir)
	chmodReadOnly(t, dir)
	body(t, dir)
}
