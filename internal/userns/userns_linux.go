// Package userns re-runs one test inside a new user and mount namespace, where the test
// process is root of its own namespace and may mount file systems (a small tmpfs that fills
// up, a read-only bind) without any privilege on the host. Nothing it mounts is seen outside,
// and it is all gone when the child test ends. Tests use it where root's powers, or their
// absence, would make a test prove nothing.
package userns

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// childEnv marks the re-run test process.
const childEnv = "EPSM_TEST_IN_USERNS"

// InChild reports whether this test process is the re-run inside the namespace.
func InChild() bool { return os.Getenv(childEnv) != "" }

// PrivateMounts makes every mount made from now on private to the namespace; call it first in
// the child.
func PrivateMounts(t *testing.T) {
	t.Helper()
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		t.Fatalf("make mounts private: %v", err)
	}
}

// Rerun runs the calling top-level test again inside a new user and mount namespace, with env
// added, and ends t as the child ended. It returns false, running nothing, where this machine
// does not allow such namespaces.
func Rerun(t *testing.T, env ...string) bool {
	t.Helper()
	if strings.Contains(t.Name(), "/") {
		t.Fatalf("userns.Rerun re-runs a whole test: call it from a top-level test, not %s", t.Name())
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(append(os.Environ(), childEnv+"=1"), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil && strings.Contains(string(out), "--- PASS: "+t.Name()+" "):
		t.Logf("ran in a user and mount namespace:\n%s", out)
		return true
	case err == nil: // e.g. the -test.run pattern matched nothing: the body never ran
		t.Fatalf("the test re-run in a user namespace did not pass %s:\n%s", t.Name(), out)
	case errors.As(err, &exit):
		t.Fatalf("in a user and mount namespace: %v\n%s", err, out)
	}
	return false
}
