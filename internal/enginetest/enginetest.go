// Package enginetest gives tests the real EnergyPlus: ENERGYPLUS_EXE (which `make test` sets
// to the project's 25.2 engine) or the first engine discovery finds. In CI, or with
// EPSM_REQUIRE_ENGINE set, a missing engine fails the test instead of skipping it.
// (Package runner's own tests keep a copy: they cannot import this package, which imports runner.)
package enginetest

import (
	"context"
	"math"
	"os"
	"testing"

	"epsm/runner"
	"epsm/sim"
)

// Require returns the engine or ends the test.
func Require(t testing.TB) sim.Engine {
	t.Helper()
	path := os.Getenv("ENERGYPLUS_EXE")
	if path == "" {
		if engines, _ := runner.Discover(context.Background(), runner.DiscoverOptions{}); len(engines) > 0 {
			path = engines[0].Path
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" || os.Getenv("EPSM_REQUIRE_ENGINE") != "" {
			t.Fatal("no EnergyPlus engine: run `make setup-test` (integration tests must not skip in CI)")
		}
		t.Skip("no EnergyPlus engine found; set ENERGYPLUS_EXE or run `make setup-test`")
	}
	e, err := runner.Probe(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Same4 reports whether two figures of two runs agree to 4 significant figures: they differ
// by at most half a unit in the 4th (the bar for the same run on two platforms).
func Same4(a, b float64) bool {
	if a == b {
		return true
	}
	unit := math.Pow(10, math.Floor(math.Log10(math.Max(math.Abs(a), math.Abs(b))))-3)
	return math.Abs(a-b) <= unit/2
}
