package app

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"epsm/internal/fakeengine"
	"epsm/internal/tempdir"
	"epsm/runner"
	"epsm/services/importsvc"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/sim"
	"epsm/store"
)

// fakeEngine is the FAKE EnergyPlus, for fault injection only (crash, hang, fatal).
func fakeEngine(t testing.TB) sim.Engine {
	t.Helper()
	e, err := runner.Probe(context.Background(), fakeengine.EnergyPlusPath(t))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// countingEngine puts a launcher in front of an engine that counts its starts, so a test can
// tell whether a process was started at all.
func countingEngine(t *testing.T, real sim.Engine) (sim.Engine, func() int) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the counting launcher is a shell script")
	}
	dir := tempdir.New(t)
	counter := filepath.Join(dir, "starts")
	path := filepath.Join(dir, "energyplus")
	script := "#!/bin/sh\n[ \"$1\" = --version ] || echo x >> '" + counter + "'\nexec '" + real.Path + "' \"$@\"\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	e, err := runner.Probe(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return e, func() int {
		data, _ := os.ReadFile(counter)
		return strings.Count(string(data), "x")
	}
}

func fakeModelFile(t testing.TB, dir, name, mode string) string {
	t.Helper()
	return fakeengine.Model(t, "../examples/1ZoneUncontrolled.idf", dir, name, mode)
}

func waitRuns(t testing.TB, c *App, runs []int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := c.Queue.Wait(ctx, runs); err != nil {
		t.Fatal(err)
	}
}

func TestIdenticalRunIsAnsweredFromTheCacheWithoutAProcess(t *testing.T) {
	engine, starts := countingEngine(t, testEngine(t))
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), &engine, nil)
	defer c.Close()
	rep := c.Importer.ImportExample()
	req := runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherID: rep.Weather[0].ID}
	first, err := c.Queue.StartRuns(req)
	if err != nil {
		t.Fatal(err)
	}
	waitRuns(t, c, []int64{first[0].ID})
	if starts() != 1 {
		t.Fatalf("%d engine starts for one run", starts())
	}
	second, err := c.Queue.StartRuns(req)
	if err != nil {
		t.Fatal(err)
	}
	waitRuns(t, c, []int64{second[0].ID})
	if starts() != 1 {
		t.Fatalf("the identical run started the engine (%d starts)", starts())
	}
	d, _ := c.Queue.RunDetails(second[0].ID)
	if d.Run.CachedFrom != first[0].ID || d.Run.Status != sim.StatusSucceeded || d.Results == nil || d.Run.BatchID == first[0].BatchID {
		t.Fatalf("cached run = %+v results=%v", d.Run, d.Results != nil)
	}
	req.Force = true
	forced, _ := c.Queue.StartRuns(req)
	waitRuns(t, c, []int64{forced[0].ID})
	if starts() != 2 {
		t.Fatalf("a forced re-run did not start the engine (%d starts)", starts())
	}
	if d, _ := c.Queue.RunDetails(forced[0].ID); d.Run.CachedFrom != 0 || d.Results == nil {
		t.Fatalf("forced run = %+v", d.Run)
	}
}

