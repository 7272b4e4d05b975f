package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"epsm/eplusout"
	"epsm/runner"
	"epsm/sim"
)

// The files a task leaves in its run folder, which the app polls (there is no file watching
// across hosts).
const (
	ProgressFile = "progress.json"
	ResultFile   = "result.json"
	// MetersFile holds the run's hourly meters (eplusout.EncodeMeters), written before the
	// folder is trimmed: the app stores them as it does a local run's.
	MetersFile = "meters.bin"
)

// TaskProgress is a running task's state, rewritten as the run goes (at most once a second).
type TaskProgress struct {
	Key      string       `json:"key"`
	Status   sim.Status   `json:"status"`
	Progress sim.Progress `json:"progress"`
	Warnings int          `json:"warnings"`
	Severe   int          `json:"severe"`
	LastLine string       `json:"lastLine"`
	At       time.Time    `json:"at"`
}

// TaskResult is what the worker leaves when a task has ended: the same Outcome a local run
// gives, and where and when it ran.
type TaskResult struct {
	Key     string      `json:"key"`
	Outcome sim.Outcome `json:"outcome"`
	Engine  sim.Engine  `json:"engine"`
	Node    string      `json:"node"`
	// The task's timeline, for the per-task overhead: the worker started, the engine started,
	// the run ended (engine done and results read from eplusout.sql), the result was written.
	WorkerStart time.Time `json:"workerStart"`
	EngineStart time.Time `json:"engineStart"`
	RunEnd      time.Time `json:"runEnd"`
	Written     time.Time `json:"written"`
}

// Worker runs one task of a batch on the node it was started on.
type Worker struct {
	BatchDir string     // the batch folder (where the manifest's paths start)
	Engine   sim.Engine // the node's EnergyPlus, probed
	Runner   *runner.Runner
	// Started is when the worker process started (default: when Run is called), the start of
	// the task's timeline on the node.
	Started time.Time
	// progressEvery bounds how often progress.json is rewritten (default one second).
	progressEvery time.Duration
}

// ErrStopped is returned when the worker was stopped (Slurm's SIGTERM at a cancel or at the
// time limit) before its run ended: it writes no result, so that the task's Slurm state
// (CANCELLED, TIMEOUT) says what happened.
var ErrStopped = errors.New("stopped by Slurm before the run ended")

// Run runs task to its end and writes its result file; the error is only for a result that
// could not be written, or ErrStopped. The run's own failure is in the result.
func (w *Worker) Run(ctx context.Context, task Task) (TaskResult, error) {
	res := TaskResult{Key: task.Key, Engine: w.Engine, WorkerStart: w.Started}
	if res.WorkerStart.IsZero() {
		res.WorkerStart = time.Now()
	}
	res.Node, _ = os.Hostname()
	dir := filepath.Join(w.BatchDir, "runs", task.Key)
	if w.Engine.Version != task.EngineVersion || w.Engine.Build != task.EngineBuild {
		// Results made by another engine would be stored under a run key that says otherwise.
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return res, fmt.Errorf("run folder %s: %w", dir, err)
		}
		res.Outcome = sim.Outcome{Status: sim.StatusCrashed, Kind: sim.KindEngineMissing, ExitCode: -1,
			Message: fmt.Sprintf("the node's EnergyPlus is %s-%s (%s), but the batch was prepared for %s-%s: set the target's engine to a matching EnergyPlus",
				w.Engine.Version, w.Engine.Build, w.Engine.Path, task.EngineVersion, task.EngineBuild)}
		return res, w.write(dir, &res)
	}
	job := runner.Job{
		Dir:            dir,
		Model:          filepath.Join(w.BatchDir, filepath.FromSlash(task.Model)),
		Weather:        filepath.Join(w.BatchDir, filepath.FromSlash(task.Weather)),
		ForceAnnual:    task.ForceAnnual,
		DesignDaysOnly: task.DesignDaysOnly,
		Engine:         w.Engine,
		Timeout:        time.Duration(task.TimeoutSeconds) * time.Second,
	}
	every := w.progressEvery
	if every == 0 {
		every = time.Second
	}
	var mu sync.Mutex
	var last time.Time
	res.Outcome = w.Runner.Run(ctx, job, func(u runner.Update) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if u.Process != nil && res.EngineStart.IsZero() {
			res.EngineStart = now
		}
		// The first running update, and then one a second: the app polls this file.
		if u.Status == sim.StatusRunning && !last.IsZero() && now.Sub(last) < every {
			return
		}
		last = now
		p := TaskProgress{Key: task.Key, Status: u.Status, Progress: u.Progress, Warnings: u.Warnings, Severe: u.Severe, LastLine: u.LastLine, At: now}
		_ = writeJSON(filepath.Join(dir, ProgressFile), p) // progress is a hint: a lost write is the next one's
	})
	res.RunEnd = time.Now()
	if ctx.Err() != nil {
		return res, ErrStopped
	}
	if res.Outcome.Status.Succeeded() && res.Outcome.Results != nil {
		keepOutputs(dir, task.KeepAll)
	}
	return res, w.write(dir, &res)
}

// keepOutputs writes the run's hourly meters beside its result and, unless the task keeps
// everything, trims the folder to what the app brings back (the cluster's quota is the
// laptop's disk over again). A failure here costs disk, not the run: it is not an error.
func keepOutputs(dir string, keepAll bool) {
	if blob, err := eplusout.PackMeters(filepath.Join(dir, "eplusout.sql")); err == nil && blob != nil {
		os.WriteFile(filepath.Join(dir, MetersFile), blob, 0o644)
	}
	if !keepAll {
		runner.KeepResultsOnly(dir, ProgressFile, ResultFile, MetersFile)
	}
}

func (w *Worker) write(dir string, res *TaskResult) error {
	res.Written = time.Now()
	if err := writeJSON(filepath.Join(dir, ResultFile), res); err != nil {
		return fmt.Errorf("result of task %s: %w", res.Key, err)
	}
	return nil
}

// writeJSON replaces path with v's JSON at once (a reader on another host never sees half).
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// ReadResult reads a task's result file; os.ErrNotExist (errors.Is) while the task has not ended.
func ReadResult(path string) (TaskResult, error) {
	var r TaskResult
	b, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return r, fmt.Errorf("result file %s: %w", path, err)
	}
	return r, nil
}
