package app

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"epsm/idf"
	"epsm/internal/tempdir"
	"epsm/library"
	"epsm/services/librarysvc"
	"epsm/study"
)

func TestStudyBuildsRunsAndEvaluatesVariants(t *testing.T) {
	engine := testEngine(t)
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), &engine, nil)
	defer c.Close()
	spec := study.Spec{Name: "roof study", Model: "../examples/1ZoneUncontrolled.idf",
		Weather: []string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"},
		Options: map[string][]string{"roof": {"keep", "flat_roof_concrete_pir120"}}}
	info, err := c.Studies.Create(spec)
	if err != nil {
		t.Fatal(err)
	}
	if info.Variants != 1 || len(info.Runs) != 2 {
		t.Fatalf("%d variants, %d runs", info.Variants, len(info.Runs))
	}
	// The variant's generated model stays in its study: the models to pick from are the user's.
	if ms, err := c.Store.UserModels(); err != nil || len(ms) != 1 || ms[0].ID != info.Study.BaseModelID {
		t.Fatalf("user models = %+v (%v), want only the base model %d", ms, err, info.Study.BaseModelID)
	}
	ids := []int64{info.Runs[0].ID, info.Runs[1].ID}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := c.Queue.Wait(ctx, ids); err != nil {
		t.Fatal(err)
	}
	table, err := c.Studies.Table(info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(table.Rows) != 2 || !table.Rows[0].Baseline || table.Finished != 2 {
		t.Fatalf("table = %+v", table)
	}
	base, roof := table.Rows[0], table.Rows[1]
	if base.Label != "B" || roof.Label != "V1" {
		t.Errorf("short ids %q and %q, want B (the baseline) and V1", base.Label, roof.Label)
	}
	if base.LCA == nil || roof.LCA == nil {
		t.Fatalf("no life-cycle figures: %+v / %+v", base, roof)
	}
	// Hand calculation: the example's roof is 15.24 m x 15.24 m = 232.26 m2; the library's
	// flat_roof_concrete_pir120 adds a membrane (0.0095 m x 1120 kg/m3 x 0.65 = 6.916 kg CO2e/m2)
	// and 120 mm PIR (0.120 x 32 x 3.52 = 13.5168; Boverket's typical values) on the existing
	// concrete slab, which is kept and so adds nothing: 20.4328 kg CO2e/m2.
	area := 15.24 * 15.24
	if math.Abs(roof.Areas["roof"]-area) > 0.01 {
		t.Errorf("roof area %.3f, want %.3f", roof.Areas["roof"], area)
	}
	if e := roof.LCA.EmbodiedKgCO2e; !e.Complete || math.Abs(e.Value-area*20.4328) > 0.5 {
		t.Errorf("embodied %+v, want %.1f", e, area*20.4328)
	}
	if !base.LCA.Unchanged || base.LCA.EmbodiedKgCO2e.Value != 0 || len(base.Areas) != 0 {
		t.Errorf("the baseline must be unchanged, not zero-carbon by accident: %+v", base.LCA)
	}
	// Electricity has a cited default price, the roof's materials no cost: the life-cycle cost is
	// incomplete and names the materials, never counting their cost as zero.
	if c := roof.LCA.LifeCycleCost; c.Complete || !strings.Contains(strings.Join(c.Missing, ";"), "cost of pir_32_foil") {
		t.Errorf("life-cycle cost = %+v", c)
	}
	// The variant's IDF carries the library's construction on the roof.
	m, _ := c.Store.Model(mustVariantModel(t, c, info.Study.ID, roof.Key))
	f, err := idf.ParseFile(m.StoredPath)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range f.All("Material") {
		if strings.Contains(o.Field(0), "pir_32_foil") && o.Field(2) == "0.12" {
			found = true
		}
	}
	if !found {
		t.Error("the variant has no 120 mm PIR material from the library")
	}
	// Exported, the study runs again from its spec (answered from the cache: same variants).
	path := filepath.Join(tempdir.New(t), "spec.json")
	if err := c.Studies.ExportSpec(info.Study.ID, path); err != nil {
		t.Fatal(err)
	}
	again, err := study.LoadSpec(path)
	if err != nil {
		t.Fatal(err)
	}
	info2, err := c.Studies.Create(again)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range info2.Runs {
		if r.CachedFrom == 0 {
			t.Errorf("re-running an exported study simulated run %d again", r.ID)
		}
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "flat_roof_concrete_pir120") {
		t.Errorf("exported spec:\n%s", data)
	}
}

func mustVariantModel(t *testing.T, c *App, studyID int64, key string) int64 {
	t.Helper()
	_, vs, err := c.Store.Study(studyID)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Key == key {
			return v.ModelID
		}
	}
	t.Fatalf("no variant %s", key)
	return 0
}

func TestLibraryViewComputesFiguresAndEditsValidate(t *testing.T) {
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), nil, nil)
	defer c.Close()
	v, err := c.LibraryService.Library()
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Materials) != 35 || len(v.Windows) != 10 || len(v.Constructions) != 15 {
		t.Fatalf("default library: %d materials, %d windows, %d constructions", len(v.Materials), len(v.Windows), len(v.Constructions))
	}
	unusable := 0
	for _, cv := range v.Constructions {
		if cv.Figures == nil || cv.Figures.U <= 0 {
			t.Errorf("%s has no U: %s", cv.Construction.ID, cv.Error)
		}
		if cv.Unusable != "" {
			unusable++
		}
	}
	if unusable != 2 {
		t.Errorf("%d unusable constructions, want the 2 windows without SHGC/VT", unusable)
	}
	// A preview of an edited construction: thicker insulation, lower U, computed not typed.
	con, _ := func() (librarysvc.ConstructionView, error) {
		for _, cv := range v.Constructions {
			if cv.Construction.ID == "wall_concrete_etics_sw100" {
				return cv, nil
			}
		}
		return librarysvc.ConstructionView{}, nil
	}()
	edited := con.Construction
	edited.Layers = append([]library.Layer(nil), edited.Layers...)
	edited.Layers[1].ThicknessM = 0.200
	p, err := c.LibraryService.PreviewConstruction(edited)
	if err != nil || p.Figures == nil || p.Figures.U >= con.Figures.U {
		t.Fatalf("preview = %+v, %v", p, err)
	}
	edited.Layers[1].ThicknessM = -0.1
	if p, _ := c.LibraryService.PreviewConstruction(edited); p.Error == "" || !strings.Contains(p.Error, "thickness") {
		t.Fatalf("a negative thickness previewed without an error: %+v", p)
	}
}
