package idf

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedTestdata is the shared test data folder: CI clones main/ with shared/ beside it.
var sharedTestdata = filepath.Join("..", "..", "shared", "testdata")

// testFile returns the path of a file in the shared test data and fails the test with a clear
// message if the folder is missing, rather than with a confusing "no such file" per case.
func testFile(t testing.TB, rel string) string {
	t.Helper()
	if _, err := os.Stat(sharedTestdata); err != nil {
		t.Fatalf("shared test data not found at %s (clone the shared repository beside main/): %v", sharedTestdata, err)
	}
	return filepath.Join(sharedTestdata, filepath.FromSlash(rel))
}

func readTestFile(t testing.TB, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(testFile(t, rel))
	if err != nil {
		t.Fatalf("read test file: %v", err)
	}
	return data
}