func TestPauseResumeCancelBatchAndRerunFailed(t *testing.T) {
	engine := fakeEngine(t)
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), &engine, nil)
	defer c.Close()
	w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
	tmp := tempdir.New(t)
	var fatal []int64
	for _, n := range []string{"a.idf", "b.idf", "c.idf"} {
		fatal = append(fatal, c.Importer.Import([]string{fakeModelFile(t, tmp, n, "fatal")}).Models[0].ID)
	}
	okModel := c.Importer.Import([]string{fakeModelFile(t, tmp, "ok.idf", "success")}).Models[0].ID

	c.Queue.Pause()
	runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: append(fatal, okModel), WeatherID: w.ID})
	if err != nil {
		t.Fatal(err)
	}
	// Wake every worker while paused (a new worker count does): each must go back to waiting.
	if _, err := c.Settings.SaveQueueLimits(settingsvc.QueueLimits{Workers: 3, StallSeconds: 600}); err != nil {
		t.Fatal(err)
	}
	if st := c.Queue.State(); len(st.Running) != 0 {
		t.Fatalf("runs %v started while the queue is paused", st.Running)
	}
	for _, r := range runs {
		if got, _ := c.Store.Run(r.ID); got.Status != sim.StatusQueued {
			t.Fatalf("run %d is %s while the queue is paused", r.ID, got.Status)
		}
	}
	if st := c.Queue.State(); !st.Paused || len(st.Queued) != 4 {
		t.Fatalf("queue state = %+v", st)
	}
	c.Queue.Resume()
	var all []int64
	for _, r := range runs {
		all = append(all, r.ID)
	}
	waitRuns(t, c, all)
	sum, err := c.Queue.BatchSummary(runs[0].BatchID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != 4 || sum.Failed != 3 || sum.Finished != 4 || len(sum.Errors) != 1 || len(sum.Errors[0].RunIDs) != 3 ||
		!strings.Contains(sum.Errors[0].Headline, "FakeObject: something is wrong") {
		t.Fatalf("summary = %+v", sum)
	}
	again, err := c.Queue.RerunFailed(runs[0].BatchID)
	if err != nil || len(again) != 3 {
		t.Fatalf("re-run failed: %d runs, %v", len(again), err)
	}
	for _, r := range again {
		if r.Status != sim.StatusQueued {
			t.Errorf("re-queued run %d is %s", r.ID, r.Status)
		}
	}
	waitRuns(t, c, all)
	// The fatal models are still fatal: each re-run ends as it did, once, with its own outcome.
	for _, r := range again {
		got, _ := c.Store.Run(r.ID)
		if got.Status != sim.StatusFatal || got.Kind != sim.KindModelFatal || !strings.Contains(got.Headline, "FakeObject: something is wrong") {
			t.Errorf("re-run %d ended %s (%s) %q; want fatal again", r.ID, got.Status, got.Kind, got.Headline)
		}
	}
	if sum, _ := c.Queue.BatchSummary(runs[0].BatchID); sum.Finished != 4 || sum.Failed != 3 || len(sum.Errors) != 1 || len(sum.Errors[0].RunIDs) != 3 {
		t.Errorf("after the re-run the summary is %+v", sum)
	}

	// A batch of hanging runs: cancel the batch, everything ends cancelled, quickly.
	hang := c.Importer.Import([]string{fakeModelFile(t, tmp, "hang1.idf", "hang"), fakeModelFile(t, tmp, "hang2.idf", "hang"), fakeModelFile(t, tmp, "hang3.idf", "hang")}).Models
	hr, _ := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{hang[0].ID, hang[1].ID, hang[2].ID}, WeatherID: w.ID})
	for deadline := time.Now().Add(30 * time.Second); ; {
		if st := c.Queue.State(); len(st.Running) == 3 {
			break // every hanging run is under way: the cancel must stop running engines
		}
		if time.Now().After(deadline) {
			t.Fatalf("the hanging runs did not all start: %+v", c.Queue.State())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancelBatch(t, c, hr, 3*time.Second)
}

// cancelBatch cancels the batch of runs and checks that every run of it ends cancelled within
// limit.
func cancelBatch(t *testing.T, c *App, runs []store.Run, limit time.Duration) {
	t.Helper()
	start := time.Now()
	if n := c.Queue.CancelBatch(runs[0].BatchID); n != len(runs) {
		t.Fatalf("cancelled %d runs of %d", n, len(runs))
	}
	ids := make([]int64, len(runs))
	for i, r := range runs {
		ids[i] = r.ID
	}
	waitRuns(t, c, ids)
	if d := time.Since(start); d > limit {
		t.Errorf("cancelling the batch took %s", d)
	}
	for _, r := range runs {
		if got, _ := c.Store.Run(r.ID); got.Status != sim.StatusCancelled {
			t.Errorf("run %d is %s", r.ID, got.Status)
		}
	}
}

func TestMoveBatchToFront(t *testing.T) {
	engine := fakeEngine(t)
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), &engine, nil)
	defer c.Close()
	w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
	tmp := tempdir.New(t)
	c.Queue.Pause()
	a, _ := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{c.Importer.Import([]string{fakeModelFile(t, tmp, "a.idf", "success")}).Models[0].ID}, WeatherID: w.ID})
	b, _ := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{c.Importer.Import([]string{fakeModelFile(t, tmp, "b.idf", "success")}).Models[0].ID}, WeatherID: w.ID})
	c.Queue.MoveBatchToFront(b[0].BatchID)
	if q := c.Queue.State().Queued; len(q) != 2 || q[0] != b[0].ID || q[1] != a[0].ID {
		t.Fatalf("queue order = %v, want batch %d first", q, b[0].BatchID)
	}
	c.Queue.Resume()
	waitRuns(t, c, []int64{a[0].ID, b[0].ID})
}

