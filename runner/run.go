package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"epsm/idf"
)

// Job is one simulation: a model and a weather file, run in Dir.
type Job struct {
	ID          int64
	BatchID     int64  // the batch (study) the job belongs to, for ordering and cancel
	Dir         string // the run directory; emptied and created by Run
	Model       string // path of the model to run (the app's stored copy, never the user's file)
	Weather     string // path of the EPW
	ForceAnnual bool   // EnergyPlus -a: run the weather period even for a design-day-only model
	// DesignDaysOnly is EnergyPlus -D: only the sizing periods (a quick check of a model).
	DesignDaysOnly bool
	Engine         Engine // the engine for this job; the Runner's when empty
	// Timeout is the wall-clock limit (0: none). StallAfter kills a run that printed no line and
	// grew neither eplusout.err nor eplusout.sql for that long (0: no watchdog).
	Timeout    time.Duration
	StallAfter time.Duration
}

// Update is a change in a running job, sent to the caller's callback.
type Update struct {
	JobID    int64    `json:"jobId"`
	Status   Status   `json:"status"`
	Progress Progress `json:"progress"`
	Warnings int      `json:"warnings"`
	Severe   int      `json:"severe"`
	LastLine string   `json:"lastLine"`
}

// Outcome is how a job ended: exactly one final Status, with what explains it.
type Outcome struct {
	Status     Status        `json:"status"`
	Message    string        `json:"message"` // first fatal message, crash reason or input error
	LastSevere string        `json:"lastSevere"`
	Warnings   int           `json:"warnings"`
	Severe     int           `json:"severe"`
	ExitCode   int           `json:"exitCode"`
	Signal     string        `json:"signal"`
	Elapsed    time.Duration `json:"elapsed"`
	Results    *Results      `json:"results"`
	Progress   Progress      `json:"progress"`
}

// Runner runs jobs.
type Runner struct {
	Engine Engine // default engine for jobs that name none
	Log    *slog.Logger
}

// ErrCancelled is the cause to pass to a job's context when the user cancels it.
var ErrCancelled = errors.New("cancelled by the user")

// errStalled is the cause the watchdog cancels a silent run with.
var errStalled = errors.New("stalled")

// Run runs one job to its end. It never returns without a final status. Cancelling ctx with
// cause ErrCancelled marks the run Cancelled; a timeout marks it Timed out.
func (r *Runner) Run(ctx context.Context, job Job, report func(Update)) Outcome {
	start := time.Now()
	log := r.logger().With("job", job.ID)
	report(Update{JobID: job.ID, Status: StatusPreparing})

	engine := r.Engine
	if job.Engine.Path != "" {
		engine = job.Engine
	}
	args, envs, err := prepare(job, engine)
	if err != nil {
		log.Info("input error", "err", err)
		msg := err.Error()
		if isNoSpace(err) {
			// Not the user's input: the run copy could not be written.
			return Outcome{Status: StatusCrashed, Message: "disk full: " + msg, ExitCode: -1, Elapsed: time.Since(start)}
		}
		return Outcome{Status: StatusInputError, Message: msg, ExitCode: -1, Elapsed: time.Since(start)}
	}

	if job.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, job.Timeout, context.DeadlineExceeded)
		defer cancel()
	}
	ctx, stall := context.WithCancelCause(ctx)
	defer stall(nil)
	activity := newActivity()
	if job.StallAfter > 0 {
		go activity.watch(ctx, job.StallAfter, filepath.Join(job.Dir, "eplusout.sql"), func() { stall(errStalled) })
	}
	// The line reader and the err-file watcher both report; mu keeps their view consistent.
	var mu sync.Mutex
	tracker := NewProgressTracker(envs)
	var lastLine, stdoutFatal, noSpaceLine string
	var warnings, severe int
	send := func() {
		report(Update{JobID: job.ID, Status: StatusRunning, Progress: tracker.Progress(), Warnings: warnings, Severe: severe, LastLine: lastLine})
	}
	watch := watchErrFile(ctx, filepath.Join(job.Dir, "eplusout.err"), activity.touch, func(w, s int) {
		mu.Lock()
		defer mu.Unlock()
		warnings, severe = w, s
		send()
	})
	defer watch.stop()
	mu.Lock()
	send()
	mu.Unlock()

	log.Info("starting engine", "engine", engine.Path, "args", args)
	exit := runProcess(ctx, job.Dir, engine.Path, args, func(line string) {
		activity.touch()
		mu.Lock()
		defer mu.Unlock()
		lastLine = line
		trimmed := strings.TrimSpace(line)
		if stdoutFatal == "" {
			if msg, ok := strings.CutPrefix(trimmed, "**FATAL:"); ok {
				stdoutFatal = strings.TrimSpace(msg)
			} else if msg, ok := strings.CutPrefix(trimmed, "ERROR:"); ok {
				stdoutFatal = strings.TrimSpace(msg)
			}
		}
		if noSpaceLine == "" && mentionsNoSpace(trimmed) {
			noSpaceLine = trimmed
		}
		if tracker.Line(line) {
			send()
		}
	})
	watch.stop()

	report(Update{JobID: job.ID, Status: StatusCollecting, Progress: tracker.Progress(), LastLine: lastLine})
	out := triage(ctx, job, exit, stdoutFatal, lastLine)
	checkDiskFull(&out, job.Dir, noSpaceLine)
	out.Elapsed = time.Since(start)
	out.Progress = tracker.Finish(out.Status.Succeeded())
	log.Info("run ended", "status", out.Status, "message", out.Message, "elapsed", out.Elapsed)
	return out
}

