// Package runsvc owns runs and the queue: a batch of runs is stored and queued in one step,
// each run's progress and end are stored and pushed to the window, batch summaries and the
// queue's state are kept up to date as runs move and pushed as coalesced events, and a run left
// unfinished by a crash is taken back once its old engine is stopped. Queue is the part Go
// code drives (the CLI, studies, imports); Service is the part the window calls.
package runsvc

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"epsm/clock"
	"epsm/cluster"
	"epsm/events"
	"epsm/runner"
	"epsm/services/settingsvc"
	"epsm/sim"
	"epsm/store"
)

// progressInterval bounds progress events to about 10 a second per run; changeInterval bounds
// queue and batch summary events to about 5 a second.
const (
	progressInterval = 100 * time.Millisecond
	changeInterval   = 200 * time.Millisecond
)

// queueKey is the coalescer's key for the queue's own state (batch ids are positive).
const queueKey = 0

// Options is what a Queue needs.
type Options struct {
	Store    *store.Store
	Settings *settingsvc.Settings
	Emitter  events.Emitter
	Log      *slog.Logger
	Clock    clock.Clock
	// Executor runs one job; nil is the real runner. Tests put a fake in its place.
	Executor runner.Executor
	// Workers overrides the stored worker count when > 0 (the CLI's --jobs).
	Workers int
	// Resident is the desktop app: it owns the queue across restarts, so a full disk pauses
	// the queue (and the pause is remembered) instead of failing the rest of the batch.
	Resident bool
	// Worker is the headless linux/amd64 epsm sent to a cluster's nodes ("" = this program
	// when it can be, or EPSM_WORKER); RemotePoll is how often a batch there is looked at.
	Worker     string
	RemotePoll time.Duration
}

// Queue stores, queues and follows runs.
type Queue struct {
	log      *slog.Logger
	store    *store.Store
	settings *settingsvc.Settings
	emit     events.Emitter
	clock    clock.Clock
	progress *events.Throttle
	changes  *events.Coalescer
	pool     *runner.Pool
	book     *batchBook
	resident bool
	remote   *remote
	// finishing is held while a run's outcome goes into the store and the in-memory book, so
	// Wait, which reads the store under it, never returns before the book (the summaries) has
	// the outcome too.
	finishing sync.RWMutex

	mu          sync.Mutex
	lastStatus  map[int64]sim.Status // per running job, to persist transitions only
	finished    *sync.Cond           // broadcast whenever a run reaches a final status
	finishedGen uint64               // counts the broadcasts, so Wait never misses one
	closing     bool
}

// NewQueue loads the batches into memory and starts the worker pool (paused, with its reason,
// if a resident app paused it before it stopped).
func NewQueue(o Options) (*Queue, error) {
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.Emitter == nil {
		o.Emitter = events.Discard()
	}
	if o.Clock == nil {
		o.Clock = clock.System()
	}
	batches, err := o.Store.Batches()
	if err != nil {
		return nil, err
	}
	runs, err := o.Store.Runs()
	if err != nil {
		return nil, err
	}
	q := &Queue{log: o.Log, store: o.Store, settings: o.Settings, emit: o.Emitter, clock: o.Clock, resident: o.Resident,
		book: newBatchBook(batches, runs), lastStatus: map[int64]sim.Status{}}
	q.finished = sync.NewCond(&q.mu)
	q.progress = events.NewThrottle(o.Emitter, events.RunProgress, progressInterval, o.Clock)
	q.changes = events.NewCoalescer(changeInterval, o.Clock, q.pushChanges)
	workers := o.Settings.QueueLimits().Workers
	if o.Workers > 0 {
		workers = o.Workers
	}
	exec := o.Executor
	if exec == nil {
		exec = &runner.Runner{Log: o.Log}
	}
	q.pool = runner.NewPool(exec, workers, q.onUpdate, q.onDone)
	q.remote = newRemote(q, o.Worker, o.RemotePoll)
	if o.Resident {
		if reason, paused := q.loadPause(); paused {
			q.pool.PauseBecause(reason)
		}
	}
	o.Settings.OnQueueLimits(func(l settingsvc.QueueLimits) {
		q.pool.SetWorkers(l.Workers)
		q.queueChanged()
	})
	return q, nil
}

