package store

import (
	"os"
	"path/filepath"
	"testing"
)

// chmodReadOnly makes dir read-only by its permission bits, which bind any user but root.
func chmodReadOnly(t *testing.T, dir string) {
	t.Helper()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	requireReadOnly(t, dir)
}

// requireReadOnly fails the test unless creating a file in dir really fails: the test's
// premise, checked rather than assumed.
func requireReadOnly(t *testing.T, dir string) {
	t.Helper()
	probe := filepath.Join(dir, ".write-probe")
	if err := os.WriteFile(probe, nil, 0o644); err == nil {
		os.Remove(probe)
		t.Fatalf("%s is writable: the read-only test would prove nothing", dir)
	}
}

// noReadOnlyDir ends a test that cannot get a read-only folder: skipped on a developer's
// machine, failed in CI, where the test must mean something.
func noReadOnlyDir(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s: no folder is read-only here, and CI must not skip this test", why)
	}
	t.Skipf("%s: no folder is read-only here (root writes through chmod 0555), so the test would prove nothing", why)
}
