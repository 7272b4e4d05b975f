package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"epsm/sim"
)

// Run is one run of a batch as the app hands it to a target: its run key and the app's own
// copies of its files.
type Run struct {
	Key            string
	Model, Weather string // local paths (the store's content-addressed copies)
	ForceAnnual    bool
	DesignDaysOnly bool
	Engine         sim.Engine // the engine the key was made for
	Timeout        time.Duration
	KeepAll        bool // keep every output (the target's keep=all, or the batch's choice)
}

// Staged is a batch folder ready to go: its manifest's tasks, and what its inputs weigh.
type Staged struct {
	Tasks []Task
	// Files and Bytes count the inputs written once each (a weather file shared by 300 runs is
	// one file); SharedBytes is what deduplication saved.
	Files       int
	Bytes       int64
	SharedBytes int64
}

// Stage writes the batch folder of runs into dir: each model and weather file once, named by
// its content (inputs/<sha256>.idf|.epw), and the manifest, line i for runs[i]. dir is a
// folder on the cluster's file system for a local target, or a folder that is then uploaded.
func Stage(dir string, runs []Run) (Staged, error) {
	var st Staged
	if err := os.MkdirAll(filepath.Join(dir, "inputs"), 0o755); err != nil {
		return st, fmt.Errorf("batch folder %s: %w", dir, err)
	}
	for _, sub := range []string{"runs", "slurm"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return st, fmt.Errorf("batch folder %s: %w", dir, err)
		}
	}
	written := map[string]string{} // local path -> its name in the batch folder
	input := func(local, ext string) (string, error) {
		if name, ok := written[local]; ok {
			fi, err := os.Stat(local)
			if err == nil {
				st.SharedBytes += fi.Size()
			}
			return name, nil
		}
		sum, size, err := fileSHA256(local)
		if err != nil {
			return "", err
		}
		name := path.Join("inputs", sum+ext)
		dst := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Stat(dst); err == nil {
			st.SharedBytes += size // the same content under another local name
		} else if err := copyFile(local, dst); err != nil {
			return "", err
		} else {
			st.Files++
			st.Bytes += size
		}
		written[local] = name
		return name, nil
	}
	for _, r := range runs {
		model, err := input(r.Model, ".idf")
		if err != nil {
			return st, fmt.Errorf("run %s: model: %w", r.Key, err)
		}
		weather, err := input(r.Weather, ".epw")
		if err != nil {
			return st, fmt.Errorf("run %s: weather: %w", r.Key, err)
		}
		st.Tasks = append(st.Tasks, Task{Key: r.Key, Model: model, Weather: weather, ForceAnnual: r.ForceAnnual, DesignDaysOnly: r.DesignDaysOnly, KeepAll: r.KeepAll,
			EngineVersion: r.Engine.Version, EngineBuild: r.Engine.Build, TimeoutSeconds: int(r.Timeout / time.Second)})
	}
	// The manifest goes last, through a temporary name: a batch folder with a manifest is complete.
	tmp := filepath.Join(dir, "manifest.jsonl.tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return st, fmt.Errorf("manifest: %w", err)
	}
	if err := WriteManifest(f, st.Tasks); err != nil {
		f.Close()
		return st, err
	}
	if err := f.Close(); err != nil {
		return st, fmt.Errorf("manifest: %w", err)
	}
	return st, os.Rename(tmp, filepath.Join(dir, "manifest.jsonl"))
}

func fileSHA256(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("read %s: %w", p, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func copyFile(src, dst string) error {
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
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(tmp)
		return fmt.Errorf("copy %s: %w", src, err)
	}
	if err := out.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, dst)
}

// jobName keeps what Slurm shows of a batch name readable and safe.
func jobName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '-'
	}, s)
	if len(s) > 40 {
		s = s[:40]
	}
	return s
}
