package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
	if dir := os.Getenv(readOnlyChildEnv); dir != "" {
		// In the child: make the prepared folder a read-only mount of itself. Mounts made
		// here are private to the namespace; MS_PRIVATE makes sure none propagates out.
		if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
			t.Fatalf("make mounts private: %v", err)
		}
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
	if strings.Contains(t.Name(), "/") {
		t.Fatalf("withReadOnlyDir re-runs the whole test, so it must be called from a top-level test, not %s", t.Name())
	}
	dir := filepath.Join(t.TempDir(), "read-only")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fill(t, dir)

	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), readOnlyChildEnv+"="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil && strings.Contains(string(out), "--- PASS: "+t.Name()+" "):
		t.Log("ran on a read-only bind mount in a user namespace")
		return
	case err == nil: // e.g. the -test.run pattern matched nothing: the body never ran
		t.Fatalf("the child test in a user namespace did not pass %s:\n%s", t.Name(), out)
	case errors.As(err, &exit):
		t.Fatalf("on a read-only mount (a child test in a user namespace): %v\n%s", err, out)
	}
	// The child did not start: no user namespaces here (a sysctl, a seccomp profile).
	if os.Getuid() == 0 {
		noReadOnlyDir(t, fmt.Sprintf("running as root without user namespaces (%v)", err))
	}
	t.Logf("no user namespace (%v): chmod 0555 binds a non-root user", err)
	chmodReadOnly(t, dir)
	body(t, dir)
}
