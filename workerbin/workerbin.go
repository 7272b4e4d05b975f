// Package workerbin holds the worker a release build embeds: the headless epsm for
// linux/amd64, statically linked (it runs on clusters with an older C library than the build
// machine's), which the desktop app sends to a cluster's nodes. scripts/release.sh builds it
// and gzips it into this folder (14 MB becomes 6 MB in each app), then builds the app with
// -tags embedworker; other builds embed none.
package workerbin

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Embedded reports whether this build carries the worker.
func Embedded() bool { return len(compressed) > 0 }

// Extract writes the embedded worker into dir once per version (named by its content) and
// returns its path; "" when this build embeds none.
func Extract(dir string) (string, error) {
	if len(compressed) == 0 {
		return "", nil
	}
	sum := sha256.Sum256(compressed)
	p := filepath.Join(dir, "epsm-worker-"+hex.EncodeToString(sum[:8]))
	if _, err := os.Stat(p); err == nil {
		return p, nil // written whole before: it only gets its name by the rename below
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("worker: %w", err)
	}
	tmp := p + ".part"
	if err := writeUnzipped(tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("worker: %w", err)
	}
	return p, os.Rename(tmp, p)
}

func writeUnzipped(path string) error {
	zr, err := gzip.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, zr); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
