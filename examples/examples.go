// Package examples carries the example model and weather file bundled with EPSM, so a
// first-time user can press Run without owning any files. See LICENSE-EnergyPlus.txt.
package examples

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
)

//go:embed 1ZoneUncontrolled.idf USA_CO_Golden-NREL.724666_TMY3.epw LICENSE-EnergyPlus.txt
var files embed.FS

// Names of the bundled files.
const (
	Model   = "1ZoneUncontrolled.idf"
	Weather = "USA_CO_Golden-NREL.724666_TMY3.epw"
	License = "LICENSE-EnergyPlus.txt"
)

// WriteTo copies the bundled files into dir and returns the paths of the model and the weather
// file. Existing copies are left alone.
func WriteTo(dir string) (model, weather string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("create %s: %w", dir, err)
	}
	for _, name := range []string{Model, Weather, License} {
		dst := filepath.Join(dir, name)
		if _, err := os.Stat(dst); err == nil {
			continue
		}
		data, err := files.ReadFile(name)
		if err != nil {
			return "", "", fmt.Errorf("bundled example %s: %w", name, err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return "", "", fmt.Errorf("write example %s: %w", dst, err)
		}
	}
	return filepath.Join(dir, Model), filepath.Join(dir, Weather), nil
}
