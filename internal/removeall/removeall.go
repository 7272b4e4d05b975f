// Package removeall deletes a folder and everything in it, also where os.RemoveAll cannot:
// under Wine 8, Go's os.RemoveAll on Windows fails with "Invalid function" (it asks for a
// file-disposition call Wine does not implement) while os.Remove of each file works. The app
// deletes folders (a run folder cleaned before a run or a re-run, EPMacro's work folder) with
// it, and the tests' temp folders (internal/tempdir) are cleaned with it. On Linux, macOS and
// real Windows os.RemoveAll succeeds and the fallback never runs.
package removeall

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// RemoveAll is os.RemoveAll, falling back to removing the tree entry by entry, deepest first,
// when os.RemoveAll fails. As with os.RemoveAll, a path that does not exist is no error.
func RemoveAll(path string) error {
	err := os.RemoveAll(path)
	if err == nil {
		return nil
	}
	var paths []string
	filepath.WalkDir(path, func(p string, _ fs.DirEntry, walkErr error) error {
		if walkErr == nil || p != path {
			paths = append(paths, p)
		}
		return nil
	})
	for i := len(paths) - 1; i >= 0; i-- { // a folder's entries come after it in the walk
		if rmErr := os.Remove(paths[i]); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) {
			return errors.Join(err, rmErr)
		}
	}
	if _, statErr := os.Lstat(path); !errors.Is(statErr, fs.ErrNotExist) {
		return err
	}
	return nil
}
