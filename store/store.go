// Package store keeps EPSM's data folder: the SQLite database (WAL mode, versioned schema) and
// the content-addressed copies of imported models and weather files that runs work on, so a
// user's own files are never touched after import.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver named by the design card
)

// Store is the open data folder.
type Store struct {
	db   *sql.DB
	dir  string
	lock *os.File
}

// DefaultDir is where data lives when EPSM_DATA_DIR is not set: XDG_DATA_HOME (or
// ~/.local/share) on Linux, %AppData% on Windows, ~/Library/Application Support on macOS.
func DefaultDir() (string, error) {
	if d := os.Getenv("EPSM_DATA_DIR"); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find data folder: %w", err)
		}
		return filepath.Join(base, "EPSM Desktop"), nil
	default:
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			return filepath.Join(x, "epsm"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find data folder: %w", err)
		}
		return filepath.Join(home, ".local", "share", "epsm"), nil
	}
}

// Open opens (creating when needed) the data folder dir and brings its schema up to date.
func Open(dir string) (*Store, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("data folder %s: %w", dir, err)
	}
	for _, sub := range []string{"", "files", "runs"} {
		if err := os.MkdirAll(filepath.Join(abs, sub), 0o755); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	}
	lock, err := lockDir(abs)
	if err != nil {
		return nil, err
	}
	dbPath := filepath.Join(abs, "epsm.db")
	dsn := "file:" + (&url.URL{Path: dbPath}).EscapedPath() +
		"?_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=on&_busy_timeout=10000&_txlock=immediate"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("open %s: %w", dbPath, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		lock.Close()
		return nil, fmt.Errorf("open %s: %w", dbPath, err)
	}
	s := &Store{db: db, dir: abs, lock: lock}
	if err := s.migrate(); err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate %s: %w", dbPath, err)
	}
	return s, nil
}

// Close closes the database and releases the data folder.
func (s *Store) Close() error {
	err := s.db.Close()
	s.lock.Close()
	return err
}

// Dir is the data folder.
func (s *Store) Dir() string { return s.dir }

// RunDir is the folder of one run's outputs.
func (s *Store) RunDir(runID int64) string {
	return filepath.Join(s.dir, "runs", fmt.Sprint(runID))
}

// ErrNotFound is returned for an id that is not stored.
var ErrNotFound = errors.New("not found")

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }
