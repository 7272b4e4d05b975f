package app

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/library"
	"epsm/services/studysvc"
)

func variantSummary(t *testing.T, c *App, studyID int64) (names []string, embodied map[string]float64) {
	t.Helper()
	_, vs, err := c.Store.Study(studyID)
	if err != nil {
		t.Fatal(err)
	}
	embodied = map[string]float64{}
	for _, v := range vs {
		var fig studysvc.VariantFigures
		if err := json.Unmarshal([]byte(v.FiguresJSON), &fig); err != nil {
			t.Fatal(err)
		}
		names = append(names, v.Name)
		embodied[v.Name] = fig.Embodied.Value
	}
	sort.Strings(names)
	return names, embodied
}

// A study exported from one data folder and imported into a fresh one makes the same variants,
// with the same embodied carbon, and runs on the real engine there.
func TestStudyBundleMovesToAnotherDataFolder(t *testing.T) {
	engine := testEngine(t)
	from := openCore(t, filepath.Join(tempdir.New(t), "from"), &engine, nil)
	defer from.Close()
	info, table := roofStudy(t, from)
	bundle := filepath.Join(tempdir.New(t), "roof study"+studysvc.StudyBundleExt)
	if err := from.Studies.ExportBundle(info.Study.ID, bundle); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(bundle)
	if err != nil {
		t.Fatal(err)
	}
	var inside []string
	for _, f := range zr.File {
		inside = append(inside, f.Name)
	}
	zr.Close()
	for _, want := range []string{"manifest.json", "spec.json", "library.json", "results.csv", "runs.json", "model/1ZoneUncontrolled.idf", "weather/USA_CO_Golden-NREL.724666_TMY3.epw"} {
		if !slices.Contains(inside, want) {
			t.Errorf("bundle has no %s: %v", want, inside)
		}
	}
	wantNames, wantEmbodied := variantSummary(t, from, info.Study.ID)

	to := openCore(t, filepath.Join(tempdir.New(t), "to"), &engine, nil)
	defer to.Close()
	rep, err := to.Studies.ImportBundle(bundle)
	if err != nil {
		t.Fatal(err)
	}
	gotNames, gotEmbodied := variantSummary(t, to, rep.Info.Study.ID)
	if strings.Join(gotNames, "|") != strings.Join(wantNames, "|") {
		t.Errorf("variants %v, want %v", gotNames, wantNames)
	}
	for n, e := range wantEmbodied {
		if math.Abs(gotEmbodied[n]-e) > 1e-9 {
			t.Errorf("%s: embodied %v, want %v", n, gotEmbodied[n], e)
		}
	}
	// A fresh folder has the same default library: nothing is added or renamed.
	for _, n := range rep.Library {
		if n.Outcome != studysvc.LibrarySame {
			t.Errorf("library note %+v: want same", n)
		}
	}
	waitStudy(t, to, rep.Info)
	got, err := to.Studies.Table(rep.Info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got.Rows {
		if !r.Status.Succeeded() || math.Abs(r.Results.TotalSiteKWh-table.Rows[i].Results.TotalSiteKWh) > 1e-6*table.Rows[i].Results.TotalSiteKWh {
			t.Errorf("row %d: %s %v kWh, the exporter had %v", i, r.Status, r.Results, table.Rows[i].Results)
		}
		// The same engine build gives the same run keys: the bundle's results answer the runs,
		// nothing is simulated again, and each run says where its results came from.
		if !strings.Contains(r.Message, "Results from the study file") {
			t.Errorf("row %d: message %q, want the results taken from the study file", i, r.Message)
		}
		if _, err := os.Stat(filepath.Join(to.Store.Dir(), "runs", fmt.Sprint(r.RunID), "eplusout.err")); err == nil {
			t.Errorf("row %d: run %d was simulated again", i, r.RunID)
		}
	}
	if rep.ResultsReused != len(got.Rows) {
		t.Errorf("results reused for %d runs, want all %d", rep.ResultsReused, len(got.Rows))
	}
	// Importing the same file again reuses the model and weather (content dedup) and names
	// the second study apart.
	again, err := to.Studies.ImportBundle(bundle)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Files.Duplicates) != 2 || !strings.HasSuffix(again.Info.Study.Name, "(imported)") {
		t.Errorf("second import: duplicates %v, name %q", again.Files.Duplicates, again.Info.Study.Name)
	}
	waitStudy(t, to, again.Info)
}

