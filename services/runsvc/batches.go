package runsvc

import (
	"sort"
	"sync"
	"time"

	"epsm/runner"
	"epsm/sim"
	"epsm/store"
)

// ErrorGroup is one headline (the first severe error, a version mismatch, ...) and the runs
// of a batch that ended with it.
type ErrorGroup struct {
	Status   sim.Status      `json:"status"`
	Kind     sim.FailureKind `json:"kind"`
	Headline string          `json:"headline"`
	RunIDs   []int64         `json:"runIds"`
}

// BatchSummary is a batch's progress, its ETA and its failures grouped by headline.
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

// batchBook keeps every batch's runs in memory, updated as each run moves, so a summary is a
// walk over memory and the Runs screen with a thousand batches costs no query at all. It is
// filled once at start from two queries (batches, runs).
type batchBook struct {
	mu      sync.Mutex
	batches map[int64]*bookBatch
	batchOf map[int64]int64 // run id -> batch id
	recent  []timedRun      // the latest runs that simulated here, for the ETA
}

type bookBatch struct {
	batch store.Batch
	runs  map[int64]*store.Run
	order []int64 // run ids in the order they were queued
}

type timedRun struct {
	id      int64
	seconds float64
}

// recentRuns is how many of the latest simulated runs the ETA averages when a batch has none.
const recentRuns = 20

func newBatchBook(batches []store.Batch, runs []store.Run) *batchBook {
	b := &batchBook{batches: map[int64]*bookBatch{}, batchOf: map[int64]int64{}}
	for _, x := range batches {
		b.addBatch(x)
	}
	// runs come newest first; the book keeps queue order
	for i := len(runs) - 1; i >= 0; i-- {
		b.put(runs[i])
	}
	return b
}

func (b *batchBook) addBatch(batch store.Batch) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.batches[batch.ID]; !ok {
		b.batches[batch.ID] = &bookBatch{batch: batch, runs: map[int64]*store.Run{}}
	}
}

// put records a run's latest stored state.
func (b *batchBook) put(r store.Run) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if r.BatchID == 0 {
		return
	}
	bb := b.batches[r.BatchID]
	if bb == nil {
		bb = &bookBatch{batch: store.Batch{ID: r.BatchID}, runs: map[int64]*store.Run{}}
		b.batches[r.BatchID] = bb
	}
	if _, ok := bb.runs[r.ID]; !ok {
		bb.order = append(bb.order, r.ID)
	}
	bb.runs[r.ID] = &r
	b.batchOf[r.ID] = r.BatchID
	if r.Status.Succeeded() && r.CachedFrom == 0 && r.ElapsedSeconds > 0 {
		b.remember(timedRun{r.ID, r.ElapsedSeconds})
	}
}

func (b *batchBook) remember(t timedRun) {
	for i, x := range b.recent {
		if x.id == t.id {
			b.recent[i] = t
			return
		}
	}
	b.recent = append(b.recent, t)
	sort.Slice(b.recent, func(i, j int) bool { return b.recent[i].id > b.recent[j].id })
	if len(b.recent) > recentRuns {
		b.recent = b.recent[:recentRuns]
	}
}

// progress records a running run's progress; it returns the run's batch (0 if unknown).
func (b *batchBook) progress(runID int64, p sim.Progress, warnings, severe int) int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	id := b.batchOf[runID]
	if bb := b.batches[id]; bb != nil {
		if r := bb.runs[runID]; r != nil && !r.Status.Final() {
			r.Progress, r.Warnings, r.Severe = p, warnings, severe
		}
	}
	return id
}

// transition records a running run's new state as the store does (SetRunState: preparing
// sets the start time) and returns the run as it now is, without a query; ok is false for a
// run the book does not know.
func (b *batchBook) transition(runID int64, status sim.Status, p sim.Progress, now time.Time) (store.Run, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	bb := b.batches[b.batchOf[runID]]
	if bb == nil || bb.runs[runID] == nil {
		return store.Run{}, false
	}
	r := bb.runs[runID]
	r.Status, r.Progress = status, p
	if status == sim.StatusPreparing {
		r.StartedAt = now.UTC().Format(time.RFC3339Nano)
	}
	return *r, true
}