func (r *Runner) logger() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}

// prepare checks the inputs and writes the run copy of the model. Any error here is the user's
// input, caught before EnergyPlus starts.
func prepare(job Job, engine Engine) ([]string, []idf.Environment, error) {
	if engine.Path == "" {
		return nil, nil, ErrNoEngine
	}
	if _, err := os.Stat(engine.Path); err != nil {
		return nil, nil, fmt.Errorf("EnergyPlus engine %s: %w", engine.Path, err)
	}
	src, err := os.ReadFile(job.Model)
	if err != nil {
		return nil, nil, fmt.Errorf("model %s: %w", job.Model, err)
	}
	model, err := idf.Parse(src)
	if err != nil {
		return nil, nil, fmt.Errorf("model %s is not a valid IDF: %w", job.Model, err)
	}
	if len(model.Macros) > 0 {
		return nil, nil, fmt.Errorf("model %s uses macro lines (%s at line %d): run it through EPMacro first", job.Model, model.Macros[0].Text, model.Macros[0].Line)
	}
	// The app fully validated the weather file at import (its copy is immutable); here the
	// header line is enough to catch a wrong file without re-reading 8,760 rows per run.
	if err := checkEPWHeader(job.Weather); err != nil {
		return nil, nil, err
	}
	runCopy, _, err := idf.PrepareRunCopy(src)
	if err != nil {
		return nil, nil, fmt.Errorf("model %s: %w", job.Model, err)
	}
	if err := os.RemoveAll(job.Dir); err != nil {
		return nil, nil, fmt.Errorf("clean run directory %s: %w", job.Dir, err)
	}
	if err := os.MkdirAll(job.Dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("create run directory %s: %w", job.Dir, err)
	}
	if err := os.WriteFile(filepath.Join(job.Dir, "in.idf"), runCopy, 0o644); err != nil {
		return nil, nil, fmt.Errorf("write run copy: %w", err)
	}
	summary := idf.Summarize(model)
	weather, err := filepath.Abs(job.Weather)
	if err != nil {
		return nil, nil, fmt.Errorf("weather file %s: %w", job.Weather, err)
	}
	dir, err := filepath.Abs(job.Dir)
	if err != nil {
		return nil, nil, fmt.Errorf("run directory %s: %w", job.Dir, err)
	}
	args := []string{"-w", weather, "-d", dir}
	envs := summary.Environments(job.ForceAnnual)
	switch {
	case job.ForceAnnual && job.DesignDaysOnly:
		return nil, nil, errors.New("a run cannot be both annual (-a) and design days only (-D)")
	case job.ForceAnnual:
		args = append(args, "-a")
	case job.DesignDaysOnly:
		args = append(args, "-D")
		envs = designDayEnvironments(summary)
	}
	if summary.HasHVACTemplate {
		args = append(args, "-x")
	}
	args = append(args, "in.idf")
	return args, envs, nil
}

