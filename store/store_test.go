package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/sim"
)

const example = "../examples/1ZoneUncontrolled.idf"
const exampleEPW = "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"

// dbState is everything a migration could change: the schema (sqlite_master, with each
// object's SQL), PRAGMA user_version (how many migrations ran), PRAGMA schema_version (which
// SQLite bumps on every schema change, even one that leaves the same SQL behind, such as a
// dropped and re-created index) and the row count of every table.
type dbState struct {
	UserVersion, SchemaVersion int
	Master                     []string
	Rows                       map[string]int
}

// readDBState reads dbState from the database file with its own connection, while no Store
// has it open.
func readDBState(t *testing.T, path string) dbState {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st := dbState{Rows: map[string]int{}}
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&st.UserVersion); err != nil {
		t.Fatalf("user_version of %s: %v", path, err)
	}
	if err := db.QueryRow(`PRAGMA schema_version`).Scan(&st.SchemaVersion); err != nil {
		t.Fatalf("schema_version of %s: %v", path, err)
	}
	rows, err := db.Query(`SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name`)
	if err != nil {
		t.Fatalf("sqlite_master of %s: %v", path, err)
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var typ, name, tbl, text string
		if err := rows.Scan(&typ, &name, &tbl, &text); err != nil {
			t.Fatal(err)
		}
		st.Master = append(st.Master, strings.Join([]string{typ, name, tbl, text}, "|"))
		if typ == "table" {
			tables = append(tables, name)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, name := range tables {
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM "` + name + `"`).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", name, err)
		}
		st.Rows[name] = n
	}
	return st
}

// changes lists what differs between two states, one line each, so a failure names the
// change instead of printing the whole schema twice.
func (before dbState) changes(after dbState) []string {
	var out []string
	if before.UserVersion != after.UserVersion {
		out = append(out, fmt.Sprintf("user_version %d -> %d", before.UserVersion, after.UserVersion))
	}
	if before.SchemaVersion != after.SchemaVersion {
		out = append(out, fmt.Sprintf("schema_version %d -> %d (the schema was written)", before.SchemaVersion, after.SchemaVersion))
	}
	was := map[string]bool{}
	for _, m := range before.Master {
		was[m] = true
	}
	is := map[string]bool{}
	for _, m := range after.Master {
		is[m] = true
		if !was[m] {
			out = append(out, "sqlite_master gained "+m)
		}
	}
	for _, m := range before.Master {
		if !is[m] {
			out = append(out, "sqlite_master lost "+m)
		}
	}
	for name, n := range after.Rows {
		if before.Rows[name] != n {
			out = append(out, fmt.Sprintf("table %s: %d rows -> %d", name, before.Rows[name], n))
		}
	}
	return out
}

func TestOpenMigratesOnceAndRefusesNewerSchema(t *testing.T) {
	dir := tempdir.New(t)
	dbPath := filepath.Join(dir, "epsm.db")
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
	first := readDBState(t, dbPath)
	// A fresh folder runs every migration, and records that it did: a user_version short of
	// the count would run the last migrations again on the next start.
	if first.UserVersion != len(migrations) {
		t.Fatalf("user_version %d after the first open, want %d (the number of migrations)", first.UserVersion, len(migrations))
	}
	if _, ok := first.Rows["runs"]; !ok {
		t.Fatalf("no runs table after migrating: %q", first.Master)
	}

	s, err = Open(dir) // a second open applies nothing
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, c := range first.changes(readDBState(t, dbPath)) {
		t.Errorf("a second open changed the database: %s", c)
	}

	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	newer := readDBState(t, dbPath)
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "newer EPSM") {
		t.Fatalf("opening a newer schema: %v", err)
	}
	for _, c := range newer.changes(readDBState(t, dbPath)) {
		t.Errorf("refusing a newer schema changed the database: %s", c)
	}
}

func TestImportKeepsAReadOnlyCopyAndDeduplicates(t *testing.T) {
	s, err := Open(tempdir.New(t))
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

// A folder the user cannot write to (a read-only share, a mounted disc, a colleague's
// folder) is a normal place to import from: the import reads the file, keeps its own copy and
// writes nothing beside the original. A data folder EPSM cannot write to is refused when it
// is opened, naming it, rather than at the first import or run.
func TestReadOnlyFolders(t *testing.T) {
	files := map[string]string{"locked.idf": example, "locked.epw": exampleEPW}
	withReadOnlyDir(t, func(t *testing.T, dir string) {
		for name, src := range files {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
			t.Fatal(err)
		}
	}, func(t *testing.T, dir string) {
		s, err := Open(tempdir.New(t))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		m, created, err := s.ImportModel(filepath.Join(dir, "locked.idf"))
		if err != nil || !created || m.Summary.Zones != 1 {
			t.Fatalf("import from a read-only folder: created=%v zones=%d err=%v", created, m.Summary.Zones, err)
		}
		w, created, err := s.ImportWeather(filepath.Join(dir, "locked.epw"))
		if err != nil || !created || w.Header.Location.Country != "USA" {
			t.Fatalf("import weather from a read-only folder: created=%v country=%q err=%v", created, w.Header.Location.Country, err)
		}
		for stored, src := range map[string]string{m.StoredPath: example, w.StoredPath: exampleEPW} {
			want, _ := os.ReadFile(src)
			if got, err := os.ReadFile(stored); err != nil || string(got) != string(want) {
				t.Errorf("stored copy %s differs from %s (%v)", stored, src, err)
			}
		}

		data := filepath.Join(dir, "data")
		if s, err := Open(data); err == nil {
			s.Close()
			t.Fatal("a read-only data folder was opened")
		} else if !strings.Contains(err.Error(), data) {
			t.Errorf("opening a read-only data folder: %v, want the folder named", err)
		}
	})
}

func TestFinishRunStoresOutcomeAndResultsOnce(t *testing.T) {
	s, err := Open(tempdir.New(t))
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
	s, err := Open(tempdir.New(t))
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
	if got.ModelVersion != "25.2" {
		t.Errorf("the run's model version = %q, want the model's 25.2", got.ModelVersion)
	}
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
	s, err := Open(tempdir.New(t))
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
	dir := tempdir.New(t)
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
	s, err := Open(tempdir.New(t))
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

// The peak heating and zone temperature counts come back as stored (nil stays nil, not 0), and
// a study's variant takes its base model's settings unless it has its own.
func TestSwedishFigureInputsRoundTrip(t *testing.T) {
	s, err := Open(tempdir.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base, _, _ := s.ImportModel(example)
	w, _, err := s.ImportWeather(exampleEPW)
	if err != nil {
		t.Fatal(err)
	}
	peak, daily := 41234.5, 30123.25
	above := make([]int, sim.ZoneTempSteps)
	above[0], above[60], above[61] = 900, 12, 3 // 20 °C, 26 °C, 26.1 °C; the rest zero
	withPeak := &sim.Results{TotalSiteKWh: 1, PeakHeatingW: &peak, PeakHeatingDailyW: &daily,
		Zones: []sim.ZoneTemperatures{{Zone: "LIVING", Occupied: true, Hours: 5000, Above: above}}}
	for i, res := range []*sim.Results{withPeak, {TotalSiteKWh: 2}} {
		r, err := s.CreateRun(RunSpec{ModelID: base.ID, WeatherID: w.ID, Engine: sim.Engine{Path: "/x/energyplus", Version: "25.2.0"}, CacheKey: fmt.Sprint("k", i)})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.FinishRun(r.ID, sim.Outcome{Status: sim.StatusSucceeded, Results: res}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Results(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.PeakHeatingW, res.PeakHeatingW) || !reflect.DeepEqual(got.PeakHeatingDailyW, res.PeakHeatingDailyW) || !reflect.DeepEqual(got.Zones, res.Zones) {
			t.Errorf("run %d: stored peak %v/%v zones %+v, want %v/%v %+v", i, got.PeakHeatingW, got.PeakHeatingDailyW, got.Zones, res.PeakHeatingW, res.PeakHeatingDailyW, res.Zones)
		}
	}

	variant, _, err := s.ImportModelText(filepath.Join(tempdir.New(t), "variant.idf"), []byte("Version,25.2;\nBuilding,Variant;\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateStudy(Study{Name: "s", SpecJSON: "{}", BaseModelID: base.ID}, []StudyVariant{{Key: "v1", Name: "v1", ChoicesJSON: "{}", ModelID: variant.ID, FiguresJSON: "{}"}}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.ModelSettingsJSON(variant.ID); ok || err != nil {
		t.Fatalf("settings before any were set: %v %v", ok, err)
	}
	if err := s.SetModelSettingsJSON(base.ID, `{"atempM2":1000}`); err != nil {
		t.Fatal(err)
	}
	if js, ok, err := s.ModelSettingsJSON(variant.ID); !ok || err != nil || js != `{"atempM2":1000}` {
		t.Errorf("variant's settings %q %v %v, want the base model's", js, ok, err)
	}
	if err := s.SetModelSettingsJSON(variant.ID, `{"atempM2":900}`); err != nil {
		t.Fatal(err)
	}
	if js, _, _ := s.ModelSettingsJSON(variant.ID); js != `{"atempM2":900}` {
		t.Errorf("variant's own settings %q, want its own", js)
	}
}

// A method study queues a batch per generation; the list of studies names all of them, so its
// progress covers every run, not only the first generation's. A sampled study has its one batch,
// and a study's batches never include another study's.
func TestStudiesNameEveryBatchOfTheirRuns(t *testing.T) {
	s, err := Open(tempdir.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base, _, _ := s.ImportModel(example)
	w, _, err := s.ImportWeather(exampleEPW)
	if err != nil {
		t.Fatal(err)
	}
	variant := func(key string, batch string) (StudyVariant, int64) {
		m, _, err := s.ImportModelText(filepath.Join(tempdir.New(t), key+".idf"), []byte("Version,25.2;\nBuilding,"+key+";\n"))
		if err != nil {
			t.Fatal(err)
		}
		b, runs, err := s.CreateBatch(batch, []NewRun{{Spec: RunSpec{ModelID: m.ID, WeatherID: w.ID, CacheKey: key}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return StudyVariant{Key: key, Name: key, ChoicesJSON: "{}", ModelID: m.ID, FiguresJSON: "{}", Runs: map[int64]int64{w.ID: runs[0].ID}}, b.ID
	}
	v0, gen0 := variant("n0", "nsga · generation 0")
	method, _, err := s.CreateStudy(Study{Name: "nsga", SpecJSON: "{}", BaseModelID: base.ID, BatchID: gen0, MethodJSON: "{}"}, []StudyVariant{v0})
	if err != nil {
		t.Fatal(err)
	}
	v1, gen1 := variant("n1", "nsga · generation 1")
	v2, gen2 := variant("n2", "nsga · generation 2")
	if _, err := s.AddStudyVariants(method.ID, []StudyVariant{v1}, "{}"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddStudyVariants(method.ID, []StudyVariant{v2}, "{}"); err != nil {
		t.Fatal(err)
	}
	f0, sampledBatch := variant("f0", "factorial")
	sampled, _, err := s.CreateStudy(Study{Name: "factorial", SpecJSON: "{}", BaseModelID: base.ID, BatchID: sampledBatch}, []StudyVariant{f0})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Studies()
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64][]int64{}
	for _, st := range list {
		got[st.ID] = st.BatchIDs
	}
	want := map[int64][]int64{method.ID: {gen0, gen1, gen2}, sampled.ID: {sampledBatch}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batches per study %v, want %v", got, want)
	}
}