// active lists the batches with runs still queued or running: their summaries show the
// queue's pause, workers and ETA, which change without any of their runs moving.
func (b *batchBook) active() []int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []int64
	for id, bb := range b.batches {
		for _, r := range bb.runs {
			if !r.Status.Final() {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// batchOfRun returns the batch of a run the book knows.
func (b *batchBook) batchOfRun(runID int64) int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.batchOf[runID]
}

func (b *batchBook) has(batchID int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.batches[batchID] != nil
}

// summaries returns every batch's summary, newest first.
func (b *batchBook) summaries(snap runner.Snapshot, now time.Time) []BatchSummary {
	b.mu.Lock()
	ids := make([]int64, 0, len(b.batches))
	for id := range b.batches {
		ids = append(ids, id)
	}
	b.mu.Unlock()
	sort.Slice(ids, func(i, j int) bool { return ids[i] > ids[j] })
	out := make([]BatchSummary, 0, len(ids))
	for _, id := range ids {
		if s, ok := b.summary(id, snap, now); ok {
			out = append(out, s)
		}
	}
	return out
}

// summary computes a batch's progress. The ETA uses the measured throughput of this machine:
// the mean wall time of runs that really simulated (not cached), spread over the workers,
// minus what the running ones have done.
func (b *batchBook) summary(batchID int64, snap runner.Snapshot, now time.Time) (BatchSummary, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	bb := b.batches[batchID]
	if bb == nil {
		return BatchSummary{}, false
	}
	s := BatchSummary{Batch: bb.batch, ByStatus: map[sim.Status]int{}, Workers: snap.Workers, Paused: snap.Paused,
		RunIDs: make([]int64, 0, len(bb.order)), Errors: []ErrorGroup{}, UpdatedAt: now.UTC().Format(time.RFC3339)}
	groups := map[string]*ErrorGroup{}
	var started, ended time.Time
	var sumPercent, remainingFraction, ownSeconds float64
	ownRuns := 0
	for _, id := range bb.order {
		r := bb.runs[id]
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
			} else if r.Status.Succeeded() && r.ElapsedSeconds > 0 {
				ownSeconds += r.ElapsedSeconds
				ownRuns++
			}
			if !r.Status.Succeeded() {
				s.Failed++
				sumPercent -= 100 - r.Progress.Percent
				key := string(r.Status) + "\x00" + r.Headline
				g := groups[key]
				if g == nil {
					g = &ErrorGroup{Status: r.Status, Kind: r.Kind, Headline: r.Headline}
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
		end := now
		if s.Running == 0 && s.Queued == 0 && !ended.IsZero() {
			end = ended
		}
		s.Elapsed = end.Sub(started).Seconds()
	}
	for _, g := range groups {
		s.Errors = append(s.Errors, *g)
	}
	sort.Slice(s.Errors, func(i, j int) bool {
		if len(s.Errors[i].RunIDs) != len(s.Errors[j].RunIDs) {
			return len(s.Errors[i].RunIDs) > len(s.Errors[j].RunIDs)
		}
		return s.Errors[i].RunIDs[0] < s.Errors[j].RunIDs[0]
	})
	mean, ok := 0.0, false
	if ownRuns > 0 {
		mean, ok = ownSeconds/float64(ownRuns), true
	} else {
		mean, ok = b.recentMean()
	}
	if ok {
		s.HasETA = true
		s.ETA = remainingFraction * mean / float64(max(s.Workers, 1))
	}
	return s, true
}

func (b *batchBook) recentMean() (float64, bool) {
	if len(b.recent) == 0 {
		return 0, false
	}
	sum := 0.0
	for _, t := range b.recent {
		sum += t.seconds
	}
	return sum / float64(len(b.recent)), true
}

// meanRunSeconds is the mean wall time of the latest runs that simulated on this machine.
func (b *batchBook) meanRunSeconds() (float64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.recentMean()
}
