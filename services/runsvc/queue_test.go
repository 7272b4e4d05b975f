package runsvc

import (
	"context"
	"database/sql"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"epsm/events"
	"epsm/internal/fakeclock"
	"epsm/internal/tempdir"
	"epsm/runner"
	"epsm/services/settingsvc"
	"epsm/sim"
	"epsm/store"
)

const (
	exampleIDF = "../../examples/1ZoneUncontrolled.idf"
	exampleEPW = "../../examples/USA_CO_Golden-NREL.724666_TMY3.epw"
)

type recorded struct {
	name    events.Name
	payload any
}

type recorder struct {
	mu  sync.Mutex
	got []recorded
}

func (r *recorder) Emit(name events.Name, payload any) {
	r.mu.Lock()
	r.got = append(r.got, recorded{name, payload})
	r.mu.Unlock()
}

func (r *recorder) named(name events.Name) []any {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []any
	for _, e := range r.got {
		if e.name == name {
			out = append(out, e.payload)
		}
	}
	return out
}

// fixture is a queue on a fresh data folder with the example imported and an engine that is
// never started: the queue is paused before anything is queued.
type fixture struct {
	dir      string
	store    *store.Store
	settings *settingsvc.Settings
	queue    *Queue
	clock    *fakeclock.Clock
	events   *recorder
	model    store.Model
	models   []store.Model
	weather  store.Weather
}

