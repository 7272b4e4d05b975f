// Package app is EPSM's facade: Core ties the store and the runner together and pushes events
// through an Emitter; App is the small set of methods the Wails UI calls. The one file that
// touches the Wails runtime is desktop.go; the CLI drives Core directly.
package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"epsm/examples"
	"epsm/runner"
	"epsm/sim"
	"epsm/store"
)

// Config says where Core keeps its data and how it reports.
type Config struct {
	DataDir string  // "" means store.DefaultDir()
	Workers int     // <= 0 means one per core
	Emitter Emitter // nil means events are dropped
	Log     *slog.Logger
	// RequeueUnfinished re-queues, on Open, the runs a previous session left queued or running
	// (the desktop app does; the CLI takes only its own runs back, through the run cache).
	RequeueUnfinished bool
	// WatchSources watches the user's original files and marks models whose file changed.
	WatchSources bool
	// Discover overrides engine discovery (tests); nil uses runner.Discover.
	Discover func(ctx context.Context, o runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate)
}

// Core is the running application without a window.
type Core struct {
	log      *slog.Logger
	store    *store.Store
	emit     Emitter
	throttle *progressThrottle
	pool     *runner.Pool

	discover func(ctx context.Context, o runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate)

	mu         sync.Mutex
	engines    []sim.Engine
	candidates []runner.Candidate
	engine     sim.Engine
	finished   *sync.Cond // broadcast whenever a run reaches a final status
	closing    bool
	settings   Settings
	sources    *sourceWatcher
	lastStatus map[int64]sim.Status // per running job, to persist transitions only

	// finishedGen counts the broadcasts of finished, so Wait can read the store without
	// holding mu and still not miss one.
	finishedGen uint64
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
	c := &Core{log: cfg.Log, store: st, emit: cfg.Emitter, throttle: newProgressThrottle(cfg.Emitter, progressInterval)}
	c.finished = sync.NewCond(&c.mu)
	c.lastStatus = map[int64]sim.Status{}

	c.discover = cfg.Discover
	if c.discover == nil {
		c.discover = runner.Discover
	}
	if _, err := c.RediscoverEngines(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if c.settings, err = c.loadSettings(); err != nil {
		st.Close()
		return nil, err
	}
	workers := c.settings.Workers
	if cfg.Workers > 0 {
		workers = cfg.Workers
	}
	r := &runner.Runner{Log: c.log}
	c.pool = runner.NewPool(r, workers, c.onUpdate, c.onDone)
	if cfg.RequeueUnfinished {
		if err := c.requeueUnfinished(); err != nil {
			c.Close()
			return nil, err
		}
	}
	if cfg.WatchSources {
		c.sources = c.watchSources()
	}
	return c, nil
}

// Close stops the workers and closes the store. Runs still going are left unfinished in the
// store and re-queued by the next Open.
func (c *Core) Close() {
	c.mu.Lock()
	c.closing = true
	c.mu.Unlock()
	if c.sources != nil {
		c.sources.stop()
	}
	c.pool.Close()
	c.store.Close()
}

// Store gives read access to stored data.
func (c *Core) Store() *store.Store { return c.store }

// Engine is the engine runs use; Path is empty when none was found.
func (c *Core) Engine() sim.Engine {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.engine
}

// EngineStatus describes the engines found and where discovery looked.
type EngineStatus struct {
	Engine     *sim.Engine        `json:"engine"` // nil when none was found
	Engines    []sim.Engine       `json:"engines"`
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
	engines, cands := c.discover(ctx, runner.DiscoverOptions{SettingsPath: settingsPath, Known: c.knownEngine, Probed: c.rememberEngine})
	c.mu.Lock()
	c.engines, c.candidates = engines, cands
	c.engine = sim.Engine{}
	if len(engines) > 0 {
		c.engine = engines[0]
		c.log.Info("EnergyPlus found", "path", c.engine.Path, "version", c.engine.Version, "source", c.engine.Source)
	} else {
		c.log.Warn("no EnergyPlus engine found", "looked_at", len(cands))
	}
	c.mu.Unlock()
	return c.EngineStatus(), nil
}

const settingProbePrefix = "engine.probe:"

func (c *Core) knownEngine(path string) (runner.ProbeRecord, bool) {
	raw, ok, err := c.store.Setting(settingProbePrefix + path)
	if err != nil || !ok {
		return runner.ProbeRecord{}, false
	}
	var rec runner.ProbeRecord
	if json.Unmarshal([]byte(raw), &rec) != nil {
		return runner.ProbeRecord{}, false
	}
	return rec, true
}

func (c *Core) rememberEngine(rec runner.ProbeRecord) {
	js, _ := json.Marshal(rec)
	if err := c.store.SetSetting(settingProbePrefix+rec.Engine.Path, string(js)); err != nil {
		c.log.Warn("remember engine", "path", rec.Engine.Path, "err", err)
	}
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
			if me := (*store.MacroFileError)(nil); errors.As(err, &me) {
				m, created, err = c.importMacroFile(me)
			}
			switch {
			case err != nil:
				rep.Errors = append(rep.Errors, ImportError{Path: p, Message: err.Error()})
			case !created:
				rep.Duplicates = append(rep.Duplicates, p)
				rep.Models = append(rep.Models, m)
			default:
				rep.Models = append(rep.Models, m)
				c.watch(m.OriginalPath)
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
				c.watch(w.OriginalPath)
			}
		default:
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("%s: not an EnergyPlus model (.idf, .imf) or weather file (.epw)", filepath.Base(p))})
		}
	}
	return rep
}

// expandFolders replaces each folder by the IDF, IMF and EPW files directly inside it, keeping the
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
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("the folder %s cannot be read: %v", p, err)})
			continue
		}
		found := false
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".idf" || ext == ".imf" || ext == ".epw") {
				out = append(out, filepath.Join(p, e.Name()))
				found = true
			}
		}
		if !found {
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("%s is a folder with no model (.idf, .imf) or weather file (.epw) directly inside it", p)})
		}
	}
	return out
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
