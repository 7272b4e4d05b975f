// Package app is EPSM's facade: Core ties the store and the runner together and pushes events
// through an Emitter; App is the small set of methods the Wails UI calls. The one file that
// touches the Wails runtime is desktop.go; the CLI drives Core directly.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"epsm/examples"
	"epsm/runner"
	"epsm/store"
)

// Config says where Core keeps its data and how it reports.
type Config struct {
	DataDir string  // "" means store.DefaultDir()
	Workers int     // <= 0 means one per core
	Emitter Emitter // nil means events are dropped
	Log     *slog.Logger
	// Discover overrides engine discovery (tests); nil uses runner.Discover.
	Discover func(ctx context.Context, o runner.DiscoverOptions) ([]runner.Engine, []runner.Candidate)
}

// Core is the running application without a window.
type Core struct {
	log      *slog.Logger
	store    *store.Store
	throttle *progressThrottle
	pool     *runner.Pool

	discover func(ctx context.Context, o runner.DiscoverOptions) ([]runner.Engine, []runner.Candidate)

	mu         sync.Mutex
	engines    []runner.Engine
	candidates []runner.Candidate
	engine     runner.Engine
	finished   *sync.Cond // broadcast whenever a run reaches a final status
	closing    bool
}

// settingEnginePath is the settings key of the engine the user chose.
const settingEnginePath = "engine.path"

// Open opens the data folder, finds the engines, starts the worker pool and re-queues runs
// that were queued or running when the app last stopped.
func Open(ctx context.Context, cfg Config) (*Core, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Emitter == nil {
		cfg.Emitter = EmitterFunc(func(EventName, any) {})
	}
	if cfg.DataDir == "" {
		d, err := store.DefaultDir()
		if err != nil {
			return nil, err
		}
		cfg.DataDir = d
	}
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	c := &Core{log: cfg.Log, store: st, throttle: newProgressThrottle(cfg.Emitter, progressInterval)}
	c.finished = sync.NewCond(&c.mu)

	c.discover = cfg.Discover
	if c.discover == nil {
		c.discover = runner.Discover
	}
	if _, err := c.RediscoverEngines(ctx); err != nil {
		st.Close()
		return nil, err
	}
	r := &runner.Runner{Log: c.log}
	c.pool = runner.NewPool(r, cfg.Workers, c.onUpdate, c.onDone)
	if err := c.requeueUnfinished(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// Close stops the workers and closes the store. Runs still going are left unfinished in the
// store and re-queued by the next Open.
func (c *Core) Close() {
	c.mu.Lock()
	c.closing = true
	c.mu.Unlock()
	c.pool.Close()
	c.store.Close()
}

// Store gives read access to stored data.
func (c *Core) Store() *store.Store { return c.store }

// Engine is the engine runs use; Path is empty when none was found.
func (c *Core) Engine() runner.Engine {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.engine
}

// EngineStatus describes the engines found and where discovery looked.
type EngineStatus struct {
	Engine     *runner.Engine     `json:"engine"` // nil when none was found
	Engines    []runner.Engine    `json:"engines"`
	Candidates []runner.Candidate `json:"candidates"`
	Help       string             `json:"help"`
}

// EngineStatus reports the engines for the UI and the CLI.
func (c *Core) EngineStatus() EngineStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := EngineStatus{Engines: c.engines, Candidates: c.candidates}
	if c.engine.Path != "" {
		e := c.engine
		s.Engine = &e
	} else {
		s.Help = runner.ErrNoEngine.Error()
	}
	return s
}

// RediscoverEngines looks for engines again (the user installed one, or changed the setting).
// Runs already queued keep the engine they were queued with.
func (c *Core) RediscoverEngines(ctx context.Context) (EngineStatus, error) {
	settingsPath, _, err := c.store.Setting(settingEnginePath)
	if err != nil {
		return EngineStatus{}, err
	}
	engines, cands := c.discover(ctx, runner.DiscoverOptions{SettingsPath: settingsPath})
	c.mu.Lock()
	c.engines, c.candidates = engines, cands
	c.engine = runner.Engine{}
	if len(engines) > 0 {
		c.engine = engines[0]
		c.log.Info("EnergyPlus found", "path", c.engine.Path, "version", c.engine.Version, "source", c.engine.Source)
	} else {
		c.log.Warn("no EnergyPlus engine found", "looked_at", len(cands))
	}
	c.mu.Unlock()
	return c.EngineStatus(), nil
}

// SetEnginePath makes path the preferred engine after checking that it answers --version; an
// empty path removes the preference.
func (c *Core) SetEnginePath(ctx context.Context, path string) (EngineStatus, error) {
	if path != "" {
		if !filepath.IsAbs(path) {
			return EngineStatus{}, fmt.Errorf("engine path %q must be absolute", path)
		}
		if _, err := runner.Probe(ctx, path); err != nil {
			return EngineStatus{}, fmt.Errorf("%s is not a working EnergyPlus: %w", path, err)
		}
	}
	if err := c.store.SetSetting(settingEnginePath, path); err != nil {
		return EngineStatus{}, err
	}
	return c.RediscoverEngines(ctx)
}

// Import imports IDF and EPW files (and every IDF and EPW directly inside a given folder),
// file by file: one bad file never stops the others.
func (c *Core) Import(paths []string) ImportReport {
	var rep ImportReport
	for _, p := range expandFolders(paths, &rep) {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".idf", ".imf":
			m, created, err := c.store.ImportModel(p)
			switch {
			case err != nil:
				rep.Errors = append(rep.Errors, ImportError{Path: p, Message: err.Error()})
			case !created:
				rep.Duplicates = append(rep.Duplicates, p)
				rep.Models = append(rep.Models, m)
			default:
				rep.Models = append(rep.Models, m)
			}
		case ".epw":
			w, created, err := c.store.ImportWeather(p)
			switch {
			case err != nil:
				rep.Errors = append(rep.Errors, ImportError{Path: p, Message: err.Error()})
			case !created:
				rep.Duplicates = append(rep.Duplicates, p)
				rep.Weather = append(rep.Weather, w)
			default:
				rep.Weather = append(rep.Weather, w)
			}
		default:
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("%s: not an EnergyPlus model (.idf) or weather file (.epw)", filepath.Base(p))})
		}
	}
	return rep
}