func newFixture(t *testing.T, resident bool) *fixture {
	t.Helper()
	f := &fixture{dir: filepath.Join(tempdir.New(t), "data")}
	f.open(t, resident)
	m, _, err := f.store.ImportModel(exampleIDF)
	if err != nil {
		t.Fatal(err)
	}
	f.model = m
	if f.weather, _, err = f.store.ImportWeather(exampleEPW); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) open(t *testing.T, resident bool) {
	t.Helper()
	var err error
	if f.store, err = store.Open(f.dir); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	engine := sim.Engine{Path: "/nowhere/energyplus", Version: "25.2.0", Build: "test"}
	f.settings, err = settingsvc.Open(context.Background(), f.store, log,
		func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) {
			return []sim.Engine{engine}, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	f.clock, f.events = fakeclock.New(), &recorder{}
	f.queue, err = NewQueue(Options{Store: f.store, Settings: f.settings, Emitter: f.events, Log: log, Clock: f.clock, Workers: 2, Resident: resident})
	if err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) close() {
	f.queue.Close()
	f.store.Close()
}

// variants imports n distinct models (the example with its building renamed).
func (f *fixture) variants(t *testing.T, n int) []int64 {
	t.Helper()
	var ids []int64
	for i := 0; i < n; i++ {
		text, _, err := f.store.ImportModelText(filepath.Join(tempdir.New(t), "v.idf"), []byte(strings.Replace(mustRead(t, exampleIDF), "Building,", "Building,\n  !- variant "+string(rune('A'+i%26))+strings.Repeat("x", i)+"\n", 1)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, text.ID)
	}
	return ids
}

func TestStartingABatchIsAllOrNothing(t *testing.T) {
	f := newFixture(t, false)
	defer f.close()
	f.queue.Pause()
	models := f.variants(t, 4)
	// A real failure part-way: a trigger refuses the third run of any batch.
	db, err := sql.Open("sqlite3", filepath.Join(f.dir, "epsm.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER injected BEFORE INSERT ON runs
		WHEN (SELECT COUNT(*) FROM runs WHERE batch_id = NEW.batch_id) >= 2
		BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
		t.Fatal(err)
	}
	_, err = f.queue.StartRuns(RunRequest{ModelIDs: models, WeatherID: f.weather.ID})
	if err == nil || !strings.Contains(err.Error(), "injected failure") {
		t.Fatalf("StartRuns = %v, want the injected failure", err)
	}
	runs, _ := f.store.Runs()
	batches, _ := f.store.Batches()
	if len(runs) != 0 || len(batches) != 0 {
		t.Fatalf("after the failure: %d runs and %d batches stored", len(runs), len(batches))
	}
	if s := f.queue.State(); len(s.Queued) != 0 || len(s.Running) != 0 {
		t.Fatalf("after the failure the queue holds %+v", s)
	}
	if got := f.queue.Batches(); len(got) != 0 {
		t.Fatalf("after the failure the window would list %d batches", len(got))
	}
	if _, err := db.Exec(`DROP TRIGGER injected`); err != nil {
		t.Fatal(err)
	}
	started, err := f.queue.StartRuns(RunRequest{ModelIDs: models, WeatherID: f.weather.ID})
	if err != nil || len(started) != 4 {
		t.Fatalf("StartRuns after the fault: %d runs, %v", len(started), err)
	}
	queued := f.queue.State().Queued
	if len(queued) != 4 {
		t.Fatalf("stored 4 runs, queued %v", queued)
	}
	for i, r := range started {
		if r.Status != sim.StatusQueued || queued[i] != r.ID {
			t.Errorf("run %d is %s, queue order %v", r.ID, r.Status, queued)
		}
	}
}

func TestBatchSummariesNeedNoQuery(t *testing.T) {
	f := newFixture(t, false)
	f.queue.Close()
	const n = 1000
	for i := 0; i < n; i++ {
		if _, _, err := f.store.CreateBatch("b", []store.NewRun{{Spec: store.RunSpec{ModelID: f.model.ID, WeatherID: f.weather.ID}}}, nil); err != nil {
			t.Fatal(err)
		}
	}
	f.open2(t)
	// With the database closed, the summaries still come: they are read from memory.
	f.store.Close()
	got := f.queue.Batches()
	if len(got) != n || got[0].Batch.ID != n || got[0].Total != 1 || got[0].Queued != 1 {
		t.Fatalf("%d summaries, first %+v", len(got), got[0])
	}
	f.queue.Close()
}

// open2 opens the queue again on the same store (the app restarted).
func (f *fixture) open2(t *testing.T) {
	t.Helper()
	var err error
	f.queue, err = NewQueue(Options{Store: f.store, Settings: f.settings, Emitter: f.events, Log: slog.New(slog.DiscardHandler), Clock: f.clock, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
}

func TestQueueChangesArePushedCoalesced(t *testing.T) {
	f := newFixture(t, false)
	defer f.close()
	f.queue.Pause()
	f.clock.Advance(time.Second)
	before := len(f.events.named(events.QueueState))
	models := f.variants(t, 30)
	runs, err := f.queue.StartRuns(RunRequest{ModelIDs: models, WeatherID: f.weather.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.events.named(events.RunStatus)); got != 30 {
		t.Fatalf("%d run:status events for 30 new runs", got)
	}
	if got := len(f.events.named(events.QueueState)); got != before {
		t.Fatal("the queue's state was pushed before the coalescing interval")
	}
	f.clock.Advance(changeInterval)
	states := f.events.named(events.QueueState)
	summaries := f.events.named(events.BatchSummary)
	if len(states) != before+1 || len(summaries) != 1 {
		t.Fatalf("after one interval: %d queue:state, %d batch:summary events; want one each", len(states)-before, len(summaries))
	}
	q := states[len(states)-1].(QueueState)
	s := summaries[0].(BatchSummary)
	if len(q.Queued) != 30 || !q.Paused || s.Batch.ID != runs[0].BatchID || s.Queued != 30 || s.Total != 30 || !s.Paused {
		t.Fatalf("pushed queue %+v and summary %+v", q, s)
	}
	// A change of workers changes what a waiting batch's summary says, though no run moved.
	// (Not a resume and a pause: between the two a worker may take a run, as it should.)
	limits := f.settings.QueueLimits()
	limits.Workers = 3
	if _, err := f.settings.SaveQueueLimits(limits); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(changeInterval)
	summaries = f.events.named(events.BatchSummary)
	if len(summaries) != 2 || summaries[1].(BatchSummary).Workers != 3 || !summaries[1].(BatchSummary).Paused {
		t.Fatalf("after the workers changed: %d summaries pushed, want one more (3 workers, paused)", len(summaries))
	}
	// So does a pause, even on a queue already paused (its reason may be new).
	f.queue.Pause()
	f.clock.Advance(changeInterval)
	if summaries = f.events.named(events.BatchSummary); len(summaries) != 3 {
		t.Fatalf("after a pause: %d summaries pushed, want 3", len(summaries))
	}
	f.queue.CancelBatch(runs[0].BatchID)
	f.clock.Advance(changeInterval)
	summaries = f.events.named(events.BatchSummary)
	last := summaries[len(summaries)-1].(BatchSummary)
	if len(summaries) != 4 || last.Failed != 30 || last.ByStatus[sim.StatusCancelled] != 30 || len(last.Errors) != 1 || last.Errors[0].Kind != sim.KindCancelled {
		t.Fatalf("after cancelling the batch: %d summaries, last %+v", len(summaries), last)
	}
}

func TestAPauseAndItsReasonSurviveARestart(t *testing.T) {
	f := newFixture(t, true)
	f.queue.pauseBecause("Disk full: free space on the disk of /data")
	f.close()
	f.open(t, true)
	defer f.close()
	s := f.queue.State()
	if !s.Paused || s.PauseReason != "Disk full: free space on the disk of /data" {
		t.Fatalf("after a restart the queue is %+v", s)
	}
	f.queue.Resume()
	f.close()
	f.open(t, true)
	if s := f.queue.State(); s.Paused {
		t.Fatalf("resumed before the restart, paused after: %+v", s)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestRequeueTakesBackOnlyRunsWithoutAnOutcome: what `epsm study` typed again after Ctrl-C
// asks of the queue. Of a batch an earlier session left, the runs it left queued or running
// and the cancelled ones are queued again; the ones that ended keep their outcome (a failure
// too: it would fail again); a run this session already has is not queued twice.
func TestRequeueTakesBackOnlyRunsWithoutAnOutcome(t *testing.T) {
	f := newFixture(t, false)
	f.queue.Pause()
	runs, err := f.queue.StartRuns(RunRequest{ModelIDs: f.variants(t, 5), WeatherID: f.weather.ID})
	if err != nil {
		t.Fatal(err)
	}
	// The earlier session ends (Ctrl-C): its pool is gone, its runs stay as it left them.
	f.close()
	f.open(t, false)
	defer f.close()
	f.queue.Pause() // nothing starts: the engine is not real
	left := map[sim.Status]int64{}
	for i, status := range []sim.Status{sim.StatusSucceeded, sim.StatusFatal, sim.StatusCancelled, sim.StatusRunning, sim.StatusQueued} {
		if err := f.store.SetRunState(runs[i].ID, status, sim.Progress{}); err != nil {
			t.Fatal(err)
		}
		left[status] = runs[i].ID
	}
	ids := make([]int64, len(runs))
	for i, r := range runs {
		ids[i] = r.ID
	}
	again, err := f.queue.Requeue(ids)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, r := range again {
		got = append(got, r.ID)
	}
	want := []int64{left[sim.StatusCancelled], left[sim.StatusRunning], left[sim.StatusQueued]}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("queued again %v, want the cancelled, running and queued runs %v", got, want)
	}
	for status, id := range left {
		r, err := f.store.Run(id)
		if err != nil {
			t.Fatal(err)
		}
		wantNow := sim.StatusQueued
		if status == sim.StatusSucceeded || status == sim.StatusFatal {
			wantNow = status
		}
		if r.Status != wantNow {
			t.Errorf("the run left %s is now %s, want %s", status, r.Status, wantNow)
		}
	}
	if q := f.queue.State().Queued; len(q) != 3 {
		t.Fatalf("the pool holds %v, want the 3 runs queued again", q)
	}
	// Asked again, the runs this session holds are not queued a second time.
	if again, err := f.queue.Requeue(ids); err != nil || len(again) != 0 || len(f.queue.State().Queued) != 3 {
		t.Fatalf("second Requeue queued %d (err %v); the pool holds %v", len(again), err, f.queue.State().Queued)
	}
}
