package cluster

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// Task is one run of a batch, as the worker on a node reads it from the manifest. Paths are
// relative to the batch folder and use forward slashes (the cluster is Linux, whatever the
// laptop is).
type Task struct {
	// Key is the run key (runner.RunKey): the run's folder name, and how its result is
	// imported exactly once.
	Key            string `json:"key"`
	Model          string `json:"model"`   // inputs/<sha256>.idf
	Weather        string `json:"weather"` // inputs/<sha256>.epw
	ForceAnnual    bool   `json:"forceAnnual,omitempty"`
	DesignDaysOnly bool   `json:"designDaysOnly,omitempty"`
	// EngineVersion and EngineBuild are the engine the run key was made for: the worker refuses
	// to run on another, since its results would be stored under a key they do not belong to.
	EngineVersion string `json:"engineVersion"`
	EngineBuild   string `json:"engineBuild"`
	// TimeoutSeconds is EPSM's own wall-clock limit for the run (0: only Slurm's --time).
	TimeoutSeconds int `json:"timeoutSeconds,omitempty"`
	// KeepAll keeps every output on the cluster (and brings them all back); otherwise the
	// worker trims the run folder to what the app shows once its result is written.
	KeepAll bool `json:"keepAll,omitempty"`
}

// ErrNoTask is returned when the manifest has no task at the index asked for.
var ErrNoTask = errors.New("no such task in the manifest")

func (t Task) validate() error {
	if !validKey(t.Key) {
		return fmt.Errorf("run key %q is not a run key", t.Key)
	}
	for _, p := range []string{t.Model, t.Weather} {
		if p == "" || path.IsAbs(p) || strings.Contains(p, `\`) || path.Clean(p) != p || strings.HasPrefix(p, "../") || p == ".." {
			return fmt.Errorf("task %s: %q is not a path inside the batch folder", t.Key, p)
		}
	}
	if t.EngineVersion == "" {
		return fmt.Errorf("task %s: no engine version", t.Key)
	}
	return nil
}

// validKey: a run key is lower-case hex (it names a folder on the cluster).
func validKey(k string) bool {
	if len(k) < 16 || len(k) > 128 {
		return false
	}
	for _, r := range k {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// WriteManifest writes tasks one JSON object per line, in array-index order.
func WriteManifest(w io.Writer, tasks []Task) error {
	enc := json.NewEncoder(w)
	for i, t := range tasks {
		if err := t.validate(); err != nil {
			return fmt.Errorf("manifest line %d: %w", i+1, err)
		}
		if err := enc.Encode(t); err != nil {
			return err
		}
	}
	return nil
}

// ReadTask reads the task at index (0-based, the Slurm array index) from the manifest file.
func ReadTask(manifest string, index int) (Task, error) {
	f, err := os.Open(manifest)
	if err != nil {
		return Task{}, fmt.Errorf("manifest: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for i := 0; sc.Scan(); i++ {
		if i != index {
			continue
		}
		var t Task
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return Task{}, fmt.Errorf("manifest %s line %d: %w", manifest, i+1, err)
		}
		if err := t.validate(); err != nil {
			return Task{}, fmt.Errorf("manifest %s line %d: %w", manifest, i+1, err)
		}
		return t, nil
	}
	if err := sc.Err(); err != nil {
		return Task{}, fmt.Errorf("manifest %s: %w", manifest, err)
	}
	return Task{}, fmt.Errorf("manifest %s, index %d: %w", manifest, index, ErrNoTask)
}