// expandFolders replaces each folder by the IDF and EPW files directly inside it, keeping the
// order the user gave. Paths that cannot be read stay in the list: their import names the error.
func expandFolders(paths []string, rep *ImportReport) []string {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("read folder %s: %v", p, err)})
			continue
		}
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".idf" || ext == ".epw") {
				out = append(out, filepath.Join(p, e.Name()))
			}
		}
	}
	return out
}

// RunRequest asks for one run per model, all with the same weather file.
type RunRequest struct {
	ModelIDs    []int64 `json:"modelIds"`
	WeatherID   int64   `json:"weatherId"`
	ForceAnnual bool    `json:"forceAnnual"`
}

// StartRuns stores and queues the requested runs.
func (c *Core) StartRuns(req RunRequest) ([]store.Run, error) {
	if len(req.ModelIDs) == 0 {
		return nil, errors.New("choose at least one model to run")
	}
	w, err := c.store.Weather(req.WeatherID)
	if err != nil {
		return nil, fmt.Errorf("weather file %d: %w", req.WeatherID, err)
	}
	engine := c.Engine()
	if engine.Path == "" {
		return nil, runner.ErrNoEngine
	}
	var runs []store.Run
	var jobs []runner.Job
	for _, id := range req.ModelIDs {
		m, err := c.store.Model(id)
		if err != nil {
			return nil, fmt.Errorf("model %d: %w", id, err)
		}
		r, err := c.store.CreateRun(m.ID, w.ID, req.ForceAnnual, engine)
		if err != nil {
			return nil, err
		}
		runs = append(runs, r)
		jobs = append(jobs, runner.Job{ID: r.ID, Dir: r.Dir, Model: m.StoredPath, Weather: w.StoredPath, ForceAnnual: req.ForceAnnual, Engine: engine})
		c.throttle.status(RunStatus{Run: r}, false)
	}
	c.pool.Submit(jobs...)
	return runs, nil
}

// CancelRun stops a queued or running run.
func (c *Core) CancelRun(id int64) error {
	if !c.pool.Cancel(id) {
		return fmt.Errorf("run %d is not queued or running", id)
	}
	return nil
}

