package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"epsm/runner"
	"epsm/sim"
	"epsm/store"
)

// RunRequest asks for one run per model and weather file (every model with every weather).
type RunRequest struct {
	ModelIDs    []int64 `json:"modelIds"`
	WeatherID   int64   `json:"weatherId"`  // one weather file, or
	WeatherIDs  []int64 `json:"weatherIds"` // several
	ForceAnnual bool    `json:"forceAnnual"`
	// DesignDaysOnly runs only the sizing periods (EnergyPlus -D), a quick check.
	DesignDaysOnly bool `json:"designDaysOnly"`
	// Force runs even when an identical run already succeeded (no answer from the cache).
	Force bool   `json:"force"`
	Name  string `json:"name"` // the batch's name; a default is made from the models
	// known are results from elsewhere (an imported study file) by run key: a run whose key is
	// here is stored finished with them instead of queued. Not settable from the window.
	known map[string]sim.Outcome
}

// StartRuns stores a batch and queues its runs. A run identical to one that already succeeded
// is answered from the store at once (status of the original, CachedFrom set) unless Force;
// one identical to a run that is still unfinished (queued by a process that died) takes that
// run back instead of adding another.
func (c *Core) StartRuns(req RunRequest) ([]store.Run, error) {
	if len(req.ModelIDs) == 0 {
		return nil, errors.New("choose at least one model to run")
	}
	weatherIDs := req.WeatherIDs
	if len(weatherIDs) == 0 && req.WeatherID != 0 {
		weatherIDs = []int64{req.WeatherID}
	}
	if len(weatherIDs) == 0 {
		return nil, errors.New("choose a weather file")
	}
	c.mu.Lock()
	engines, def, settings := c.engines, c.engine, c.settings
	c.mu.Unlock()
	if def.Path == "" {
		return nil, runner.ErrNoEngine
	}
	var models []store.Model
	for _, id := range req.ModelIDs {
		m, err := c.store.Model(id)
		if err != nil {
			return nil, fmt.Errorf("model %d: %w", id, err)
		}
		models = append(models, m)
	}
	var weathers []store.Weather
	for _, id := range weatherIDs {
		w, err := c.store.Weather(id)
		if err != nil {
			return nil, fmt.Errorf("weather file %d: %w", id, err)
		}
		weathers = append(weathers, w)
	}
	name := req.Name
	if name == "" {
		name = batchName(models, weathers)
	}
	batch, err := c.store.CreateBatch(name)
	if err != nil {
		return nil, err
	}
	active := map[int64]bool{}
	snap := c.pool.Snapshot()
	for _, id := range append(snap.Queued, snap.Running...) {
		active[id] = true
	}

	var runs []store.Run
	var jobs []runner.Job
	for _, m := range models {
		engine, warning := engineFor(m.Summary.Version, engines, def)
		for _, w := range weathers {
			key, err := runner.RunKey(m.StoredPath, w.SHA256, engine, req.ForceAnnual, req.DesignDaysOnly)
			if err != nil {
				return runs, err
			}
			spec := store.RunSpec{ModelID: m.ID, WeatherID: w.ID, BatchID: batch.ID, ForceAnnual: req.ForceAnnual, DesignDaysOnly: req.DesignDaysOnly,
				Engine: engine, CacheKey: key, VersionWarning: warning}
			if !req.Force {
				if prev, err := c.store.FindByCacheKey(key); err == nil {
					if prev.Status.Final() {
						r, err := c.store.CreateCachedRun(spec, prev)
						if err != nil {
							return runs, err
						}
						runs = append(runs, r)
						c.throttle.status(RunStatus{Run: r}, true)
						continue
					}
					if active[prev.ID] {
						runs = append(runs, prev)
						continue
					}
					// Left unfinished by a process that died: run it now, once.
					if err := c.store.SetRunState(prev.ID, sim.StatusQueued, sim.Progress{}); err != nil {
						return runs, err
					}
					jobs = append(jobs, c.job(prev, m, w, engine, settings))
					runs = append(runs, prev)
					continue
				}
			}
			r, err := c.store.CreateRun(spec)
			if err != nil {
				return runs, err
			}
			if out, ok := req.known[key]; ok {
				if err := c.store.FinishRun(r.ID, out); err != nil {
					return runs, err
				}
				if r, err = c.store.Run(r.ID); err != nil {
					return runs, err
				}
				runs = append(runs, r)
				c.throttle.status(RunStatus{Run: r}, true)
				continue
			}
			runs = append(runs, r)
			jobs = append(jobs, c.job(r, m, w, engine, settings))
			c.throttle.status(RunStatus{Run: r}, false)
		}
	}
	c.pool.Submit(jobs...)
	c.signalFinished() // cached runs may already complete a waiter
	return runs, nil
}