// triage gives the run exactly one final status. Success needs both exit code 0 and the
// "Completed Successfully" end line (eplusout.end, or the closing line of eplusout.err);
// severe errors in a completed run are reported, not failed.
func triage(ctx context.Context, job Job, exit ExitInfo, stdoutFatal, lastLine string) Outcome {
	out := Outcome{ExitCode: exit.ExitCode, Signal: exit.Signal}
	es, errFileErr := ParseErrFile(filepath.Join(job.Dir, "eplusout.err"))
	out.Warnings, out.Severe, out.LastSevere = es.Warnings, es.Severe, es.LastSevere
	completed := es.Completed
	if end, err := ParseEndFile(filepath.Join(job.Dir, "eplusout.end")); err == nil {
		completed = end.Completed
		out.Warnings, out.Severe = end.Warnings, end.Severe
	}

	switch {
	case errors.Is(context.Cause(ctx), ErrCancelled):
		out.Status, out.Message = StatusCancelled, "cancelled by the user"
		return out
	case errors.Is(context.Cause(ctx), context.DeadlineExceeded):
		out.Status = StatusTimedOut
		out.Message = fmt.Sprintf("stopped after the time limit of %s; last line: %s", job.Timeout, lastLine)
		return out
	case errors.Is(context.Cause(ctx), errStalled):
		out.Status = StatusHung
		out.Message = fmt.Sprintf("no output and no growth of eplusout.err or eplusout.sql for %s: killed; last line: %s", job.StallAfter, lastLine)
		return out
	case exit.Err != nil:
		out.Status, out.Message = StatusCrashed, exit.Err.Error()
		return out
	case exit.ExitCode == 0 && completed:
		out.Status = StatusSucceeded
		if es.Severe > 0 {
			out.Status = StatusSucceededSevere
			out.Message = es.FirstSevere
		}
	case es.FirstFatal != "" || stdoutFatal != "":
		out.Status = StatusFatal
		out.Message = es.FirstFatal
		if out.Message == "" {
			out.Message = stdoutFatal
		}
		return out
	case exit.Signal != "":
		out.Status, out.Message = StatusCrashed, fmt.Sprintf("EnergyPlus was killed by signal %s; last line: %s", exit.Signal, lastLine)
		return out
	case errFileErr != nil:
		out.Status, out.Message = StatusCrashed, fmt.Sprintf("EnergyPlus exited with code %d and wrote no eplusout.err; last line: %s", exit.ExitCode, lastLine)
		return out
	default:
		out.Status, out.Message = StatusCrashed, fmt.Sprintf("EnergyPlus exited with code %d without an end line or a fatal message; last line: %s", exit.ExitCode, lastLine)
		return out
	}

	res, err := ReadResults(filepath.Join(job.Dir, "eplusout.sql"))
	if err != nil {
		// The engine succeeded but we cannot read its results: say so instead of pretending.
		out.Message = strings.TrimSpace(out.Message + "; results: " + err.Error())
	}
	out.Results = res
	return out
}

func checkEPWHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("weather file %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 9)
	n, _ := io.ReadFull(f, head)
	if !bytes.HasPrefix(bytes.TrimPrefix(head[:n], []byte("\xef\xbb\xbf")), []byte("LOCATION,")) {
		return fmt.Errorf("weather file %s is not an EPW weather file: its first line does not start with LOCATION", path)
	}
	return nil
}

func designDayEnvironments(s idf.Summary) []idf.Environment {
	var envs []idf.Environment
	for _, d := range s.DesignDays {
		envs = append(envs, idf.Environment{Name: d.Name, Kind: idf.KindDesignDay, Days: 1})
	}
	return append(envs, s.WeatherSizingPeriods...)
}