// The run key names the engine's build: an importer whose engine is another build of the same
// version gets different keys, so none of the file's results answer its runs, and every
// variant is simulated again on its own engine.
func TestStudyBundleFromAnotherEngineBuildIsSimulatedAgain(t *testing.T) {
	engine := testEngine(t)
	from := openCore(t, filepath.Join(tempdir.New(t), "from"), &engine, nil)
	defer from.Close()
	info, table := roofStudy(t, from)
	bundle := filepath.Join(tempdir.New(t), "roof study"+studysvc.StudyBundleExt)
	if err := from.Studies.ExportBundle(info.Study.ID, bundle); err != nil {
		t.Fatal(err)
	}
	other := engine
	other.Build = "0therbui1d" // the same program, reported as another build
	to := openCore(t, filepath.Join(tempdir.New(t), "to"), &other, nil)
	defer to.Close()
	rep, err := to.Studies.ImportBundle(bundle)
	if err != nil {
		t.Fatal(err)
	}
	if rep.ResultsReused != 0 {
		t.Fatalf("%d results reused from a study file made with another engine build", rep.ResultsReused)
	}
	waitStudy(t, to, rep.Info)
	got, err := to.Studies.Table(rep.Info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got.Rows {
		if strings.Contains(r.Message, "Results from the study file") {
			t.Errorf("row %d took the study file's results: %q", i, r.Message)
		}
		if _, err := os.Stat(filepath.Join(to.Store.Dir(), "runs", fmt.Sprint(r.RunID), "eplusout.err")); err != nil {
			t.Errorf("row %d: run %d was not simulated: %v", i, r.RunID, err)
		}
		if !r.Status.Succeeded() || math.Abs(r.Results.TotalSiteKWh-table.Rows[i].Results.TotalSiteKWh) > 1e-6*table.Rows[i].Results.TotalSiteKWh {
			t.Errorf("row %d: %s %v kWh, the exporter had %v", i, r.Status, r.Results, table.Rows[i].Results)
		}
	}
}

// A bundle whose library item has the id of a different item here does not clobber it: the
// bundle's item is added under a new id, the study uses it, and the report says so.
func TestStudyBundleDoesNotClobberTheUsersLibrary(t *testing.T) {
	engine := testEngine(t)
	from := openCore(t, filepath.Join(tempdir.New(t), "from"), &engine, nil)
	defer from.Close()
	info, _ := roofStudy(t, from)
	bundle := filepath.Join(tempdir.New(t), "roof"+studysvc.StudyBundleExt)
	if err := from.Studies.ExportBundle(info.Study.ID, bundle); err != nil {
		t.Fatal(err)
	}
	_, wantEmbodied := variantSummary(t, from, info.Study.ID)

	to := openCore(t, filepath.Join(tempdir.New(t), "to"), &engine, nil)
	defer to.Close()
	lib, err := to.Store.Library()
	if err != nil {
		t.Fatal(err)
	}
	mine, _ := lib.Material("pir_32_foil")
	gwp := *mine.GWPPerKg * 2 // the user's own figure for the same id
	mine.GWPPerKg = &gwp
	if err := to.Store.SaveMaterial(mine); err != nil {
		t.Fatal(err)
	}
	rep, err := to.Studies.ImportBundle(bundle)
	if err != nil {
		t.Fatal(err)
	}
	outcomes := map[string]studysvc.LibraryImportNote{}
	for _, n := range rep.Library {
		outcomes[n.ID] = n
	}
	if n := outcomes["pir_32_foil"]; n.Outcome != studysvc.LibraryRenamed || n.NewID != "pir_32_foil_imported" || !strings.Contains(n.Message, "left unchanged") {
		t.Errorf("material note %+v", n)
	}
	if n := outcomes["flat_roof_concrete_pir120"]; n.Outcome != studysvc.LibraryRenamed {
		t.Errorf("the construction uses the renamed material, so it is renamed too: %+v", n)
	}
	if n := outcomes["bitumen_membrane"]; n.Outcome != studysvc.LibrarySame {
		t.Errorf("membrane note %+v", n)
	}
	lib, _ = to.Store.Library()
	if still, _ := lib.Material("pir_32_foil"); *still.GWPPerKg != gwp {
		t.Errorf("the user's material was overwritten: %v", *still.GWPPerKg)
	}
	con, ok := lib.Construction("flat_roof_concrete_pir120_imported")
	if !ok || con.Origin != library.OriginImported || con.Layers[1].MaterialID != "pir_32_foil_imported" {
		t.Errorf("imported construction %+v", con)
	}
	// The study computes with the bundle's figures, not the user's changed one.
	_, gotEmbodied := variantSummary(t, to, rep.Info.Study.ID)
	for n, e := range wantEmbodied {
		if math.Abs(gotEmbodied[n]-e) > 1e-9 {
			t.Errorf("%s: embodied %v, want the exporter's %v", n, gotEmbodied[n], e)
		}
	}
	waitStudy(t, to, rep.Info)
}

func TestImportStudyBundleNamesTheFileAndTheProblem(t *testing.T) {
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), nil, nil)
	defer c.Close()
	dir := tempdir.New(t)
	notZip := filepath.Join(dir, "notes.epsmstudy")
	os.WriteFile(notZip, []byte("hello"), 0o644)
	empty := filepath.Join(dir, "empty.epsmstudy")
	f, _ := os.Create(empty)
	zw := zip.NewWriter(f)
	zw.Close()
	f.Close()
	for _, tt := range []struct{ path, want string }{
		{notZip, "notes.epsmstudy is not a study file"},
		{empty, "empty.epsmstudy has no manifest.json"},
		{filepath.Join(dir, "gone.epsmstudy"), "gone.epsmstudy"},
	} {
		_, err := c.Studies.ImportBundle(tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to say %q", filepath.Base(tt.path), err, tt.want)
		}
	}
}
