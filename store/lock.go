package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrLocked is returned by Open when another EPSM process uses the data folder.
var ErrLocked = errors.New("data folder in use")

// lockDir takes the data folder's lock file for this process. The operating system releases
// the lock when the process dies, however it dies, so a crash never leaves the folder locked.
func lockDir(dir string) (*os.File, error) {
	path := filepath.Join(dir, "epsm.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock data folder: %w", err)
	}
	if err := tryLock(f); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		who := strings.TrimSpace(string(holder))
		if who == "" {
			who = "another process"
		}
		return nil, fmt.Errorf("%w: another EPSM (%s) is using the data folder %s; close it, or use another folder (EPSM_DATA_DIR or --data-dir)", ErrLocked, who, dir)
	}
	f.Truncate(0)
	f.Seek(0, 0)
	fmt.Fprintf(f, "pid %d", os.Getpid())
	f.Sync()
	return f, nil
}