func (c *Core) job(r store.Run, m store.Model, w store.Weather, engine sim.Engine, s Settings) runner.Job {
	return runner.Job{ID: r.ID, BatchID: r.BatchID, Dir: r.Dir, Model: m.StoredPath, Weather: w.StoredPath,
		ForceAnnual: r.ForceAnnual, DesignDaysOnly: r.DesignDaysOnly, Engine: engine, Timeout: s.timeout(), StallAfter: s.stall()}
}

func batchName(models []store.Model, weathers []store.Weather) string {
	name := strings.TrimSuffix(models[0].Name, filepath.Ext(models[0].Name))
	if len(models) > 1 {
		name += fmt.Sprintf(" + %d more", len(models)-1)
	}
	w := strings.TrimSuffix(weathers[0].Name, filepath.Ext(weathers[0].Name))
	if len(weathers) > 1 {
		w += fmt.Sprintf(" + %d more", len(weathers)-1)
	}
	return name + " × " + w
}

// engineFor picks the engine whose version matches the model's Version object; otherwise the
// default, with a warning the UI shows next to the run.
func engineFor(modelVersion string, engines []sim.Engine, def sim.Engine) (sim.Engine, string) {
	v := strings.TrimSpace(modelVersion)
	if parts := strings.SplitN(v, ".", 3); len(parts) >= 2 {
		v = parts[0] + "." + parts[1]
	}
	if def.MajorMinor() == v {
		return def, ""
	}
	for _, e := range engines {
		if e.MajorMinor() == v {
			return e, ""
		}
	}
	return def, fmt.Sprintf("The model is written for EnergyPlus %s but runs on %s: no matching engine is installed. EnergyPlus warns about the version, and inputs that changed since %s fail validation (transition the model first).", modelVersion, def.Version, modelVersion)
}

// CancelRun stops a queued or running run.
func (c *Core) CancelRun(id int64) error {
	if !c.pool.Cancel(id) {
		return fmt.Errorf("run %d is not queued or running", id)
	}
	return nil
}

// CancelBatch stops every queued or running run of a batch.
func (c *Core) CancelBatch(batchID int64) (int, error) {
	n := c.pool.CancelBatch(batchID)
	c.emitQueue()
	return n, nil
}

// MoveBatchToFront makes a batch's queued runs start before all others.
func (c *Core) MoveBatchToFront(batchID int64) {
	c.pool.MoveBatchToFront(batchID)
	c.emitQueue()
}

// PauseQueue lets running runs finish and starts no new ones until ResumeQueue.
func (c *Core) PauseQueue() { c.pool.Pause(); c.emitQueue() }

// ResumeQueue starts queued runs again.
func (c *Core) ResumeQueue() { c.pool.Resume(); c.emitQueue() }

// QueueState is the scheduler right now.
type QueueState = runner.Snapshot

// QueueState returns what each worker does and what waits.
func (c *Core) QueueState() QueueState { return c.pool.Snapshot() }

func (c *Core) emitQueue() { c.emit.Emit(EventQueueState, c.pool.Snapshot()) }