// Close stops the workers. Runs still going are left unfinished in the store: the next
// resident start takes them back.
func (q *Queue) Close() {
	q.mu.Lock()
	q.closing = true
	q.mu.Unlock()
	q.remote.close() // the batches on clusters go on there; the next start follows them again
	q.pool.Close()
	q.changes.Close()
}

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
	// Target is where the runs go: "" for this computer, a saved target's name (Settings >
	// Compute), or a Slurm target's URL (slurm:///WORK?..., slurm+ssh://HOST/WORK?...): the
	// whole batch becomes job arrays there.
	Target string `json:"target,omitempty"`
	// KeepAll keeps every output of the runs; by default a run folder keeps only what the
	// window shows or links to once the results and hourly meters are stored (a target's
	// keep=all does the same for its batches).
	KeepAll bool `json:"keepAll,omitempty"`
}

// ResolveTarget reads a target: a saved target's name, or a URL.
func (q *Queue) ResolveTarget(nameOrURL string) (cluster.Target, error) {
	if strings.Contains(nameOrURL, "://") {
		return cluster.ParseTarget(nameOrURL)
	}
	saved, err := q.store.Target(nameOrURL)
	if errors.Is(err, store.ErrTargetNotFound) {
		var names []string
		if all, err := q.store.Targets(); err == nil {
			for _, t := range all {
				names = append(names, t.Name)
			}
		}
		if len(names) == 0 {
			return cluster.Target{}, fmt.Errorf("%w (none is saved: add one in Settings > Compute, or give a URL such as slurm+ssh://HOST/WORK?partition=P)", err)
		}
		return cluster.Target{}, fmt.Errorf("%w (saved: %s)", err, strings.Join(names, ", "))
	}
	if err != nil {
		return cluster.Target{}, err
	}
	return cluster.ParseTarget(saved.URL)
}

// Worker is the local path of the worker this program sends to clusters ("" when it has none).
func (q *Queue) Worker() string { return q.remote.worker }

// StartRuns stores a batch and queues its runs (see StartKnown).
func (q *Queue) StartRuns(req RunRequest) ([]store.Run, error) { return q.StartKnown(req, nil) }

