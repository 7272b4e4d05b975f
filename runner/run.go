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

	"epsm/clock"
	"epsm/eplusout"
	"epsm/idf"
	"epsm/internal/removeall"
	"epsm/launch"
	"epsm/sim"
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
	Engine         sim.Engine // the engine for this job; the Runner's when empty
	// Timeout is the wall-clock limit (0: none). StallAfter kills a run that printed no line and
	// grew neither eplusout.err nor eplusout.sql for that long (0: no watchdog).
	Timeout    time.Duration
	StallAfter time.Duration
}

// Update is a change in a running job, sent to the caller's callback.
type Update struct {
	JobID    int64        `json:"jobId"`
	Status   sim.Status   `json:"status"`
	Progress sim.Progress `json:"progress"`
	Warnings int          `json:"warnings"`
	Severe   int          `json:"severe"`
	LastLine string       `json:"lastLine"`
	// Process is set once, in the first update after the engine started: the caller records
	// it so that after a crash of the app launch.StopSurvivor can end an engine that outlived
	// it (and only that engine, not a process that reuses its pid).
	Process *launch.Identity `json:"process,omitempty"`
}

// Runner runs jobs.
type Runner struct {
	Engine sim.Engine // default engine for jobs that name none
	Log    *slog.Logger
	// Clock drives the stall watchdog; nil is the system clock.
	Clock clock.Clock
}

// ErrCancelled is the cause to pass to a job's context when the user cancels it.
var ErrCancelled = errors.New("cancelled by the user")

// errStalled is the cause the watchdog cancels a silent run with.
var errStalled = errors.New("stalled")

// Run runs one job to its end. It never returns without a final status. Cancelling ctx with
// cause ErrCancelled marks the run Cancelled; a timeout marks it Timed out.
func (r *Runner) Run(ctx context.Context, job Job, report func(Update)) sim.Outcome {
	start := time.Now()
	log := r.logger().With("job", job.ID)
	report(Update{JobID: job.ID, Status: sim.StatusPreparing})

	engine := r.Engine
	if job.Engine.Path != "" {
		engine = job.Engine
	}
	plan, err := prepare(job, engine)
	if err != nil {
		log.Info("run refused before the engine started", "err", err)
		out := sim.Outcome{Status: sim.StatusInputError, Kind: sim.KindOf(err), Message: err.Error(), ExitCode: -1, Elapsed: time.Since(start)}
		if out.Kind == sim.KindDiskFull {
			// Not the user's input: the run copy could not be written.
			out.Status, out.Message = sim.StatusCrashed, "disk full: "+out.Message
		}
		return out
	}
	args, envs := plan.args, plan.envs

	if job.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, job.Timeout, context.DeadlineExceeded)
		defer cancel()
	}
	ctx, stall := context.WithCancelCause(ctx)
	defer stall(nil)
	activity := newActivity(r.clock())
	if job.StallAfter > 0 {
		activity.watch(ctx, job.StallAfter, filepath.Join(job.Dir, "eplusout.sql"), func() { stall(errStalled) })
	}
	// The line reader and the err-file watcher both report; mu keeps their view consistent.
	var mu sync.Mutex
	tracker := NewProgressTracker(envs)
	var lastLine, stdoutFatal, noSpaceLine string
	var warnings, severe int
	var started *launch.Identity // sent once, then nil
	send := func() {
		report(Update{JobID: job.ID, Status: sim.StatusRunning, Progress: tracker.Progress(), Warnings: warnings, Severe: severe, LastLine: lastLine, Process: started})
		started = nil
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
	cmd := launch.Command{Path: engine.Path, Args: args, Dir: job.Dir}
	cmd.OnStart = func(id launch.Identity) {
		log.Info("engine started", "pid", id.PID)
		mu.Lock()
		defer mu.Unlock()
		started = &id
		send()
	}
	cmd.OnLine = func(line string) {
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
	}
	exit := launch.Run(ctx, cmd)
	watch.stop()

	report(Update{JobID: job.ID, Status: sim.StatusCollecting, Progress: tracker.Progress(), LastLine: lastLine})
	out := triage(ctx, job, exit, stdoutFatal, lastLine)
	checkDiskFull(&out, job.Dir, noSpaceLine)
	checkVersionMismatch(&out, plan.modelVersion, engine)
	out.Elapsed = time.Since(start)
	out.Progress = tracker.Finish(out.Status.Succeeded())
	log.Info("run ended", "status", out.Status, "message", out.Message, "elapsed", out.Elapsed)
	return out
}

