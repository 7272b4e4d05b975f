package store

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"epsm/internal/userns"
)

// readOnlyChildEnv names the folder the test process re-executed by withReadOnlyDir makes
// read-only; set only in that child.
const readOnlyChildEnv = "EPSM_TEST_READONLY_DIR"

// withReadOnlyDir runs body on a folder that nothing can write to, root included: root
// ignores permission bits, so chmod 0555 would make a test that passes whether or not the
// code writes there. fill writes the folder's content first.
//
// The folder becomes a read-only bind mount inside a new user and mount namespace: the test
// binary runs this one test again as a child in that namespace, where it may mount without
// privileges on the host, and the mount is gone when the child ends (nothing to clean up,
// nothing seen by other processes). Where user namespaces are not allowed, a non-root user
// gets chmod 0555 (which binds it); root can get nothing real (noReadOnlyDir).
func withReadOnlyDir(t *testing.T, fill func(t *testing.T, dir string), body func(t *testing.T, dir string)) {
	t.Helper()
	if dir := os.Getenv(readOnlyChildEnv); dir != "" && userns.InChild() {
		// In the child: make the prepared folder a read-only mount of itself.
		userns.PrivateMounts(t)
		if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
			t.Fatalf("bind %s: %v", dir, err)
		}
		if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
			t.Fatalf("remount %s read-only: %v", dir, err)
		}
		requireReadOnly(t, dir)
		body(t, dir)
		return
	}
	dir := filepath.Join(t.TempDir(), "read-only")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fill(t, dir)
	if userns.Rerun(t, readOnlyChildEnv+"="+dir) {
		return
	}
	// No user namespaces here (a sysctl, a seccomp profile).
	if os.Getuid() == 0 {
		noReadOnlyDir(t, "running as root without user namespaces")
	}
	t.Log("no user namespace: chmod 0555 binds a non-root user")
	chmodReadOnly(t, dir)
	body(t, dir)
}