// Wait blocks until every run in ids has a final status or ctx ends.
func (c *Core) Wait(ctx context.Context, ids []int64) error {
	stop := context.AfterFunc(ctx, func() {
		c.mu.Lock()
		c.finished.Broadcast()
		c.mu.Unlock()
	})
	defer stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		pending := 0
		for _, id := range ids {
			r, err := c.store.Run(id)
			if err != nil {
				return err
			}
			if !r.Status.Final() {
				pending++
			}
		}
		if pending == 0 {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.finished.Wait()
	}
}

// RunDetails is a run with its results.
type RunDetails struct {
	Run     store.Run       `json:"run"`
	Results *runner.Results `json:"results"`
}

// RunDetails returns one run and its stored results (nil when it has none).
func (c *Core) RunDetails(id int64) (RunDetails, error) {
	r, err := c.store.Run(id)
	if err != nil {
		return RunDetails{}, fmt.Errorf("run %d: %w", id, err)
	}
	res, err := c.store.Results(id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return RunDetails{}, err
	}
	return RunDetails{Run: r, Results: res}, nil
}

func (c *Core) onUpdate(u runner.Update) {
	if u.Status != runner.StatusRunning {
		if err := c.store.SetRunState(u.JobID, u.Status, u.Progress); err != nil {
			c.log.Error("store run state", "run", u.JobID, "err", err)
		}
		if r, err := c.store.Run(u.JobID); err == nil {
			c.throttle.status(RunStatus{Run: r}, false)
		}
		return
	}
	c.throttle.progress(RunProgress{RunID: u.JobID, Status: u.Status, Progress: u.Progress, Warnings: u.Warnings, Severe: u.Severe, LastLine: u.LastLine})
}

func (c *Core) onDone(job runner.Job, out runner.Outcome) {
	c.mu.Lock()
	closing := c.closing
	c.mu.Unlock()
	if closing && out.Status == runner.StatusCancelled {
		// Killed because the app is quitting, not by the user: leave it unfinished so the next
		// start runs it again.
		return
	}
	if err := c.store.FinishRun(job.ID, out); err != nil {
		c.log.Error("store run outcome", "run", job.ID, "err", err)
	}
	if r, err := c.store.Run(job.ID); err == nil {
		c.throttle.status(RunStatus{Run: r}, true)
	}
	c.mu.Lock()
	c.finished.Broadcast()
	c.mu.Unlock()
}

func (c *Core) requeueUnfinished() error {
	runs, err := c.store.UnfinishedRuns()
	if err != nil {
		return err
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].ID < runs[j].ID })
	var jobs []runner.Job
	for _, r := range runs {
		m, err := c.store.Model(r.ModelID)
		if err != nil {
			return err
		}
		w, err := c.store.Weather(r.WeatherID)
		if err != nil {
			return err
		}
		if err := c.store.SetRunState(r.ID, runner.StatusQueued, runner.Progress{}); err != nil {
			return err
		}
		jobs = append(jobs, runner.Job{ID: r.ID, Dir: r.Dir, Model: m.StoredPath, Weather: w.StoredPath, ForceAnnual: r.ForceAnnual, Engine: c.Engine()})
	}
	if len(jobs) > 0 {
		c.log.Info("re-queued runs left unfinished by the last session", "count", len(jobs))
		c.pool.Submit(jobs...)
	}
	return nil
}

// ImportExample imports the bundled example model and weather file.
func (c *Core) ImportExample() ImportReport {
	model, weather, err := examples.WriteTo(filepath.Join(c.store.Dir(), "examples"))
	if err != nil {
		return ImportReport{Errors: []ImportError{{Path: "bundled example", Message: err.Error()}}}
	}
	return c.Import([]string{model, weather})
}

// ImportExampleIfEmpty gives a first-time user something to run.
func (c *Core) ImportExampleIfEmpty() {
	models, err := c.store.Models()
	if err != nil || len(models) > 0 {
		return
	}
	rep := c.ImportExample()
	for _, e := range rep.Errors {
		c.log.Error("import bundled example", "path", e.Path, "err", e.Message)
	}
}