func (r *Runner) clock() clock.Clock {
	if r.Clock != nil {
		return r.Clock
	}
	return clock.System()
}

func (r *Runner) logger() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.Default()
}

// prepare checks the inputs and writes the run copy of the model. Any error here is the user's
// input, caught before EnergyPlus starts.
func prepare(job Job, engine sim.Engine) (runPlan, error) {
	if engine.Path == "" {
		return runPlan{}, sim.Fail(sim.KindEngineMissing, ErrNoEngine)
	}
	if _, err := os.Stat(engine.Path); err != nil {
		return runPlan{}, sim.Fail(sim.KindEngineMissing, fmt.Errorf("EnergyPlus engine %s: %w", engine.Path, err))
	}
	src, err := os.ReadFile(job.Model)
	if err != nil {
		return runPlan{}, inputError("model %s: %w", job.Model, err)
	}
	model, err := idf.Parse(src)
	if err != nil {
		return runPlan{}, inputError("model %s is not a valid IDF: %w", job.Model, err)
	}
	if len(model.Macros) > 0 {
		return runPlan{}, inputError("model %s uses macro lines (%s at line %d): run it through EPMacro first", job.Model, model.Macros[0].Text, model.Macros[0].Line)
	}
	// The app fully validated the weather file at import (its copy is immutable); here the
	// header line is enough to catch a wrong file without re-reading 8,760 rows per run.
	if err := checkEPWHeader(job.Weather); err != nil {
		return runPlan{}, inputError("%w", err)
	}
	runCopy, _, err := idf.PrepareRunCopy(src)
	if err != nil {
		return runPlan{}, inputError("model %s: %w", job.Model, err)
	}
	if err := removeall.RemoveAll(job.Dir); err != nil {
		return runPlan{}, inputError("clean run directory %s: %w", job.Dir, err)
	}
	if err := os.MkdirAll(job.Dir, 0o755); err != nil {
		return runPlan{}, inputError("create run directory %s: %w", job.Dir, err)
	}
	if err := os.WriteFile(filepath.Join(job.Dir, "in.idf"), runCopy, 0o644); err != nil {
		return runPlan{}, inputError("write run copy: %w", err)
	}
	summary := idf.Summarize(model)
	weather, err := filepath.Abs(job.Weather)
	if err != nil {
		return runPlan{}, inputError("weather file %s: %w", job.Weather, err)
	}
	dir, err := filepath.Abs(job.Dir)
	if err != nil {
		return runPlan{}, inputError("run directory %s: %w", job.Dir, err)
	}
	args := []string{"-w", weather, "-d", dir}
	envs := summary.Environments(job.ForceAnnual)
	switch {
	case job.ForceAnnual && job.DesignDaysOnly:
		return runPlan{}, inputError("a run cannot be both annual (-a) and design days only (-D)")
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
	return runPlan{args: args, envs: envs, modelVersion: summary.Version}, nil
}

// runPlan is what prepare worked out for the engine: its arguments, the environments whose days
// measure progress, and the model's Version, which explains a failure on another engine.
type runPlan struct {
	args         []string
	envs         []idf.Environment
	modelVersion string
}

// inputError is a refusal of the user's input, or a disk that could not take the run copy.
func inputError(format string, a ...any) error {
	err := fmt.Errorf(format, a...)
	if isNoSpace(err) {
		return sim.Fail(sim.KindDiskFull, err)
	}
	return sim.Fail(sim.KindInputError, err)
}

// triage gives the run exactly one final status. Success needs both exit code 0 and the
// "Completed Successfully" end line (eplusout.end, or the closing line of eplusout.err);
// severe errors in a completed run are reported, not failed.
func triage(ctx context.Context, job Job, exit launch.Exit, stdoutFatal, lastLine string) sim.Outcome {
	out := sim.Outcome{ExitCode: exit.Code, Signal: exit.Signal}
	es, errFileErr := eplusout.ParseErrFile(filepath.Join(job.Dir, "eplusout.err"))
	out.Warnings, out.Severe, out.FirstSevere, out.LastSevere = es.Warnings, es.Severe, es.FirstSevere, es.LastSevere
	completed := es.Completed
	if end, err := eplusout.ParseEndFile(filepath.Join(job.Dir, "eplusout.end")); err == nil {
		completed = end.Completed
		out.Warnings, out.Severe = end.Warnings, end.Severe
	}

	switch {
	case errors.Is(context.Cause(ctx), ErrCancelled):
		out.Status, out.Kind, out.Message = sim.StatusCancelled, sim.KindCancelled, "cancelled by the user"
		return out
	case errors.Is(context.Cause(ctx), context.DeadlineExceeded):
		out.Status, out.Kind = sim.StatusTimedOut, sim.KindTimeLimit
		out.Message = fmt.Sprintf("stopped after the time limit of %s; last line: %s", job.Timeout, lastLine)
		return out
	case errors.Is(context.Cause(ctx), errStalled):
		out.Status, out.Kind = sim.StatusHung, sim.KindStalled
		out.Message = fmt.Sprintf("no output and no growth of eplusout.err or eplusout.sql for %s: killed; last line: %s", job.StallAfter, lastLine)
		return out
	case exit.Err != nil:
		out.Status, out.Kind, out.Message = sim.StatusCrashed, sim.KindOf(exit.Err), exit.Err.Error()
		if out.Kind == sim.KindNone {
			out.Kind = sim.KindEngineCrash
		}
		return out
	case exit.Code == 0 && completed:
		out.Status = sim.StatusSucceeded
		if es.Severe > 0 {
			out.Status, out.Kind = sim.StatusSucceededSevere, sim.KindSevereErrors
			out.Message = es.FirstSevere
		}
	case es.FirstFatal != "" || stdoutFatal != "":
		out.Status, out.Kind = sim.StatusFatal, sim.KindModelFatal
		out.Message = es.FirstFatal
		if out.Message == "" {
			out.Message = stdoutFatal
		}
		return out
	case exit.Signal != "":
		out.Status, out.Kind, out.Message = sim.StatusCrashed, sim.KindEngineCrash, fmt.Sprintf("EnergyPlus was killed by signal %s; last line: %s", exit.Signal, lastLine)
		return out
	case errFileErr != nil:
		out.Status, out.Kind, out.Message = sim.StatusCrashed, sim.KindEngineCrash, fmt.Sprintf("EnergyPlus exited with code %d and wrote no eplusout.err; last line: %s", exit.Code, lastLine)
		return out
	default:
		out.Status, out.Kind, out.Message = sim.StatusCrashed, sim.KindEngineCrash, fmt.Sprintf("EnergyPlus exited with code %d without an end line or a fatal message; last line: %s", exit.Code, lastLine)
		return out
	}

	res, err := eplusout.ReadResults(filepath.Join(job.Dir, "eplusout.sql"))
	if err != nil {
		// The engine succeeded but we cannot read its results: say so instead of pretending.
		out.Message = strings.TrimSpace(out.Message + "; results: " + err.Error())
		if out.Kind == sim.KindNone {
			out.Kind = sim.KindResultsUnreadable
		}
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

// checkVersionMismatch names the likely cause of a model that failed on an engine of another
// version: EnergyPlus itself only says "Errors occurred on processing input file" and lists
// fields it does not know. The first severe error stays in FirstSevere.
func checkVersionMismatch(out *sim.Outcome, modelVersion string, engine sim.Engine) {
	if out.Status != sim.StatusFatal && out.Status != sim.StatusCrashed {
		return
	}
	if out.Kind == sim.KindDiskFull || modelVersion == "" || sim.MajorMinor(modelVersion) == engine.MajorMinor() {
		return
	}
	out.Kind = sim.KindVersionMismatch
	out.Message = VersionMismatchAdvice(modelVersion, engine)
}

// VersionMismatchAdvice says in one sentence which versions differ and what to do.
func VersionMismatchAdvice(modelVersion string, engine sim.Engine) string {
	mv := sim.MajorMinor(modelVersion)
	return fmt.Sprintf("The model is written for EnergyPlus %s but ran on EnergyPlus %s: transition it to %s "+
		"(IDFVersionUpdater, part of a full EnergyPlus install from energyplus.net) or choose an EnergyPlus %s engine in Settings.",
		mv, engine.Version, engine.MajorMinor(), mv)
}
