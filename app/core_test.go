package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"epsm/events"
	"epsm/internal/enginetest"
	"epsm/services/runsvc"
	"epsm/sim"

	"epsm/internal/tempdir"
	"epsm/runner"
)

// testEngine pins the engine the way `make test` does, failing in CI when it is missing.
func testEngine(t *testing.T) sim.Engine { return enginetest.Require(t) }

func openCore(t testing.TB, dir string, engine *sim.Engine, emit events.Emitter) *App {
	t.Helper()
	return openWith(t, Config{DataDir: dir, Workers: 2, Emitter: emit}, engine)
}

// openWith opens the app with cfg and only the given engine (none when nil).
func openWith(t testing.TB, cfg Config, engine *sim.Engine) *App {
	t.Helper()
	cfg.Discover = func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) {
		if engine == nil {
			return nil, []runner.Candidate{{Path: "/nowhere/energyplus", Source: runner.SourcePath, Error: "not found"}}
		}
		return []sim.Engine{*engine}, nil
	}
	c, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestImportReportsEachFile(t *testing.T) {
	tmp := tempdir.New(t)
	c := openCore(t, filepath.Join(tmp, "data"), nil, nil)
	defer c.Close()
	bad := filepath.Join(tmp, "broken model.idf")
	os.WriteFile(bad, []byte("Version,25.2;\nZone,\n  Z1,\n"), 0o644) // unterminated object
	notes := filepath.Join(tmp, "notes.txt")
	os.WriteFile(notes, []byte("hi"), 0o644)

	rep := c.Importer.Import([]string{"../examples/1ZoneUncontrolled.idf", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw", bad, notes, filepath.Join(tmp, "gone.epw")})
	if len(rep.Models) != 1 || len(rep.Weather) != 1 {
		t.Fatalf("imported %d models, %d weather: %+v", len(rep.Models), len(rep.Weather), rep.Errors)
	}
	if len(rep.Errors) != 3 {
		t.Fatalf("errors = %+v", rep.Errors)
	}
	for i, name := range []string{"broken model.idf", "notes.txt", "gone.epw"} {
		if !strings.Contains(rep.Errors[i].Message, name) {
			t.Errorf("error %d %q does not name %s", i, rep.Errors[i].Message, name)
		}
	}
	m := rep.Models[0]
	if m.Summary.Zones != 1 || m.Summary.Version != "25.2" || !m.Summary.Annual {
		t.Errorf("model summary = %+v", m.Summary)
	}
	if rep.Weather[0].Header.Location.Country != "USA" {
		t.Errorf("weather = %+v", rep.Weather[0].Header.Location)
	}
	// The stored copy is the app's own, not the user's file.
	if m.StoredPath == m.OriginalPath || !strings.HasPrefix(m.StoredPath, c.Store.Dir()) {
		t.Errorf("stored at %s", m.StoredPath)
	}
	// The same content again, under another name, is a duplicate, not a second model.
	copyPath := filepath.Join(tmp, "same content.idf")
	data, _ := os.ReadFile("../examples/1ZoneUncontrolled.idf")
	os.WriteFile(copyPath, data, 0o644)
	rep2 := c.Importer.Import([]string{copyPath})
	if len(rep2.Duplicates) != 1 || rep2.Models[0].ID != m.ID {
		t.Errorf("duplicate import = %+v", rep2)
	}
	if st := c.Settings.EngineStatus(); st.Engine != nil || !strings.Contains(st.Help, "ENERGYPLUS_EXE") {
		t.Errorf("engine status without an engine = %+v", st)
	}
	if _, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{m.ID}, WeatherID: rep.Weather[0].ID}); err == nil {
		t.Error("runs started without an engine")
	}
}

