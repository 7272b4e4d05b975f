package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"epsm/idf"
	"epsm/sim"
)

// RunKey identifies a simulation by everything that decides its results: the run copy of the
// model (after output injection), the weather file, the engine version and build, and the
// command-line flags. Two runs with the same key give the same results, so the second can be
// answered from the store.
// weatherSHA256 is the hex SHA-256 of the weather file's content (the app's stored copies are
// named by it), so the 1.6 MB file is not read again per run.
func RunKey(modelPath, weatherSHA256 string, engine sim.Engine, forceAnnual, designDaysOnly bool) (string, error) {
	src, err := os.ReadFile(modelPath)
	if err != nil {
		return "", fmt.Errorf("model %s: %w", modelPath, err)
	}
	runCopy, _, err := idf.PrepareRunCopy(src)
	if err != nil {
		return "", fmt.Errorf("model %s: %w", modelPath, err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "epsm-run-key/1\nengine %s-%s\nannual %t\ndesign-days %t\nmodel %d\n", engine.Version, engine.Build, forceAnnual, designDaysOnly, len(runCopy))
	h.Write(runCopy)
	fmt.Fprintf(h, "\nweather %s\n", weatherSHA256)
	return hex.EncodeToString(h.Sum(nil)), nil
}
