// Package settingsvc owns what the user sets once and every run depends on: the EnergyPlus
// engines (discovery, the chosen default, the engine for a model's version) and the queue's
// limits (workers, time limit, stall watchdog); plus what Help → About and Settings show of the
// app and its data folder. Service is the part the window calls.
package settingsvc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"path/filepath"
	"sync"
	"time"

	"epsm/runner"
	"epsm/sim"
	"epsm/store"
)

// DiscoverFunc finds engines (runner.Discover; tests pin it).
type DiscoverFunc func(ctx context.Context, o runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate)

// Settings holds the engines found and the queue limits, stored in the data folder.
type Settings struct {
	store    *store.Store
	log      *slog.Logger
	discover DiscoverFunc

	mu         sync.Mutex
	engines    []sim.Engine
	candidates []runner.Candidate
	engine     sim.Engine
	limits     QueueLimits
	onLimits   []func(QueueLimits)
}

// Open finds the engines and loads the queue limits.
func Open(ctx context.Context, st *store.Store, log *slog.Logger, discover DiscoverFunc) (*Settings, error) {
	if discover == nil {
		discover = runner.Discover
	}
	s := &Settings{store: st, log: log, discover: discover}
	if _, err := s.RediscoverEngines(ctx); err != nil {
		return nil, err
	}
	limits, err := s.loadLimits()
	if err != nil {
		return nil, err
	}
	s.limits = limits
	return s, nil
}

// settingEnginePath is the settings key of the engine the user chose.
const settingEnginePath = "engine.path"

// Engine is the default engine; Path is empty when none was found.
func (s *Settings) Engine() sim.Engine {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.engine
}

// EngineStatus describes the engines found and where discovery looked.
type EngineStatus struct {
	Engine     *sim.Engine        `json:"engine"` // nil when none was found
	Engines    []sim.Engine       `json:"engines"`
	Candidates []runner.Candidate `json:"candidates"`
	Help       string             `json:"help"`
}

// EngineStatus reports the engines for the window and the CLI.
func (s *Settings) EngineStatus() EngineStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := EngineStatus{Engines: s.engines, Candidates: s.candidates}
	if s.engine.Path != "" {
		e := s.engine
		st.Engine = &e
	} else {
		st.Help = runner.ErrNoEngine.Error()
	}
	return st
}

// RediscoverEngines looks for engines again (the user installed one, or changed the setting).
// Runs already queued keep the engine they were queued with.
func (s *Settings) RediscoverEngines(ctx context.Context) (EngineStatus, error) {
	settingsPath, _, err := s.store.Setting(settingEnginePath)
	if err != nil {
		return EngineStatus{}, err
	}
	engines, cands := s.discover(ctx, runner.DiscoverOptions{SettingsPath: settingsPath, Known: s.knownEngine, Probed: s.rememberEngine})
	s.mu.Lock()
	s.engines, s.candidates = engines, cands
	s.engine = sim.Engine{}
	if len(engines) > 0 {
		s.engine = engines[0]
		s.log.Info("EnergyPlus found", "path", s.engine.Path, "version", s.engine.Version, "source", s.engine.Source)
	} else {
		s.log.Warn("no EnergyPlus engine found", "looked_at", len(cands))
	}
	s.mu.Unlock()
	return s.EngineStatus(), nil
}

const settingProbePrefix = "engine.probe:"

func (s *Settings) knownEngine(path string) (runner.ProbeRecord, bool) {
	raw, ok, err := s.store.Setting(settingProbePrefix + path)
	if err != nil || !ok {
		return runner.ProbeRecord{}, false
	}
	var rec runner.ProbeRecord
	if json.Unmarshal([]byte(raw), &rec) != nil {
		return runner.ProbeRecord{}, false
	}
	return rec, true
}

func (s *Settings) rememberEngine(rec runner.ProbeRecord) {
	js, _ := json.Marshal(rec)
	if err := s.store.SetSetting(settingProbePrefix+rec.Engine.Path, string(js)); err != nil {
		s.log.Warn("remember engine", "path", rec.Engine.Path, "err", err)
	}
}

// SetEnginePath makes path the preferred engine after checking that it answers --version; an
// empty path removes the preference.
func (s *Settings) SetEnginePath(ctx context.Context, path string) (EngineStatus, error) {
	if path != "" {
		if !filepath.IsAbs(path) {
			return EngineStatus{}, fmt.Errorf("engine path %q must be absolute", path)
		}
		if _, err := runner.Probe(ctx, path); err != nil {
			return EngineStatus{}, fmt.Errorf("%s is not a working EnergyPlus: %w", path, err)
		}
	}
	if err := s.store.SetSetting(settingEnginePath, path); err != nil {
		return EngineStatus{}, err
	}
	return s.RediscoverEngines(ctx)
}