func TestRunsAreStoredAndSurviveRestart(t *testing.T) {
	engine := testEngine(t)
	dir := filepath.Join(tempdir.New(t), "data with spaces")
	recorder := &eventLog{}
	c := openCore(t, dir, &engine, recorder)
	rep := c.Importer.ImportExample()
	if len(rep.Models) != 1 || len(rep.Weather) != 1 {
		t.Fatalf("example import: %+v", rep)
	}
	dd := filepath.Join(tempdir.New(t), "dd.idf")
	copyFile(t, "../../shared/testdata/epsm/test.idf", dd)
	rep2 := c.Importer.Import([]string{dd})
	runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID, rep2.Models[0].ID}, WeatherID: rep.Weather[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ids := []int64{runs[0].ID, runs[1].ID}
	if err := c.Queue.Wait(ctx, ids); err != nil {
		t.Fatal(err)
	}
	before := map[int64]float64{}
	for _, id := range ids {
		d, err := c.Queue.RunDetails(id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Run.Status != sim.StatusSucceeded || d.Results == nil || d.Run.Progress.Percent != 100 {
			t.Fatalf("run %d: %s %q results=%v", id, d.Run.Status, d.Run.Message, d.Results != nil)
		}
		before[id] = d.Results.TotalSiteKWh
	}
	// Events: progress for both runs and a final status for each, in that order per run.
	finalSeen := map[int64]bool{}
	progressSeen := map[int64]int{}
	for _, e := range recorder.snapshot() {
		switch p := e.payload.(type) {
		case runsvc.RunProgress:
			if finalSeen[p.RunID] {
				t.Errorf("progress for run %d after its final status", p.RunID)
			}
			progressSeen[p.RunID]++
		case runsvc.RunStatus:
			if p.Run.Status.Final() {
				finalSeen[p.Run.ID] = true
			}
		}
	}
	for _, id := range ids {
		if !finalSeen[id] || progressSeen[id] == 0 {
			t.Errorf("run %d: %d progress events, final status seen %v", id, progressSeen[id], finalSeen[id])
		}
	}
	c.Close()

	c2 := openCore(t, dir, &engine, nil)
	defer c2.Close()
	for _, id := range ids {
		d, err := c2.Queue.RunDetails(id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Results == nil || d.Results.TotalSiteKWh != before[id] || len(d.Results.EndUses) == 0 {
			t.Errorf("after restart run %d results = %+v", id, d.Results)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEngineSettingIsCheckedStoredAndPreferred(t *testing.T) {
	engine := testEngine(t)
	dir := filepath.Join(tempdir.New(t), "data")
	cfg := Config{DataDir: dir, Workers: 1, Discover: discoverOnly(func() string { return "" })}
	c, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if c.Settings.EngineStatus().Engine != nil {
		t.Fatal("an engine was found with every source switched off")
	}
	notEngine := filepath.Join(tempdir.New(t), "energyplus")
	os.WriteFile(notEngine, []byte("#!/bin/sh\necho hello\n"), 0o755)
	if _, err := c.Settings.SetEnginePath(context.Background(), notEngine); err == nil || !strings.Contains(err.Error(), notEngine) {
		t.Fatalf("a program that is not EnergyPlus was accepted: %v", err)
	}
	if _, err := c.Settings.SetEnginePath(context.Background(), "relative/energyplus"); err == nil {
		t.Fatal("a relative path was accepted")
	}
	st, err := c.Settings.SetEnginePath(context.Background(), engine.Path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Engine == nil || st.Engine.Path != engine.Path || st.Engine.Source != runner.SourceSettings {
		t.Fatalf("status after setting = %+v", st)
	}
	c.Close()
	// The setting survives a restart.
	c2, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if e := c2.Settings.Engine(); e.Path != engine.Path {
		t.Fatalf("engine after restart = %+v", e)
	}
}

func TestEveryTransitionIsPersisted(t *testing.T) {
	engine := fakeEngine(t)
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), &engine, nil)
	defer c.Close()
	w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
	m := c.Importer.Import([]string{fakeModelFile(t, tempdir.New(t), "slow.idf", "slow-start 1")}).Models[0]
	c.Queue.Pause() // so the stored state can be read before the run starts
	runs, _ := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{m.ID}, WeatherID: w.ID})
	seen := map[sim.Status]bool{}
	if r, err := c.Store.Run(runs[0].ID); err != nil || r.Status != sim.StatusQueued {
		t.Fatalf("the new run as stored: %s, %v; want queued", r.Status, err)
	}
	seen[sim.StatusQueued] = true
	c.Queue.Resume()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		r, _ := c.Store.Run(runs[0].ID)
		seen[r.Status] = true
		if r.Status.Final() {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	for _, s := range []sim.Status{sim.StatusQueued, sim.StatusRunning, sim.StatusSucceeded} {
		if !seen[s] {
			t.Errorf("state %s was never stored (saw %v)", s, seen)
		}
	}
}

func TestTheUICannotImportRelativePaths(t *testing.T) {
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), nil, nil)
	defer c.Close()
	abs, _ := filepath.Abs("../examples/1ZoneUncontrolled.idf")
	rep := c.ImportsService.ImportFiles([]string{"../examples/1ZoneUncontrolled.idf", abs})
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Message, "not an absolute path") || len(rep.Models) != 1 {
		t.Fatalf("report = %+v", rep)
	}
}
