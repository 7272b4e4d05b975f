package removeall

import (
	"os"
	"path/filepath"
	"testing"
)

// A tree of folders, files (one read-only, names with spaces and non-ASCII letters) is removed
// whole, also under Wine where os.RemoveAll fails on it; a path that does not exist is no error.
func TestRemoveAllRemovesTheWholeTree(t *testing.T) {
	parent, err := os.MkdirTemp("", "removeall-test-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(parent)
	root := filepath.Join(parent, "run 1")
	deep := filepath.Join(root, "Väder Göteborg", "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join(root, "eplusout.err"), filepath.Join(deep, "Modell ÅÄÖ (kopia) #2.idf"), filepath.Join(root, "Väder Göteborg", "empty")} {
		if err := os.WriteFile(f, []byte("x\r\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	readOnly := filepath.Join(deep, "read-only.sql")
	if err := os.WriteFile(readOnly, []byte("x"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := RemoveAll(root); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(root); !os.IsNotExist(err) {
		t.Fatalf("%s is still there: %v", root, err)
	}
	if err := RemoveAll(root); err != nil {
		t.Fatalf("removing what is gone: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Fatalf("left in %s: %v", parent, entries)
	}
}
