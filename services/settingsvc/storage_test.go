package settingsvc

import (
	"os"
	"path/filepath"
	"testing"

	"epsm/internal/tempdir"
)

// The database and imported files, as Settings > Storage shows them beside the run folders:
// everything in the data folder except its runs, which are counted per study and batch.
func TestSizeOutsideLeavesTheRunFoldersOut(t *testing.T) {
	dir := tempdir.New(t)
	files := map[string]int{
		"epsm.db":                    1000,
		"models/ab/abcd.idf":         300,
		"weather/cd/cdef.epw":        200,
		"runs/1/eplusout.err":        5000,
		"runs/2/eplusout.sql":        7000,
		"runsx/not-the-run-tree.txt": 10, // a sibling whose name starts alike still counts
	}
	for name, size := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := sizeOutside(dir, filepath.Join(dir, "runs")); got != 1510 {
		t.Fatalf("outside the runs: %d bytes, want 1510 (the database, a model, a weather file, runsx)", got)
	}
}
