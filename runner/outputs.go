package runner

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// A run of a small office leaves ~20 MB (eplusout.sql, .eso, .mtr, the report). Once its
// results and hourly meters are in the store, a run folder keeps only what the window shows
// or links to; "keep all outputs" (per batch, study or target) skips this.

// Report is the run's HTML report; ReportGz is the same, gzipped, once the folder is trimmed.
const (
	Report   = "eplustbl.htm"
	ReportGz = "eplustbl.htm.gz"
	ErrFile  = "eplusout.err"
	RunCopy  = "in.idf"
)

// KeepResultsOnly trims a finished run's folder to eplusout.err, the report (gzipped) and the
// run copy of the model (and the files named in also), and returns the bytes freed.
func KeepResultsOnly(dir string, also ...string) (int64, error) {
	before := FolderSize(dir)
	if err := gzipFile(filepath.Join(dir, Report), filepath.Join(dir, ReportGz)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	keep := map[string]bool{ErrFile: true, ReportGz: true, RunCopy: true}
	for _, n := range also {
		keep[n] = true
	}
	if err := removeExcept(dir, keep); err != nil {
		return 0, err
	}
	return before - FolderSize(dir), nil
}

// FreeOutputs deletes all of a run's folder but eplusout.err (its messages stay readable) and
// returns the bytes freed. The run's results and hourly meters are in the store, not here.
func FreeOutputs(dir string) (int64, error) {
	before := FolderSize(dir)
	if err := removeExcept(dir, map[string]bool{ErrFile: true}); err != nil {
		return 0, err
	}
	return before - FolderSize(dir), nil
}

// FolderSize is the bytes of the regular files in dir and below (0 when it is gone).
func FolderSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// OpenReport opens a run's HTML report, plain or gzipped (a trimmed folder); fs.ErrNotExist
// (errors.Is) when the folder has neither.
func OpenReport(dir string) (io.ReadCloser, error) {
	if f, err := os.Open(filepath.Join(dir, Report)); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	f, err := os.Open(filepath.Join(dir, ReportGz))
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

// gzipFile writes src gzipped to dst (through a temporary file, so a crash leaves src) and
// removes src.
func gzipFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dst + ".part"
	out, err := os.Create(tmp)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	_, err = io.Copy(zw, in)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("compress %s: %w", src, err)
	}
	in.Close()
	return os.Remove(src)
}

func removeExcept(dir string, keep map[string]bool) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var first error
	for _, e := range entries {
		if keep[e.Name()] {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil && first == nil {
			first = err
		}
	}
	return first
}
