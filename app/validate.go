package app

import (
	"fmt"
	"path/filepath"

	"epsm/study"
)

// Checks of what the UI sends that the Core methods, shared with the CLI, do not make: the
// window's input is treated as untrusted (docs/SECURITY.md).

// checkBatch refuses a batch id that names no stored batch: cancelling or moving "nothing"
// would otherwise succeed silently.
func (c *Core) checkBatch(batchID int64) error {
	batches, err := c.store.Batches()
	if err != nil {
		return err
	}
	for _, b := range batches {
		if b.ID == batchID {
			return nil
		}
	}
	return fmt.Errorf("batch %d does not exist", batchID)
}

// checkSpecFromUI refuses relative paths in a study spec (the CLI resolves them against the
// spec file; the window has no such folder) and ids that name nothing.
func (c *Core) checkSpecFromUI(spec study.Spec) error {
	paths := append([]string{}, spec.Weather...)
	if spec.Model != "" {
		paths = append(paths, spec.Model)
	}
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			return fmt.Errorf("study spec: %q is not an absolute path: pick the file in the dialog", p)
		}
	}
	return c.checkSpecIDs(spec)
}

func (c *Core) checkSpecIDs(spec study.Spec) error {
	if spec.ModelID != 0 {
		if _, err := c.store.Model(spec.ModelID); err != nil {
			return fmt.Errorf("model %d: %w", spec.ModelID, err)
		}
	}
	for _, id := range spec.WeatherIDs {
		if _, err := c.store.Weather(id); err != nil {
			return fmt.Errorf("weather file %d: %w", id, err)
		}
	}
	return nil
}