// EngineFor picks the engine whose version matches a model's Version object; otherwise the
// default, with a one-line warning the window shows next to the run.
func (s *Settings) EngineFor(modelVersion string) (sim.Engine, string) {
	s.mu.Lock()
	engines, def := s.engines, s.engine
	s.mu.Unlock()
	v := sim.MajorMinor(modelVersion)
	if def.MajorMinor() == v {
		return def, ""
	}
	for _, e := range engines {
		if e.MajorMinor() == v {
			return e, ""
		}
	}
	return def, fmt.Sprintf("Written for EnergyPlus %s; runs on %s (no %s engine installed).", v, def.Version, v)
}

// QueueLimits are the queue's limits, stored in the database.
type QueueLimits struct {
	Workers        int     `json:"workers"`        // parallel runs; 0 = one per core
	TimeoutMinutes float64 `json:"timeoutMinutes"` // wall-clock limit per run; 0 = none
	StallSeconds   float64 `json:"stallSeconds"`   // kill a run silent this long; 0 = never
}

// DefaultQueueLimits: a silent EnergyPlus for 10 minutes is hung on any model we know; no
// wall-clock limit, since big annual models legitimately run for hours.
func DefaultQueueLimits() QueueLimits {
	return QueueLimits{Workers: runner.DefaultWorkers(), StallSeconds: 600}
}

// Timeout is the per-run wall-clock limit (0: none).
func (l QueueLimits) Timeout() time.Duration {
	return time.Duration(l.TimeoutMinutes * float64(time.Minute))
}

// Stall is how long a run may stay silent before the watchdog stops it (0: never).
func (l QueueLimits) Stall() time.Duration {
	return time.Duration(l.StallSeconds * float64(time.Second))
}

// The largest limits SaveQueueLimits accepts: far beyond any EnergyPlus run, far below overflow.
const (
	maxTimeoutMinutes = 7 * 24 * 60
	maxStallSeconds   = 24 * 60 * 60
)

// Validate names the first value that cannot be used.
func (l QueueLimits) Validate() error {
	if l.Workers < 0 || l.Workers > 256 {
		return fmt.Errorf("workers must be between 1 and 256 (0 = one per core), not %d", l.Workers)
	}
	if l.TimeoutMinutes < 0 || l.StallSeconds < 0 {
		return errors.New("time limits cannot be negative (0 means no limit)")
	}
	// NaN passes the comparisons above, and a huge float overflows time.Duration into a
	// negative limit that would kill every run at once.
	if math.IsNaN(l.TimeoutMinutes) || !(l.TimeoutMinutes <= maxTimeoutMinutes) {
		return fmt.Errorf("a time limit of %g minutes is not a number of minutes up to %d (a week); 0 means no limit", l.TimeoutMinutes, maxTimeoutMinutes)
	}
	if math.IsNaN(l.StallSeconds) || !(l.StallSeconds <= maxStallSeconds) {
		return fmt.Errorf("a stall limit of %g s is not a number of seconds up to %d (a day); 0 means never", l.StallSeconds, maxStallSeconds)
	}
	if l.StallSeconds > 0 && l.StallSeconds < 5 {
		return fmt.Errorf("a stall limit of %g s would kill healthy runs: use at least 5 s, or 0 for none", l.StallSeconds)
	}
	return nil
}

const settingQueue = "queue"

func (s *Settings) loadLimits() (QueueLimits, error) {
	l := DefaultQueueLimits()
	raw, ok, err := s.store.Setting(settingQueue)
	if err != nil || !ok {
		return l, err
	}
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		s.log.Warn("ignoring unreadable queue settings", "err", err)
		return DefaultQueueLimits(), nil
	}
	return l, nil
}

// QueueLimits returns the queue's limits.
func (s *Settings) QueueLimits() QueueLimits {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limits
}

// OnQueueLimits calls f whenever the limits change (the queue resizes its pool).
func (s *Settings) OnQueueLimits(f func(QueueLimits)) {
	s.mu.Lock()
	s.onLimits = append(s.onLimits, f)
	s.mu.Unlock()
}

// SaveQueueLimits validates and stores the limits; a new worker count applies at once.
func (s *Settings) SaveQueueLimits(l QueueLimits) (QueueLimits, error) {
	if err := l.Validate(); err != nil {
		return s.QueueLimits(), err
	}
	if l.Workers == 0 {
		l.Workers = runner.DefaultWorkers()
	}
	js, _ := json.Marshal(l)
	if err := s.store.SetSetting(settingQueue, string(js)); err != nil {
		return s.QueueLimits(), err
	}
	s.mu.Lock()
	s.limits = l
	subs := append([]func(QueueLimits){}, s.onLimits...)
	s.mu.Unlock()
	for _, f := range subs {
		f(l)
	}
	return l, nil
}
