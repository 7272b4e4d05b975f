package store

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/sim"
)

const example = "../examples/1ZoneUncontrolled.idf"
const exampleEPW = "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"

func TestOpenMigratesOnceAndRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %q, want wal", mode)
	}
	s.Close()
	s, err = Open(dir) // a second open applies nothing
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	db, _ := sql.Open("sqlite3", filepath.Join(dir, "epsm.db"))
	db.Exec(`PRAGMA user_version = 99`)
	db.Close()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "newer EPSM") {
		t.Fatalf("opening a newer schema: %v", err)
	}
}

func TestImportKeepsAReadOnlyCopyAndDeduplicates(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, created, err := s.ImportModel(example)
	if err != nil || !created {
		t.Fatalf("import: %v created=%v", err, created)
	}
	orig, _ := os.ReadFile(example)
	kept, _ := os.ReadFile(m.StoredPath)
	if string(orig) != string(kept) {
		t.Fatal("stored copy differs from the original")
	}
	if st, _ := os.Stat(m.StoredPath); st.Mode().Perm()&0o222 != 0 {
		t.Errorf("stored copy is writable: %v", st.Mode())
	}
	if filepath.Base(m.StoredPath) != m.SHA256+".idf" {
		t.Errorf("stored as %s", m.StoredPath)
	}
	again, created, err := s.ImportModel(example)
	if err != nil || created || again.ID != m.ID {
		t.Fatalf("second import: %+v created=%v err=%v", again, created, err)
	}
	if _, _, err := s.ImportModel(exampleEPW); err == nil || !strings.Contains(err.Error(), exampleEPW) {
		t.Fatalf("an EPW imported as a model: %v", err)
	}
	if _, _, err := s.ImportWeather(example); err == nil || !strings.Contains(err.Error(), example) {
		t.Fatalf("an IDF imported as weather: %v", err)
	}
	models, _ := s.Models()
	if len(models) != 1 {
		t.Fatalf("%d models stored", len(models))
	}
}

