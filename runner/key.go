package runner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	"epsm/idf"
)

// RunKey identifies a simulation by everything that decides its results: the run copy of the
// model (after output injection), the weather file, the engine version and build, and the
// command-line flags. Two runs with the same key give the same results, so the second can be
// answered from the store.
func RunKey(modelPath, weatherPath string, engine Engine, forceAnnual bool) (string, error) {
	src, err := os.ReadFile(modelPath)
	if err != nil {
		return "", fmt.Errorf("model %s: %w", modelPath, err)
	}
	runCopy, _, err := idf.PrepareRunCopy(src)
	if err != nil {
		return "", fmt.Errorf("model %s: %w", modelPath, err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "epsm-run-key/1\nengine %s-%s\nannual %t\nmodel %d\n", engine.Version, engine.Build, forceAnnual, len(runCopy))
	h.Write(runCopy)
	w, err := os.Open(weatherPath)
	if err != nil {
		return "", fmt.Errorf("weather file %s: %w", weatherPath, err)
	}
	defer w.Close()
	io.WriteString(h, "\nweather\n")
	if _, err := io.Copy(h, w); err != nil {
		return "", fmt.Errorf("weather file %s: %w", weatherPath, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
