// Package fakeengine builds, once per test binary, the FAKE programs the tests use for fault
// injection: the FAKE EnergyPlus (runner/internal/fakeenergyplus), which misbehaves on
// purpose, and the FAKE transition updater (runner/internal/faketransition). Every real run in
// the tests uses the real engine (internal/enginetest). One builder serves every package.
package fakeengine

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// The FAKE programs' packages.
const (
	EnergyPlus = "epsm/runner/internal/fakeenergyplus"
	Transition = "epsm/runner/internal/faketransition"
)

var (
	mu    sync.Mutex
	built = map[string]string{} // package -> binary, for this test binary's life
)

// PrebuiltEnv names a folder holding the FAKE programs already built, for a test binary that
// runs where no Go toolchain is: make test-windows cross-builds them for the tests under Wine.
const PrebuiltEnv = "EPSM_FAKE_PROGRAMS"

// Build compiles pkg once and returns the binary's path.
func Build(t testing.TB, pkg string) string {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if path, ok := built[pkg]; ok {
		return path
	}
	name := filepath.Base(pkg)
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if dir := os.Getenv(PrebuiltEnv); dir != "" {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("%s=%s: %v", PrebuiltEnv, dir, err)
		}
		built[pkg] = path
		return path
	}
	dir, err := os.MkdirTemp("", "epsm-fake-")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if out, err := exec.Command("go", "build", "-o", path, pkg).CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", pkg, err, out)
	}
	built[pkg] = path
	return path
}

// EnergyPlusPath is the FAKE EnergyPlus, built once. It uses POSIX signals: on Windows the
// test is skipped.
func EnergyPlusPath(t testing.TB) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the FAKE engine uses POSIX signals")
	}
	return Build(t, EnergyPlus)
}

// Model writes into dir a copy of the example model (exampleIDF) whose first line tells the
// FAKE engine how to misbehave: `! fake-energyplus: MODE [ARG]`.
func Model(t testing.TB, exampleIDF, dir, name, mode string) string {
	t.Helper()
	src, err := os.ReadFile(exampleIDF)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, append([]byte("! fake-energyplus: "+mode+"\n! "+name+"\n"), src...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