func TestFinishRunStoresOutcomeAndResultsOnce(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _, _ := s.ImportModel(example)
	w, _, err := s.ImportWeather(exampleEPW)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.CreateRun(RunSpec{ModelID: m.ID, WeatherID: w.ID, Engine: sim.Engine{Path: "/x/energyplus", Version: "25.2.0"}, CacheKey: "k1"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != sim.StatusQueued || r.Dir != s.RunDir(r.ID) {
		t.Fatalf("new run = %+v", r)
	}
	out := sim.Outcome{Status: sim.StatusSucceeded, Warnings: 3, Progress: sim.Progress{Percent: 100, Phase: sim.PhaseDone},
		Results: &sim.Results{TotalSiteKWh: 1000, TotalAreaM2: 10, EUIKWhPerM2: 100,
			EndUses: []sim.EndUse{{EndUse: "Heating", Fuel: "Electricity", KWh: 600}, {EndUse: "Interior Lighting", Fuel: "Electricity", KWh: 400}}}}
	// Finishing twice (a retried write) must not duplicate anything.
	for i := 0; i < 2; i++ {
		if err := s.FinishRun(r.ID, out); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.Run(r.ID)
	if got.Status != sim.StatusSucceeded || got.Warnings != 3 || !got.HasResults || got.Progress.Percent != 100 || got.EndedAt == "" {
		t.Fatalf("finished run = %+v", got)
	}
	res, err := s.Results(r.ID)
	if err != nil || res.TotalSiteKWh != 1000 || len(res.EndUses) != 2 {
		t.Fatalf("results = %+v, %v", res, err)
	}
	if unfinished, _ := s.UnfinishedRuns(); len(unfinished) != 0 {
		t.Fatalf("unfinished = %+v", unfinished)
	}
}

func TestFailureKindAndFirstSevereAreStoredAndCleared(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _, _ := s.ImportModel(example)
	w, _, _ := s.ImportWeather(exampleEPW)
	r, err := s.CreateRun(RunSpec{ModelID: m.ID, WeatherID: w.ID, CacheKey: "k"})
	if err != nil {
		t.Fatal(err)
	}
	out := sim.Outcome{Status: sim.StatusFatal, Kind: sim.KindModelFatal, Message: "Errors occurred on processing input file",
		FirstSevere: "Construction NO_SUCH_WALL not found", LastSevere: "last"}
	if err := s.FinishRun(r.ID, out); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Run(r.ID)
	if got.Kind != sim.KindModelFatal || got.FirstSevere != out.FirstSevere || got.Headline != out.FirstSevere {
		t.Fatalf("stored kind %q, first severe %q, headline %q", got.Kind, got.FirstSevere, got.Headline)
	}
	// A cached answer carries the original's kind.
	cached, err := s.CreateCachedRun(RunSpec{ModelID: m.ID, WeatherID: w.ID, CacheKey: "k"}, got)
	if err != nil || cached.Kind != sim.KindModelFatal || cached.Headline != out.FirstSevere {
		t.Fatalf("cached run = %+v, %v", cached, err)
	}
	if err := s.RequeueRun(r.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Run(r.ID); got.Kind != sim.KindNone || got.FirstSevere != "" || got.Status != sim.StatusQueued {
		t.Fatalf("re-queued run keeps %q / %q / %s", got.Kind, got.FirstSevere, got.Status)
	}
}

func TestCachedRunsReadTheOriginalsResults(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _, _ := s.ImportModel(example)
	w, _, _ := s.ImportWeather(exampleEPW)
	b, _, _ := s.CreateBatch("first", nil, nil)
	orig, _ := s.CreateRun(RunSpec{ModelID: m.ID, WeatherID: w.ID, BatchID: b.ID, CacheKey: "same"})
	if found, err := s.FindByCacheKey("same"); err != nil || found.ID != orig.ID {
		t.Fatalf("an unfinished run is found by its key: %+v %v", found, err)
	}
	s.FinishRun(orig.ID, sim.Outcome{Status: sim.StatusFatal, Message: "boom"})
	if _, err := s.FindByCacheKey("same"); err != ErrNotFound {
		t.Fatalf("a failed run must not answer from the cache: %v", err)
	}
	s.RequeueRun(orig.ID)
	s.FinishRun(orig.ID, sim.Outcome{Status: sim.StatusSucceeded, Results: &sim.Results{TotalSiteKWh: 42}})
	hit, err := s.FindByCacheKey("same")
	if err != nil || hit.ID != orig.ID {
		t.Fatalf("cache lookup: %+v %v", hit, err)
	}
	b2, _, _ := s.CreateBatch("second", nil, nil)
	cached, err := s.CreateCachedRun(RunSpec{ModelID: m.ID, WeatherID: w.ID, BatchID: b2.ID, CacheKey: "same"}, hit)
	if err != nil {
		t.Fatal(err)
	}
	if cached.CachedFrom != orig.ID || cached.Status != sim.StatusSucceeded || !cached.HasResults || cached.Dir != orig.Dir {
		t.Fatalf("cached run = %+v", cached)
	}
	res, err := s.Results(cached.ID)
	if err != nil || res.TotalSiteKWh != 42 {
		t.Fatalf("cached results = %+v %v", res, err)
	}
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM results`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d result rows: a cached run must not copy results", n)
	}
	if runs, _ := s.BatchRuns(b2.ID); len(runs) != 1 || runs[0].ID != cached.ID {
		t.Fatalf("batch runs = %+v", runs)
	}
	if found, _ := s.FindByCacheKey("same"); found.ID != orig.ID {
		t.Fatalf("a cached run is never itself the cache source: %+v", found)
	}
}

func TestASecondOpenOfTheSameFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "another EPSM (pid") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("second open: %v", err)
	}
	s.Close()
	s2, err := Open(dir) // released on close
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

func TestCreateBatchIsAllOrNothing(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _, _ := s.ImportModel(example)
	w, _, _ := s.ImportWeather(exampleEPW)
	left, _ := s.CreateRun(RunSpec{ModelID: m.ID, WeatherID: w.ID, CacheKey: "left"})
	s.SetRunState(left.ID, sim.StatusRunning, sim.Progress{Percent: 40})
	ok := RunSpec{ModelID: m.ID, WeatherID: w.ID}
	known := sim.Outcome{Status: sim.StatusSucceeded, Results: &sim.Results{TotalSiteKWh: 7}}
	// The third run names a model that does not exist: the foreign key fails part-way.
	_, _, err = s.CreateBatch("broken", []NewRun{{Spec: ok}, {Spec: ok, Known: &known}, {Spec: RunSpec{ModelID: 999, WeatherID: w.ID}}, {Spec: ok}}, []int64{left.ID})
	if err == nil {
		t.Fatal("a batch with a run of a missing model was stored")
	}
	runs, _ := s.Runs()
	batches, _ := s.Batches()
	if len(runs) != 1 || len(batches) != 0 {
		t.Fatalf("after the failed batch: %d runs, %d batches; want only the earlier run and no batch", len(runs), len(batches))
	}
	if got, _ := s.Run(left.ID); got.Status != sim.StatusRunning {
		t.Fatalf("the run to take back was changed by the failed batch: %s", got.Status)
	}
	b, created, err := s.CreateBatch("good", []NewRun{{Spec: ok}, {Spec: ok, Known: &known}}, []int64{left.ID})
	if err != nil || len(created) != 2 || created[0].BatchID != b.ID {
		t.Fatalf("good batch: %+v %v", created, err)
	}
	if created[0].Status != sim.StatusQueued || created[1].Status != sim.StatusSucceeded || !created[1].HasResults {
		t.Fatalf("queued %s, known %s (results %v)", created[0].Status, created[1].Status, created[1].HasResults)
	}
	if got, _ := s.Run(left.ID); got.Status != sim.StatusQueued {
		t.Fatalf("the taken-back run is %s, want queued", got.Status)
	}
}