// RerunFailed re-queues the runs of a batch that did not succeed and returns them.
func (c *Core) RerunFailed(batchID int64) ([]store.Run, error) {
	runs, err := c.store.BatchRuns(batchID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	settings, def, engines := c.settings, c.engine, c.engines
	c.mu.Unlock()
	var out []store.Run
	var jobs []runner.Job
	for _, r := range runs {
		if !r.Status.Final() || r.Status.Succeeded() {
			continue
		}
		if r.CachedFrom != 0 {
			continue // a cached answer is a success by construction
		}
		m, err := c.store.Model(r.ModelID)
		if err != nil {
			return out, err
		}
		w, err := c.store.Weather(r.WeatherID)
		if err != nil {
			return out, err
		}
		if err := c.store.RequeueRun(r.ID); err != nil {
			return out, err
		}
		engine, _ := engineFor(m.Summary.Version, engines, def)
		r, _ = c.store.Run(r.ID)
		jobs = append(jobs, c.job(r, m, w, engine, settings))
		out = append(out, r)
		c.throttle.status(RunStatus{Run: r}, false)
	}
	c.pool.Submit(jobs...)
	return out, nil
}

// Wait blocks until every run in ids has a final status or ctx ends. It keeps its place in
// ids: a wake-up re-reads only the runs not yet seen final, so waiting for a batch of n runs
// costs about n store reads in all, not n per finished run (a 2,000-variant study). The store
// is read without holding c.mu, which the queue's callbacks need.
func (c *Core) Wait(ctx context.Context, ids []int64) error {
	stop := context.AfterFunc(ctx, c.signalFinished)
	defer stop()
	pending := ids
	for {
		c.mu.Lock()
		gen := c.finishedGen
		c.mu.Unlock()
		for len(pending) > 0 {
			r, err := c.store.Run(pending[0])
			if err != nil {
				return err
			}
			if !r.Status.Final() {
				break
			}
			pending = pending[1:]
		}
		if len(pending) == 0 {
			// A run seen final may have been re-queued since (re-run failed): check all once.
			for i, id := range ids {
				r, err := c.store.Run(id)
				if err != nil {
					return err
				}
				if !r.Status.Final() {
					pending = ids[i:]
					break
				}
			}
			if len(pending) == 0 {
				return nil
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c.mu.Lock()
		for c.finishedGen == gen && ctx.Err() == nil {
			c.finished.Wait()
		}
		c.mu.Unlock()
	}
}

func (c *Core) signalFinished() {
	c.mu.Lock()
	c.finishedGen++
	c.finished.Broadcast()
	c.mu.Unlock()
}

// RunDetails is a run with its results.
type RunDetails struct {
	Run     store.Run    `json:"run"`
	Results *sim.Results `json:"results"`
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

// ErrorGroup is one message and the runs of a batch that ended with it.
type ErrorGroup struct {
	Status  sim.Status `json:"status"`
	Message string     `json:"message"`
	RunIDs  []int64    `json:"runIds"`
}

// BatchSummary is a batch's progress, its ETA and its failures grouped by message.
type BatchSummary struct {
	Batch     store.Batch        `json:"batch"`
	Total     int                `json:"total"`
	ByStatus  map[sim.Status]int `json:"byStatus"`
	Finished  int                `json:"finished"`
	Failed    int                `json:"failed"`
	Cached    int                `json:"cached"`
	Percent   float64            `json:"percent"` // mean of the runs' percents
	ETA       float64            `json:"etaSeconds"`
	HasETA    bool               `json:"hasEta"` // false until a run finished on this machine
	Errors    []ErrorGroup       `json:"errors"`
	Warnings  int                `json:"warnings"`
	Severe    int                `json:"severe"`
	Elapsed   float64            `json:"elapsedSeconds"` // first start to the last end, or to now while runs go on
	Running   int                `json:"running"`
	Queued    int                `json:"queued"`
	Workers   int                `json:"workers"`
	Paused    bool               `json:"paused"`
	RunIDs    []int64            `json:"runIds"`
	UpdatedAt string             `json:"updatedAt"`
}

// Batches lists the batches with their summaries, newest first.
func (c *Core) Batches() ([]BatchSummary, error) {
	batches, err := c.store.Batches()
	if err != nil {
		return nil, err
	}
	out := make([]BatchSummary, 0, len(batches))
	for _, b := range batches {
		s, err := c.BatchSummary(b.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// BatchSummary computes a batch's progress. The ETA uses the measured throughput of this
// machine: the mean wall time of runs that really simulated (not cached), spread over the
// workers, minus what the running ones have done.
func (c *Core) BatchSummary(batchID int64) (BatchSummary, error) {
	runs, err := c.store.BatchRuns(batchID)
	if err != nil {
		return BatchSummary{}, err
	}
	batches, err := c.store.Batches()
	if err != nil {
		return BatchSummary{}, err
	}
	s := BatchSummary{ByStatus: map[sim.Status]int{}, UpdatedAt: time.Now().UTC().Format(time.RFC3339)}
	for _, b := range batches {
		if b.ID == batchID {
			s.Batch = b
		}
	}
	if s.Batch.ID == 0 {
		return s, fmt.Errorf("batch %d: %w", batchID, store.ErrNotFound)
	}
	snap := c.pool.Snapshot()
	s.Workers, s.Paused = snap.Workers, snap.Paused
	groups := map[string]*ErrorGroup{}
	var started, ended time.Time
	var sumPercent, remainingFraction float64
	for _, r := range runs {
		s.Total++
		s.RunIDs = append(s.RunIDs, r.ID)
		s.ByStatus[r.Status]++
		s.Warnings += r.Warnings
		s.Severe += r.Severe
		if t, err := time.Parse(time.RFC3339Nano, r.StartedAt); err == nil && (started.IsZero() || t.Before(started)) {
			started = t
		}
		if t, err := time.Parse(time.RFC3339Nano, r.EndedAt); err == nil && t.After(ended) {
			ended = t
		}
		switch {
		case r.Status.Final():
			s.Finished++
			sumPercent += 100
			if r.CachedFrom != 0 {
				s.Cached++
			}
			if !r.Status.Succeeded() {
				s.Failed++
				sumPercent -= 100 - r.Progress.Percent
				key := string(r.Status) + "\x00" + r.Message
				g := groups[key]
				if g == nil {
					g = &ErrorGroup{Status: r.Status, Message: r.Message}
					groups[key] = g
				}
				g.RunIDs = append(g.RunIDs, r.ID)
			}
		case r.Status == sim.StatusQueued:
			s.Queued++
			remainingFraction++
		default:
			s.Running++
			sumPercent += r.Progress.Percent
			remainingFraction += 1 - r.Progress.Percent/100
		}
	}
	if s.Total > 0 {
		s.Percent = sumPercent / float64(s.Total)
	}
	if !started.IsZero() {
		end := time.Now()
		if s.Running == 0 && s.Queued == 0 && !ended.IsZero() {
			end = ended
		}
		s.Elapsed = end.Sub(started).Seconds()
	}
	for _, g := range groups {
		s.Errors = append(s.Errors, *g)
	}
	sort.Slice(s.Errors, func(i, j int) bool { return len(s.Errors[i].RunIDs) > len(s.Errors[j].RunIDs) })
	if mean, ok := c.meanRunSeconds(runs); ok {
		s.HasETA = true
		s.ETA = remainingFraction * mean / float64(max(s.Workers, 1))
	}
	return s, nil
}

// meanRunSeconds is the mean wall time of runs that simulated on this machine: the batch's
// own finished runs first, else the latest finished runs overall.
func (c *Core) meanRunSeconds(batch []store.Run) (float64, bool) {
	sum, n := 0.0, 0
	for _, r := range batch {
		if r.Status.Succeeded() && r.CachedFrom == 0 && r.ElapsedSeconds > 0 {
			sum += r.ElapsedSeconds
			n++
		}
	}
	if n == 0 {
		all, err := c.store.Runs()
		if err != nil {
			return 0, false
		}
		for _, r := range all {
			if r.Status.Succeeded() && r.CachedFrom == 0 && r.ElapsedSeconds > 0 && n < 20 {
				sum += r.ElapsedSeconds
				n++
			}
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

func (c *Core) onUpdate(u runner.Update) {
	// Persist every transition (the first running update is one); the rest of the running
	// updates are progress, which only the UI needs.
	c.mu.Lock()
	transition := c.lastStatus[u.JobID] != u.Status
	c.lastStatus[u.JobID] = u.Status
	c.mu.Unlock()
	if transition {
		if err := c.store.SetRunState(u.JobID, u.Status, u.Progress); err != nil {
			c.log.Error("store run state", "run", u.JobID, "err", err)
		}
		if r, err := c.store.Run(u.JobID); err == nil {
			c.throttle.status(RunStatus{Run: r}, false)
		}
		if u.Status != sim.StatusRunning {
			return
		}
	}
	c.throttle.progress(RunProgress{RunID: u.JobID, Status: u.Status, Progress: u.Progress, Warnings: u.Warnings, Severe: u.Severe, LastLine: u.LastLine})
}

func (c *Core) onDone(job runner.Job, out sim.Outcome) {
	c.mu.Lock()
	closing := c.closing
	c.mu.Unlock()
	if closing && out.Status == sim.StatusCancelled {
		// Killed because the app is quitting, not by the user: leave it unfinished so the next
		// start runs it again.
		return
	}
	c.mu.Lock()
	delete(c.lastStatus, job.ID)
	c.mu.Unlock()
	if err := c.store.FinishRun(job.ID, out); err != nil {
		c.log.Error("store run outcome", "run", job.ID, "err", err)
	}
	if out.Kind == sim.KindDiskFull {
		// The next runs would fail the same way, one after another, through a whole overnight
		// batch: hold them until the user has made space.
		c.pool.PauseBecause(fmt.Sprintf("Disk full: the queue paused after run %d could not write its outputs. Free space on the disk of %s, press Resume, then re-run the failed runs.", job.ID, c.store.Dir()))
		c.emitQueue()
	}
	if r, err := c.store.Run(job.ID); err == nil {
		c.throttle.status(RunStatus{Run: r}, true)
	}
	c.signalFinished()
}

func (c *Core) requeueUnfinished() error {
	runs, err := c.store.UnfinishedRuns()
	if err != nil {
		return err
	}
	c.mu.Lock()
	settings, def, engines := c.settings, c.engine, c.engines
	c.mu.Unlock()
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
		if err := c.store.SetRunState(r.ID, sim.StatusQueued, sim.Progress{}); err != nil {
			return err
		}
		engine, _ := engineFor(m.Summary.Version, engines, def)
		jobs = append(jobs, c.job(r, m, w, engine, settings))
	}
	if len(jobs) > 0 {
		c.log.Info("re-queued runs left unfinished by the last session", "count", len(jobs))
		c.pool.Submit(jobs...)
	}
	return nil
}

// Settings are the queue's limits, stored in the database.
type Settings struct {
	Workers        int     `json:"workers"`        // parallel runs; 0 = one per core
	TimeoutMinutes float64 `json:"timeoutMinutes"` // wall-clock limit per run; 0 = none
	StallSeconds   float64 `json:"stallSeconds"`   // kill a run silent this long; 0 = never
}

// DefaultSettings: a silent EnergyPlus for 10 minutes is hung on any model we know; no
// wall-clock limit, since big annual models legitimately run for hours.
func DefaultSettings() Settings {
	return Settings{Workers: runner.DefaultWorkers(), StallSeconds: 600}
}

func (s Settings) timeout() time.Duration {
	return time.Duration(s.TimeoutMinutes * float64(time.Minute))
}

func (s Settings) stall() time.Duration { return time.Duration(s.StallSeconds * float64(time.Second)) }

const settingQueue = "queue"

func (c *Core) loadSettings() (Settings, error) {
	s := DefaultSettings()
	raw, ok, err := c.store.Setting(settingQueue)
	if err != nil || !ok {
		return s, err
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		c.log.Warn("ignoring unreadable queue settings", "err", err)
		return DefaultSettings(), nil
	}
	return s, nil
}

// Settings returns the queue settings.
func (c *Core) Settings() Settings {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.settings
}

// The largest limits SaveSettings accepts: far beyond any EnergyPlus run, far below overflow.
const (
	maxTimeoutMinutes = 7 * 24 * 60
	maxStallSeconds   = 24 * 60 * 60
)

// SaveSettings validates and stores the queue settings; a new worker count applies at once.
func (c *Core) SaveSettings(s Settings) (Settings, error) {
	if s.Workers < 0 || s.Workers > 256 {
		return c.Settings(), fmt.Errorf("workers must be between 1 and 256 (0 = one per core), not %d", s.Workers)
	}
	if s.TimeoutMinutes < 0 || s.StallSeconds < 0 {
		return c.Settings(), errors.New("time limits cannot be negative (0 means no limit)")
	}
	// NaN passes the comparisons above, and a huge float overflows time.Duration into a
	// negative limit that would kill every run at once.
	if !(s.TimeoutMinutes <= maxTimeoutMinutes) {
		return c.Settings(), fmt.Errorf("a time limit of %g minutes is not a number of minutes up to %d (a week); 0 means no limit", s.TimeoutMinutes, maxTimeoutMinutes)
	}
	if !(s.StallSeconds <= maxStallSeconds) {
		return c.Settings(), fmt.Errorf("a stall limit of %g s is not a number of seconds up to %d (a day); 0 means never", s.StallSeconds, maxStallSeconds)
	}
	if s.StallSeconds > 0 && s.StallSeconds < 5 {
		return c.Settings(), fmt.Errorf("a stall limit of %g s would kill healthy runs: use at least 5 s, or 0 for none", s.StallSeconds)
	}
	if s.Workers == 0 {
		s.Workers = runner.DefaultWorkers()
	}
	js, _ := json.Marshal(s)
	if err := c.store.SetSetting(settingQueue, string(js)); err != nil {
		return c.Settings(), err
	}
	c.mu.Lock()
	c.settings = s
	c.mu.Unlock()
	c.pool.SetWorkers(s.Workers)
	c.emitQueue()
	return s, nil
}