// StartKnown stores a batch with all its runs in one transaction and then queues every run it
// created, so a failure part-way leaves nothing queued without a job. A run identical to one
// that already succeeded is answered from the store at once (CachedFrom set) unless Force; one
// identical to a run still unfinished (left by a process that died) takes that run back; one
// whose run key is in known (results from an imported study file) is stored finished with them.
func (q *Queue) StartKnown(req RunRequest, known map[string]sim.Outcome) ([]store.Run, error) {
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
	if req.ForceAnnual && req.DesignDaysOnly {
		return nil, errors.New("a run cannot be both annual (-a) and design days only (-D)")
	}
	if q.settings.Engine().Path == "" {
		return nil, sim.Fail(sim.KindEngineMissing, runner.ErrNoEngine)
	}
	var target *cluster.Target
	if req.Target != "" {
		t, err := q.ResolveTarget(req.Target)
		if err != nil {
			return nil, err
		}
		target = &t
	}
	// Runs of a batch on a cluster that has not come back are still going there, not left
	// behind by a process that died: the same request follows them again instead.
	onCluster := map[int64]int64{} // run -> its remote batch
	if remotes, err := q.store.UnfinishedRemoteBatches(); err == nil {
		for _, rb := range remotes {
			for _, id := range rb.RunIDs {
				onCluster[id] = rb.BatchID
			}
		}
	}
	models := make([]store.Model, 0, len(req.ModelIDs))
	for _, id := range req.ModelIDs {
		m, err := q.store.Model(id)
		if err != nil {
			return nil, fmt.Errorf("model %d: %w", id, err)
		}
		models = append(models, m)
	}
	weathers := make([]store.Weather, 0, len(weatherIDs))
	for _, id := range weatherIDs {
		w, err := q.store.Weather(id)
		if err != nil {
			return nil, fmt.Errorf("weather file %d: %w", id, err)
		}
		weathers = append(weathers, w)
	}
	name := req.Name
	if name == "" {
		name = batchName(models, weathers)
	}
	active := map[int64]bool{}
	snap := q.pool.Snapshot()
	for _, id := range append(snap.Queued, snap.Running...) {
		active[id] = true
	}

	// The plan: each (model, weather) is a new run, a run taken back, or one still going.
	type slot struct {
		newIndex int       // index into fresh, or -1
		existing store.Run // a run taken back or still going
	}
	var slots []slot
	var fresh []store.NewRun
	var takeBack []int64
	for _, m := range models {
		engine, warning := q.settings.EngineFor(m.Summary.Version)
		for _, w := range weathers {
			key, err := runner.RunKey(m.StoredPath, w.SHA256, engine, req.ForceAnnual, req.DesignDaysOnly)
			if err != nil {
				return nil, err
			}
			spec := store.RunSpec{ModelID: m.ID, WeatherID: w.ID, ForceAnnual: req.ForceAnnual, DesignDaysOnly: req.DesignDaysOnly,
				Engine: engine, CacheKey: key, VersionWarning: warning}
			if !req.Force {
				if prev, err := q.store.FindByCacheKey(key); err == nil {
					switch {
					case prev.Status.Final():
						fresh = append(fresh, store.NewRun{Spec: spec, From: &prev})
						slots = append(slots, slot{newIndex: len(fresh) - 1})
					case active[prev.ID]:
						slots = append(slots, slot{newIndex: -1, existing: prev})
					case onCluster[prev.ID] != 0:
						q.remote.follow(onCluster[prev.ID], nil)
						slots = append(slots, slot{newIndex: -1, existing: prev})
					default: // left unfinished by a process that died: run it now, once
						takeBack = append(takeBack, prev.ID)
						slots = append(slots, slot{newIndex: -1, existing: prev})
					}
					continue
				}
			}
			nr := store.NewRun{Spec: spec}
			if out, ok := known[key]; ok {
				nr.Known = &out
			}
			fresh = append(fresh, nr)
			slots = append(slots, slot{newIndex: len(fresh) - 1})
		}
	}
	keepAll := req.KeepAll || (target != nil && target.Keep == "all")
	batch, created, err := q.store.CreateBatchKeeping(name, keepAll, fresh, takeBack)
	if err != nil {
		return nil, err
	}
	q.book.addBatch(batch)
	limits := q.settings.QueueLimits()
	runs := make([]store.Run, 0, len(slots))
	var jobs []runner.Job
	var keys []string
	taken := map[int64]bool{}
	for _, id := range takeBack {
		taken[id] = true
	}
	for i, sl := range slots {
		r := sl.existing
		if sl.newIndex >= 0 {
			r = created[sl.newIndex]
		} else if taken[r.ID] {
			if r, err = q.store.Run(r.ID); err != nil {
				return runs, err
			}
		}
		if sl.newIndex >= 0 && r.Status.Final() {
			r = q.withFigure(r)
			runs = append(runs, r)
			q.runChanged(r)
			continue
		}
		runs = append(runs, r)
		if sl.newIndex >= 0 || taken[r.ID] {
			m := models[i/len(weathers)]
			w := weathers[i%len(weathers)]
			jobs = append(jobs, job(r, m, w, q.engineOf(r, m), limits))
			keys = append(keys, r.CacheKey)
			q.runChanged(r)
		}
	}
	switch {
	case target != nil && len(jobs) > 0:
		if err := q.remote.start(batch.ID, *target, jobs, keys); err != nil {
			return runs, err
		}
	default:
		q.pool.Submit(jobs...)
	}
	q.changes.Mark(queueKey, batch.ID)
	q.signalFinished() // cached runs may already complete a waiter
	return runs, nil
}

