package runner

import (
	"context"
	"os"
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
