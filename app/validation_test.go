package app

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/lca"
	"epsm/library"
	"epsm/services/importsvc"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/study"
)

// dataSnapshot is everything stored: every row of every table and every file in the data
// folder (name and size), so a refused call can be shown to have changed nothing.
func dataSnapshot(t *testing.T, dir string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "epsm.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	tables, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	for _, n := range names {
		// Table names come from sqlite_master itself, not from input.
		rows, err := db.Query(`SELECT * FROM "` + n + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintf(&b, "%s %v\n", n, vals)
		}
		rows.Close()
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), "epsm.db") {
			return err
		}
		info, _ := d.Info()
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "file %s %d\n", rel, info.Size())
		return nil
	})
	return b.String()
}

func reportErr(rep importsvc.ImportReport) error {
	var msgs []string
	for _, e := range rep.Errors {
		msgs = append(msgs, e.Message)
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}

func ptr(v float64) *float64 { return &v }

// Every bound method, called as the UI calls it, with input a broken or hostile UI could send:
// each is refused with a message naming the problem, and nothing stored changes.
func TestBoundMethodsRefuseBadInputAndChangeNothing(t *testing.T) {
	engine := testEngine(t)
	dir := filepath.Join(tempdir.New(t), "data")
	c := openCore(t, dir, &engine, nil)
	defer c.Close()
	a := c
	ex := c.Importer.ImportExample()
	if len(ex.Models) != 1 || len(ex.Weather) != 1 {
		t.Fatalf("example import: %+v", ex)
	}
	m, w := ex.Models[0].ID, ex.Weather[0].ID
	lib, err := c.Store.Library()
	if err != nil {
		t.Fatal(err)
	}
	var mat library.Material // a plain material, used by some construction
	for _, x := range lib.Materials {
		if x.Kind == library.KindMaterial && len(lib.ConstructionsUsing(x.ID)) > 0 {
			mat = x
			break
		}
	}
	wall, _ := lib.Construction("wall_concrete_etics_sw100")
	win := lib.Windows[0]
	withMat := func(edit func(*library.Material)) library.Material { x := mat; edit(&x); return x }
	withWin := func(edit func(*library.WindowSystem)) library.WindowSystem { x := win; edit(&x); return x }
	withLayer := func(edit func(*library.Layer)) library.Construction {
		x := wall
		x.Layers = append([]library.Layer(nil), wall.Layers...)
		edit(&x.Layers[1])
		return x
	}
	nan, inf := math.NaN(), math.Inf(1)
	abs := func(p string) string { q, _ := filepath.Abs(p); return q }
	spec := func(edit func(*study.Spec)) study.Spec {
		s := study.Spec{ModelID: m, WeatherIDs: []int64{w}, Options: map[string][]string{"wall": {"keep", "wall_concrete_etics_sw100"}}}
		edit(&s)
		return s
	}
	lcaWith := func(edit func(*lca.Settings)) lca.Settings { s := lca.DefaultSettings(); edit(&s); return s }

	cases := []struct {
		name string
		call func() error
		want string // in the error
	}{
		{"import a relative path", func() error { return reportErr(a.ImportsService.ImportFiles([]string{"model.idf"})) }, "not an absolute path"},
		{"import a path with ../", func() error {
			return reportErr(a.ImportsService.ImportFiles([]string{"../examples/1ZoneUncontrolled.idf"}))
		}, "not an absolute path"},
		{"import an empty path", func() error { return reportErr(a.ImportsService.ImportFiles([]string{""})) }, "not an absolute path"},
		{"import a missing file", func() error { return reportErr(a.ImportsService.ImportFiles([]string{"/nowhere/model.idf"})) }, "model.idf"},
		{"import a file that is neither IDF nor EPW", func() error { return reportErr(a.ImportsService.ImportFiles([]string{abs("validation_test.go")})) }, "not an EnergyPlus model"},
		{"run no model", func() error { _, err := a.RunsService.StartRuns(runsvc.RunRequest{WeatherID: w}); return err }, "choose at least one model"},
		{"run a negative model id", func() error {
			_, err := a.RunsService.StartRuns(runsvc.RunRequest{ModelIDs: []int64{-1}, WeatherID: w})
			return err
		}, "model -1"},
		{"run a model that does not exist", func() error {
			_, err := a.RunsService.StartRuns(runsvc.RunRequest{ModelIDs: []int64{999}, WeatherID: w})
			return err
		}, "model 999"},
		{"run with a weather file that does not exist", func() error {
			_, err := a.RunsService.StartRuns(runsvc.RunRequest{ModelIDs: []int64{m}, WeatherIDs: []int64{w, 999}})
			return err
		}, "weather file 999"},
		{"run with a negative weather id", func() error {
			_, err := a.RunsService.StartRuns(runsvc.RunRequest{ModelIDs: []int64{m}, WeatherID: -3})
			return err
		}, "weather file -3"},
		{"cancel a run that does not exist", func() error { return a.RunsService.CancelRun(999) }, "run 999"},
		{"details of a negative run id", func() error { _, err := a.RunsService.RunDetails(-1); return err }, "run -1"},
		{"err file of a run that does not exist", func() error { _, err := a.RunsService.ReadErrFile(999); return err }, "run 999"},
		{"a relative engine path", func() error { _, err := a.SettingsService.SetEnginePath("energyplus"); return err }, "must be absolute"},
		{"an engine path with ../", func() error { _, err := a.SettingsService.SetEnginePath("../bin/energyplus"); return err }, "must be absolute"},
		{"an engine that is not EnergyPlus", func() error { _, err := a.SettingsService.SetEnginePath(notEnergyPlus(t)); return err }, "not a working EnergyPlus"},
		{"cancel a batch that does not exist", func() error { _, err := a.RunsService.CancelBatch(999); return err }, "batch 999"},
		{"move a batch that does not exist", func() error { return a.RunsService.MoveBatchToFront(-1) }, "batch -1"},
		{"re-run a batch that does not exist", func() error { _, err := a.RunsService.RerunFailed(999); return err }, "batch 999"},
		{"summary of a batch that does not exist", func() error { _, err := a.Queue.BatchSummary(999); return err }, "batch 999"},
		{"negative workers", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: -1})
			return err
		}, "workers"},
		{"10000 workers", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: 10000})
			return err
		}, "workers"},
		{"negative time limit", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: 2, TimeoutMinutes: -1})
			return err
		}, "negative"},
		{"negative stall limit", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: 2, StallSeconds: -5})
			return err
		}, "negative"},
		{"a stall limit that kills healthy runs", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: 2, StallSeconds: 1})
			return err
		}, "at least 5 s"},
		{"NaN time limit", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: 2, TimeoutMinutes: nan})
			return err
		}, "time limit"},
		{"infinite stall limit", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: 2, StallSeconds: inf})
			return err
		}, "stall limit"},
		{"a time limit past any run", func() error {
			_, err := a.SettingsService.SaveQueueLimits(settingsvc.QueueLimits{Workers: 2, TimeoutMinutes: 1e300})
			return err
		}, "time limit"},
		{"re-import a model that does not exist", func() error { _, err := a.ImportsService.ReimportAndRerun(999); return err }, "model 999"},
		{"transition offer for a negative model id", func() error { _, err := a.ImportsService.TransitionOffer(-1); return err }, "model -1"},
		{"transition a model that does not exist", func() error { _, err := a.ImportsService.TransitionModel(999); return err }, "model 999"},
		{"material with a negative thickness", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.ThicknessM = ptr(-0.1) }))
			return err
		}, "thickness must be greater than 0"},
		{"material with zero conductivity", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.Conductivity = ptr(0) }))
			return err
		}, "conductivity must be greater than 0"},
		{"material with negative conductivity", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.Conductivity = ptr(-1) }))
			return err
		}, "conductivity must be greater than 0"},
		{"material with NaN conductivity", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.Conductivity = ptr(nan) }))
			return err
		}, "conductivity"},
		{"material with infinite density", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.Density = ptr(inf) }))
			return err
		}, "density"},
		{"material with NaN GWP", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.GWPPerKg, x.GWPPerM2 = ptr(nan), nil }))
			return err
		}, "GWP"},
		{"material id with ../", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.ID = "../../etc/passwd" }))
			return err
		}, "may only contain"},
		{"material with an empty id", func() error {
			_, err := a.LibraryService.SaveMaterial(withMat(func(x *library.Material) { x.ID = "" }))
			return err
		}, "id is empty"},
		{"window system with NaN U", func() error {
			_, err := a.LibraryService.SaveWindowSystem(withWin(func(x *library.WindowSystem) { x.UFactor = ptr(nan) }))
			return err
		}, "U-factor"},
		{"window system with SHGC 1.5", func() error {
			_, err := a.LibraryService.SaveWindowSystem(withWin(func(x *library.WindowSystem) { x.SHGC = ptr(1.5) }))
			return err
		}, "SHGC"},
		{"layer with a negative thickness", func() error {
			_, err := a.LibraryService.SaveConstruction(withLayer(func(l *library.Layer) { l.ThicknessM = -0.1 }))
			return err
		}, "must not be negative"},
		{"layer with a NaN thickness", func() error {
			_, err := a.LibraryService.SaveConstruction(withLayer(func(l *library.Layer) { l.ThicknessM = nan }))
			return err
		}, "thickness"},
		{"layer with an infinite thickness", func() error {
			_, err := a.LibraryService.SaveConstruction(withLayer(func(l *library.Layer) { l.ThicknessM = inf }))
			return err
		}, "thickness"},
		{"layer of a material that does not exist", func() error {
			_, err := a.LibraryService.SaveConstruction(withLayer(func(l *library.Layer) { l.MaterialID = "nope" }))
			return err
		}, `material "nope" does not exist`},
		{"duplicate a construction that does not exist", func() error { _, err := a.LibraryService.DuplicateConstruction("nope", "x", "X"); return err }, "nope"},
		{"duplicate under an id with ../", func() error { _, err := a.LibraryService.DuplicateConstruction(wall.ID, "../x", "X"); return err }, "may only contain"},
		{"duplicate onto an existing id", func() error { _, err := a.LibraryService.DuplicateConstruction(wall.ID, wall.ID, "X"); return err }, "already exists"},
		{"delete a material that does not exist", func() error { _, err := a.LibraryService.DeleteMaterial("nope"); return err }, "not found"},
		{"delete a material in use", func() error { _, err := a.LibraryService.DeleteMaterial(mat.ID); return err }, "used by"},
		{"delete a window system that does not exist", func() error { _, err := a.LibraryService.DeleteWindowSystem("nope"); return err }, "not found"},
		{"delete a construction that does not exist", func() error { _, err := a.LibraryService.DeleteConstruction("nope"); return err }, "not found"},
		{"library from a model that does not exist", func() error { _, err := a.LibraryService.ImportLibraryFromModel(999); return err }, "model 999"},
		{"take-off of a negative model id", func() error { _, err := a.LibraryService.ModelTakeoff(-1); return err }, "model -1"},
		{"estimate a study of a model that does not exist", func() error {
			_, err := a.StudiesService.EstimateStudy(spec(func(s *study.Spec) { s.ModelID = 999 }))
			return err
		}, "model 999"},
		{"estimate a study whose measure names a field the class lacks", func() error {
			_, err := a.StudiesService.EstimateStudy(spec(func(s *study.Spec) {
				s.Measures = []study.Measure{{ID: "lights", Fields: []study.FieldRef{{Class: "Exterior:Lights", Field: "Design Levl"}}, Values: []study.Option{{Values: []string{"1000"}}}}}
			}))
			return err
		}, `measure "lights", fields[0]: Exterior:Lights has no field "Design Levl"; did you mean "Design Level"?`},
		{"study of a model that does not exist", func() error {
			_, err := a.StudiesService.CreateStudy(spec(func(s *study.Spec) { s.ModelID = 999 }))
			return err
		}, "model 999"},
		{"study with a weather file that does not exist", func() error {
			_, err := a.StudiesService.CreateStudy(spec(func(s *study.Spec) { s.WeatherIDs = []int64{w, 999} }))
			return err
		}, "weather file 999"},
		{"study of a relative model path", func() error {
			_, err := a.StudiesService.CreateStudy(spec(func(s *study.Spec) { s.ModelID, s.Model = 0, "../examples/1ZoneUncontrolled.idf" }))
			return err
		}, "not an absolute path"},
		{"study with a relative weather path", func() error {
			_, err := a.StudiesService.CreateStudy(spec(func(s *study.Spec) { s.WeatherIDs, s.Weather = nil, []string{"weather.epw"} }))
			return err
		}, "not an absolute path"},
		{"study with an unknown element", func() error {
			_, err := a.StudiesService.CreateStudy(spec(func(s *study.Spec) { s.Options["door"] = []string{"keep"} }))
			return err
		}, "unknown element"},
		{"study with a construction that does not exist", func() error {
			_, err := a.StudiesService.CreateStudy(spec(func(s *study.Spec) { s.Options["wall"] = []string{"keep", "nope"} }))
			return err
		}, `"nope": no such construction`},
		{"table of a study that does not exist", func() error { _, err := a.StudiesService.StudyTable(999); return err }, "study 999"},
		{"LCA settings with a negative period", func() error {
			_, err := a.StudiesService.SaveLCASettings(lcaWith(func(s *lca.Settings) { s.AnalysisPeriodYears = -5 }))
			return err
		}, "analysis period"},
		{"LCA settings with a NaN discount rate", func() error {
			_, err := a.StudiesService.SaveLCASettings(lcaWith(func(s *lca.Settings) { s.DiscountRate = nan }))
			return err
		}, "discount rate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := dataSnapshot(t, dir)
			err := tc.call()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one saying %q", err, tc.want)
			}
			if after := dataSnapshot(t, dir); after != before {
				t.Errorf("a refused call changed what is stored:\nbefore:\n%s\nafter:\n%s", firstDiff(before, after), firstDiff(after, before))
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "studies")); err == nil {
		entries, _ := os.ReadDir(filepath.Join(dir, "studies"))
		if len(entries) > 0 {
			t.Errorf("refused studies left folders: %v", entries)
		}
	}
}

// firstDiff returns the lines of a that b lacks.
func firstDiff(a, b string) string {
	have := map[string]bool{}
	for _, l := range strings.Split(b, "\n") {
		have[l] = true
	}
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !have[l] {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// notEnergyPlus is an absolute path to a program that is not EnergyPlus: /bin/true, or on
// Windows a file that is no program at all (the example model).
func notEnergyPlus(t *testing.T) string {
	if runtime.GOOS != "windows" {
		return "/bin/true"
	}
	p, err := filepath.Abs("../examples/1ZoneUncontrolled.idf")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