// engineOf is the engine a run was queued with (its stored path and version), else the one for
// the model now.
func (q *Queue) engineOf(r store.Run, m store.Model) sim.Engine {
	e, _ := q.settings.EngineFor(m.Summary.Version)
	if r.EnginePath != "" && r.EnginePath != e.Path {
		for _, x := range q.settings.EngineStatus().Engines {
			if x.Path == r.EnginePath {
				return x
			}
		}
	}
	return e
}

func job(r store.Run, m store.Model, w store.Weather, engine sim.Engine, l settingsvc.QueueLimits) runner.Job {
	return runner.Job{ID: r.ID, BatchID: r.BatchID, Dir: r.Dir, Model: m.StoredPath, Weather: w.StoredPath,
		ForceAnnual: r.ForceAnnual, DesignDaysOnly: r.DesignDaysOnly, Engine: engine, Timeout: l.Timeout(), StallAfter: l.Stall()}
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

// CancelRun stops a queued or running run (on a cluster: asks Slurm to cancel its task).
func (q *Queue) CancelRun(id int64) error {
	if r, err := q.store.Run(id); err == nil {
		if _, err := q.store.RemoteBatch(r.BatchID); err == nil {
			n, err := q.remote.cancel(r.BatchID, map[int64]bool{id: true})
			if err == nil && n == 0 {
				err = fmt.Errorf("run %d is not queued or running", id)
			}
			return err
		}
	}
	if !q.pool.Cancel(id) {
		return fmt.Errorf("run %d is not queued or running", id)
	}
	q.changes.Mark(queueKey)
	return nil
}

// CancelBatch stops every queued or running run of a batch and returns how many.
func (q *Queue) CancelBatch(batchID int64) int {
	if _, err := q.store.RemoteBatch(batchID); err == nil {
		n, err := q.remote.cancel(batchID, nil)
		if err != nil {
			q.log.Error("cancel the batch on its cluster", "batch", batchID, "err", err)
		}
		return n
	}
	n := q.pool.CancelBatch(batchID)
	q.changes.Mark(queueKey, batchID)
	return n
}

// MoveBatchToFront makes a batch's queued runs start before all others.
func (q *Queue) MoveBatchToFront(batchID int64) {
	q.pool.MoveBatchToFront(batchID)
	q.queueChanged()
}

// queueChanged marks the queue's state and the summaries of every batch still waiting or
// running, whose pause, workers and ETA follow the queue's.
func (q *Queue) queueChanged() {
	q.changes.Mark(append(q.book.active(), queueKey)...)
}

// Pause lets running runs finish and starts no new ones until Resume.
func (q *Queue) Pause() { q.pauseBecause("") }

func (q *Queue) pauseBecause(reason string) {
	q.pool.PauseBecause(reason)
	q.savePause(true, reason)
	q.queueChanged()
}

// Resume starts queued runs again.
func (q *Queue) Resume() {
	q.pool.Resume()
	q.savePause(false, "")
	q.queueChanged()
}

// QueueState is the scheduler right now: workers, pause and its reason, running and queued runs.
type QueueState = runner.Snapshot

// State returns what each worker does and what waits.
func (q *Queue) State() QueueState { return q.pool.Snapshot() }

// Batches lists the batches with their summaries, newest first, from memory.
func (q *Queue) Batches() []BatchSummary { return q.book.summaries(q.pool.Snapshot(), q.clock.Now()) }

// BatchSummary returns one batch's summary.
func (q *Queue) BatchSummary(batchID int64) (BatchSummary, error) {
	s, ok := q.book.summary(batchID, q.pool.Snapshot(), q.clock.Now())
	if !ok {
		return s, fmt.Errorf("batch %d: %w", batchID, store.ErrNotFound)
	}
	return s, nil
}

// MeanRunSeconds is the mean wall time of the latest runs that simulated on this machine.
func (q *Queue) MeanRunSeconds() (float64, bool) { return q.book.meanRunSeconds() }

// RerunFailed re-queues the runs of a batch that did not succeed and returns them.
func (q *Queue) RerunFailed(batchID int64) ([]store.Run, error) {
	runs, err := q.store.BatchRuns(batchID)
	if err != nil {
		return nil, err
	}
	limits := q.settings.QueueLimits()
	// A batch sent to a cluster re-runs its failed runs there, as a new job array of just them.
	var target *cluster.Target
	if rb, err := q.store.RemoteBatch(batchID); err == nil {
		if !rb.Done || q.remote.isFollowing(batchID) {
			return nil, errors.New("the batch's runs are still coming back from the cluster: re-run the failed ones when all are back")
		}
		t, err := cluster.ParseTarget(rb.Target)
		if err != nil {
			return nil, err
		}
		target = &t
	}
	var out []store.Run
	var jobs []runner.Job
	var keys []string
	for _, r := range runs {
		if !r.Status.Final() || r.Status.Succeeded() || r.CachedFrom != 0 {
			continue // a cached answer is a success by construction
		}
		m, err := q.store.Model(r.ModelID)
		if err != nil {
			return out, err
		}
		w, err := q.store.Weather(r.WeatherID)
		if err != nil {
			return out, err
		}
		if err := q.store.RequeueRun(r.ID); err != nil {
			return out, err
		}
		if r, err = q.store.Run(r.ID); err != nil {
			return out, err
		}
		jobs = append(jobs, job(r, m, w, q.engineOf(r, m), limits))
		keys = append(keys, r.CacheKey)
		out = append(out, r)
		q.runChanged(r)
	}
	if target != nil && len(jobs) > 0 {
		if err := q.remote.restart(batchID, *target, jobs, keys); err != nil {
			return out, err
		}
	} else {
		q.pool.Submit(jobs...)
	}
	q.changes.Mark(queueKey, batchID)
	return out, nil
}

// jobOf is the job of a stored run, as it was queued (its engine, the queue's limits).
func (q *Queue) jobOf(r store.Run) (runner.Job, error) {
	m, err := q.store.Model(r.ModelID)
	if err != nil {
		return runner.Job{}, err
	}
	w, err := q.store.Weather(r.WeatherID)
	if err != nil {
		return runner.Job{}, err
	}
	return job(r, m, w, q.engineOf(r, m), q.settings.QueueLimits()), nil
}

// Wait blocks until every run in ids has a final status or ctx ends. It keeps its place in
// ids: a wake-up re-reads only the runs not yet seen final, so waiting for a batch of n runs
// costs about n store reads in all, not n per finished run (a 2,000-variant study). The store
// is read without holding q.mu, which the queue's callbacks need.
func (q *Queue) Wait(ctx context.Context, ids []int64) error {
	stop := context.AfterFunc(ctx, q.signalFinished)
	defer stop()
	pending := ids
	for {
		q.mu.Lock()
		gen := q.finishedGen
		q.mu.Unlock()
		q.finishing.RLock()
		for len(pending) > 0 {
			r, err := q.store.Run(pending[0])
			if err != nil {
				q.finishing.RUnlock()
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
				r, err := q.store.Run(id)
				if err != nil {
					q.finishing.RUnlock()
					return err
				}
				if !r.Status.Final() {
					pending = ids[i:]
					break
				}
			}
			if len(pending) == 0 {
				q.finishing.RUnlock()
				return nil
			}
		}
		q.finishing.RUnlock()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		q.mu.Lock()
		for q.finishedGen == gen && ctx.Err() == nil {
			q.finished.Wait()
		}
		q.mu.Unlock()
	}
}

func (q *Queue) signalFinished() {
	q.mu.Lock()
	q.finishedGen++
	q.finished.Broadcast()
	q.mu.Unlock()
}

// RunProgress is the live state of one running simulation.
type RunProgress struct {
	RunID    int64        `json:"runId"`
	Status   sim.Status   `json:"status"`
	Progress sim.Progress `json:"progress"`
	Warnings int          `json:"warnings"`
	Severe   int          `json:"severe"`
	LastLine string       `json:"lastLine"`
}

// RunStatus is a run as stored after a state change.
type RunStatus struct {
	Run store.Run `json:"run"`
}

// runChanged pushes a run's stored state: no pending progress may follow it, its batch's
// summary is marked for the next push.
func (q *Queue) runChanged(r store.Run) {
	if r.Figures == nil {
		r = q.withFigure(r)
	}
	q.progress.Drop(r.ID, r.Status.Final())
	q.emit.Emit(events.RunStatus, RunStatus{Run: r})
	q.book.put(r)
	q.changes.Mark(queueKey, r.BatchID)
}

// pushChanges sends the queue's state and the summaries of the batches that changed.
func (q *Queue) pushChanges(keys []int64) {
	snap := q.pool.Snapshot()
	q.emit.Emit(events.QueueState, snap)
	now := q.clock.Now()
	for _, id := range keys {
		if id == queueKey {
			continue
		}
		if s, ok := q.book.summary(id, snap, now); ok {
			q.emit.Emit(events.BatchSummary, s)
		}
	}
}

func (q *Queue) onUpdate(u runner.Update) {
	if u.Process != nil {
		// Recorded before anything else of this run can happen, so a crash from here on leaves
		// the next start the identity of the engine to stop (Recover).
		if err := q.store.SetRunProcess(u.JobID, u.Process.PID, u.Process.Start); err != nil {
			q.log.Error("store the engine process", "run", u.JobID, "err", err)
		}
	}
	// Persist every transition (the first running update is one); the rest of the running
	// updates are progress, which only the window needs.
	q.mu.Lock()
	transition := q.lastStatus[u.JobID] != u.Status
	q.lastStatus[u.JobID] = u.Status
	q.mu.Unlock()
	if transition {
		// Collecting lasts the moment between the engine's exit and the outcome, which is
		// stored next: only the window hears of it. The others are stored (a crash in them
		// leaves the run unfinished, and taken back); the event is made from memory.
		if u.Status != sim.StatusCollecting {
			if err := q.store.SetRunState(u.JobID, u.Status, u.Progress); err != nil {
				q.log.Error("store run state", "run", u.JobID, "err", err)
			}
		}
		r, ok := q.book.transition(u.JobID, u.Status, u.Progress, q.clock.Now())
		if !ok {
			var err error
			if r, err = q.store.Run(u.JobID); err != nil {
				q.log.Error("read run", "run", u.JobID, "err", err)
				return
			}
		}
		q.runChanged(r)
		if u.Status != sim.StatusRunning {
			return
		}
	}
	q.progress.Send(u.JobID, RunProgress{RunID: u.JobID, Status: u.Status, Progress: u.Progress, Warnings: u.Warnings, Severe: u.Severe, LastLine: u.LastLine})
	if b := q.book.progress(u.JobID, u.Progress, u.Warnings, u.Severe); b != 0 {
		q.changes.Mark(b)
	}
}

func (q *Queue) onDone(j runner.Job, out sim.Outcome) {
	q.mu.Lock()
	closing := q.closing
	delete(q.lastStatus, j.ID)
	q.mu.Unlock()
	if closing && out.Status == sim.StatusCancelled {
		// Killed because the app is quitting, not by the user: leave it unfinished so the next
		// start runs it again.
		return
	}
	q.finishing.Lock()
	stored := true
	if err := q.store.FinishRun(j.ID, out); err != nil {
		q.log.Error("store run outcome", "run", j.ID, "err", err)
		stored = false
	}
	if out.Kind == sim.KindDiskFull && q.resident {
		// The next runs would fail the same way, one after another, through a whole overnight
		// batch: hold them until the user has made space.
		q.pauseBecause(fmt.Sprintf("Disk full: the queue paused after run %d could not write its outputs. Free space on the disk of %s, press Resume, then re-run the failed runs.", j.ID, q.store.Dir()))
	}
	if r, err := q.store.Run(j.ID); err == nil {
		q.runChanged(r)
	}
	q.finishing.Unlock()
	// After the window has the outcome: the report and the hourly chart read what is left.
	if stored && out.Status.Succeeded() && out.Results != nil {
		q.keepOutputs(j)
	}
	q.signalFinished()
}