func TestSettingsAreValidatedStoredAndApplied(t *testing.T) {
	dir := filepath.Join(tempdir.New(t), "data")
	c := openCore(t, dir, nil, nil)
	if _, err := c.Settings.SaveQueueLimits(settingsvc.QueueLimits{Workers: -1}); err == nil {
		t.Error("negative workers accepted")
	}
	if _, err := c.Settings.SaveQueueLimits(settingsvc.QueueLimits{Workers: 2, StallSeconds: 1}); err == nil {
		t.Error("a 1 s stall limit accepted")
	}
	if _, err := c.Settings.SaveQueueLimits(settingsvc.QueueLimits{Workers: 3, TimeoutMinutes: 90, StallSeconds: 120}); err != nil {
		t.Fatal(err)
	}
	if c.Queue.State().Workers != 3 {
		t.Errorf("workers = %d, want 3", c.Queue.State().Workers)
	}
	c.Close()
	c2, err := Open(context.Background(), Config{DataDir: dir, Discover: func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) { return nil, nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if s := c2.Settings.QueueLimits(); s.Workers != 3 || s.TimeoutMinutes != 90 || s.StallSeconds != 120 || c2.Queue.State().Workers != 3 {
		t.Fatalf("after restart: %+v, pool %d workers", s, c2.Queue.State().Workers)
	}
}

func TestChangedSourceFileIsNoticedAndRerunInOneStep(t *testing.T) {
	engine := fakeEngine(t)
	recorder := &eventLog{}
	dir := filepath.Join(tempdir.New(t), "data")
	cfg := Config{DataDir: dir, Workers: 1, Emitter: recorder, Resident: true,
		Discover: func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) {
			return []sim.Engine{engine}, nil
		}}
	c, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	userDir := tempdir.New(t)
	model := fakeModelFile(t, userDir, "house.idf", "success")
	m := c.Importer.Import([]string{model}).Models[0]
	w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
	runs, _ := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{m.ID}, WeatherID: w.ID})
	waitRuns(t, c, []int64{runs[0].ID})

	// The user edits the model in place.
	data, _ := os.ReadFile(model)
	if err := os.WriteFile(model, append(data, []byte("\n! edited\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		// The store is marked first, then the window is told: wait for both.
		got, _ := c.Store.Model(m.ID)
		if got.SourceChangedAt != "" && sawSourceChanged(recorder, m.ID) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the change of the original file was not noticed (stored: %v, event: %v)", got.SourceChangedAt != "", sawSourceChanged(recorder, m.ID))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if r, _ := c.Store.Run(runs[0].ID); !r.ModelChanged {
		t.Error("the old run is not marked as made from a changed model")
	}
	res, err := c.Importer.ReimportAndRerun(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Import.Models) != 1 || res.Import.Models[0].ID == m.ID || len(res.Runs) != 1 || res.Runs[0].WeatherID != w.ID {
		t.Fatalf("reimport = %+v", res)
	}
	waitRuns(t, c, []int64{res.Runs[0].ID})
	// The user's file was never written by EPSM.
	now, _ := os.ReadFile(model)
	if !strings.HasSuffix(string(now), "! edited\n") {
		t.Error("the user's file changed")
	}
}

func TestTransitionOfferExplainsWhyNot(t *testing.T) {
	engine := testEngine(t)
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), &engine, nil)
	defer c.Close()
	old := c.Importer.Import([]string{"../../shared/testdata/energyplus/1ZoneUncontrolled.idf"}).Models[0]
	offer, err := c.Importer.TransitionOffer(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(runner.TransitionSteps(engine)) == 0 {
		// The PyPI engine: no updaters, so no offer, and the reason says where they would be.
		if offer.Possible || !strings.Contains(offer.Reason, "IDFVersionUpdater") || offer.From != "9.4" {
			t.Fatalf("offer = %+v", offer)
		}
		if _, err := c.Importer.TransitionModel(context.Background(), old.ID); err == nil {
			t.Fatal("a transition without updaters succeeded")
		}
	}
	current := c.Importer.ImportExample().Models[0]
	if offer, _ := c.Importer.TransitionOffer(current.ID); offer.Possible || !strings.Contains(offer.Reason, "already matches") {
		t.Fatalf("offer for a current model = %+v", offer)
	}
}

func TestRunsLeftRunningByACrashAreRunAgainOnce(t *testing.T) {
	engine := testEngine(t)
	dir := filepath.Join(tempdir.New(t), "data")
	c := openCore(t, dir, &engine, nil)
	rep := c.Importer.ImportExample()
	c.Queue.Pause()
	runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherID: rep.Weather[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	// What a SIGKILL leaves behind: the run marked running, a half-written folder.
	c.Store.SetRunState(runs[0].ID, sim.StatusRunning, sim.Progress{Percent: 40})
	os.MkdirAll(runs[0].Dir, 0o755)
	os.WriteFile(filepath.Join(runs[0].Dir, "eplusout.err"), []byte("half"), 0o644)
	c.Close()

	c2, err := Open(context.Background(), Config{DataDir: dir, Resident: true,
		Discover: func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) {
			return []sim.Engine{engine}, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	waitRuns(t, c2, []int64{runs[0].ID})
	d, _ := c2.Queue.RunDetails(runs[0].ID)
	if d.Run.Status != sim.StatusSucceeded || d.Results == nil {
		t.Fatalf("re-queued run = %s %q", d.Run.Status, d.Run.Message)
	}
	all, _ := c2.Store.Runs()
	if len(all) != 1 {
		t.Fatalf("%d runs stored, want 1", len(all))
	}
}

func sawSourceChanged(recorder *eventLog, modelID int64) bool {
	for _, e := range recorder.snapshot() {
		if sc, ok := e.payload.(importsvc.SourceChanged); ok && sc.ID == modelID && sc.Kind == importsvc.SourceModel {
			return true
		}
	}
	return false
}
