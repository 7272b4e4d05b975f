package runner

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"epsm/sim"
)

// realEngine returns the EnergyPlus the tests run on: ENERGYPLUS_EXE (set by `make test` to
// the project's 25.2 engine) or whatever discovery finds. In CI, or with EPSM_REQUIRE_ENGINE
// set, a missing engine fails the test instead of skipping it.
func realEngine(t *testing.T) sim.Engine {
	t.Helper()
	path := os.Getenv("ENERGYPLUS_EXE")
	if path == "" {
		if engines, _ := Discover(context.Background(), DiscoverOptions{}); len(engines) > 0 {
			path = engines[0].Path
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" || os.Getenv("EPSM_REQUIRE_ENGINE") != "" {
			t.Fatal("no EnergyPlus engine: run `make setup-test` (integration tests must not skip in CI)")
		}
		t.Skip("no EnergyPlus engine found; set ENERGYPLUS_EXE or run `make setup-test`")
	}
	e, err := Probe(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var (
	builtMu sync.Mutex
	built   = map[string]string{} // package -> its binary, built once per test binary
)

// buildProgram builds one of the FAKE programs under internal/ (an engine or an updater) once
// per test binary and returns the path of the executable.
func buildProgram(t *testing.T, pkg string) string {
	t.Helper()
	builtMu.Lock()
	defer builtMu.Unlock()
	if path, ok := built[pkg]; ok {
		return path
	}
	dir, err := os.MkdirTemp("", "epsm-fake-")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, exeName(filepath.Base(pkg)))
	if out, err := exec.Command("go", "build", "-o", path, pkg).CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", pkg, err, out)
	}
	built[pkg] = path
	return path
}
