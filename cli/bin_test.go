package cli

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// buildEPSM builds the headless epsm into dir and returns its path: the binary a user types
// (killed, interrupted) and the worker a cluster batch sends.
func buildEPSM(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "epsm")
	if out, err := exec.Command("go", "build", "-o", bin, "epsm").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}
