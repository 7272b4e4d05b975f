package idfdiff_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"epsm/idfdiff"
	"epsm/internal/varianttest"
	"epsm/study"
)

// etics is the shared model with new walls and windows from the default library.
var etics = study.Variant{ID: "V1", Name: "ETICS and triple glazing",
	Choices: map[string]string{"wall": "wall_concrete_etics_sw100", "window": "window_triple_lowe_argon"}}

// The diff of a real variant says what a study changed: the construction of every exterior
// wall and window, and the constructions and materials it added; nothing else.
func TestARealVariantsDiffNamesItsSurfacesAndNewObjects(t *testing.T) {
	v := varianttest.Write(t, varianttest.TestIDF, etics)
	base, variant, tk, lib := v.Base, v.Text, v.Takeoff, v.Library
	start := time.Now()
	d, err := idfdiff.Compare(idfdiff.Source{Name: "test.idf", Text: base}, idfdiff.Source{Name: "test [V1].idf", Text: variant})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("compared %d + %d bytes in %v: %d changed, %d added", len(base), len(variant), time.Since(start), d.Changed, d.Added)

	want := map[string]string{} // surface -> its new construction
	for el, id := range etics.Choices {
		c, _ := lib.Construction(id)
		name, _, err := lib.IDFObjects(c, "EPSM "+el+" ")
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tk.ExteriorSurfaces(el) {
			want[strings.ToLower(s.Name)] = name
		}
	}
	added := map[string]bool{}
	for _, o := range d.Objects {
		switch o.Kind {
		case idfdiff.Changed:
			construction, ok := want[strings.ToLower(o.Name)]
			if !ok {
				t.Errorf("%s %q changed, but it is no exterior wall or window", o.Class, o.Name)
				continue
			}
			delete(want, strings.ToLower(o.Name))
			if len(o.Fields) != 1 || o.Fields[0].Name != "Construction Name" || o.Fields[0].After != construction ||
				o.Fields[0].Before == "" || o.Fields[0].BeforeLine != o.Fields[0].AfterLine || o.Fields[0].BeforeLine <= o.BeforeLine {
				t.Errorf("%s %q: fields %+v, want its Construction Name set to %s", o.Class, o.Name, o.Fields, construction)
			}
		case idfdiff.Added:
			added[o.Class] = true
			if !strings.HasPrefix(o.Name, "EPSM") || o.Fields[0].Name != "Name" || o.Fields[0].AfterLine <= len(strings.Split(string(base), "\n")) {
				t.Errorf("added %s %q: fields %+v", o.Class, o.Name, o.Fields)
			}
		default:
			t.Errorf("%s %s %q: a variant removes nothing", o.Kind, o.Class, o.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("%d exterior surfaces not in the diff, e.g. %v", len(want), firstKey(want))
	}
	for _, class := range []string{"Construction", "Material", "WindowMaterial:SimpleGlazingSystem"} {
		if !added[class] {
			t.Errorf("no %s added; added %v", class, added)
		}
	}
	if d.Changed != d.FieldsChanged || d.Removed != 0 {
		t.Errorf("counts %d changed objects, %d fields, %d removed", d.Changed, d.FieldsChanged, d.Removed)
	}
}

func firstKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}

// Measured on the development machine: see the report in README (idfdiff).
func BenchmarkCompareRealVariant(b *testing.B) {
	v := varianttest.Write(b, varianttest.TestIDF, etics)
	for b.Loop() {
		if _, err := idfdiff.Compare(idfdiff.Source{Name: "a", Text: v.Base}, idfdiff.Source{Name: "b", Text: v.Text}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnifiedRealVariant(b *testing.B) {
	v := varianttest.Write(b, varianttest.TestIDF, etics)
	for b.Loop() {
		if _, err := idfdiff.Unified(idfdiff.Source{Name: "a", Text: v.Base}, idfdiff.Source{Name: "b", Text: v.Text}, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// The raw diff of a real variant names each reassigned surface's line and stays a screenful
// or so per change, not a copy of the model.
func TestARealVariantsLineDiffIsBounded(t *testing.T) {
	v := varianttest.Write(t, varianttest.TestIDF, etics)
	start := time.Now()
	r, err := idfdiff.Unified(idfdiff.Source{Name: "test.idf", Text: v.Base}, idfdiff.Source{Name: "test [V1].idf", Text: v.Text}, 2000)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("line diff of %d lines in %v", r.AllLines, time.Since(start))
	if r.Truncated || r.AllLines > 2000 || !strings.Contains(r.Text, "+! ---- EPSM variant V1: wall = wall_concrete_etics_sw100") {
		t.Errorf("line diff of %d lines (truncated %v):\n%.2000s", r.AllLines, r.Truncated, r.Text)
	}
	if minus := strings.Count(r.Text, "\n-    "); minus != len(v.Takeoff.ExteriorSurfaces("wall"))+len(v.Takeoff.ExteriorSurfaces("window")) {
		t.Errorf("%d removed lines, want one per reassigned surface", minus)
	}

	// Two unrelated models: the diff is cut at the limit, in bounded time.
	other, err := os.ReadFile("../examples/1ZoneUncontrolled.idf")
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	r, err = idfdiff.Unified(idfdiff.Source{Name: "test.idf", Text: v.Base}, idfdiff.Source{Name: "1ZoneUncontrolled.idf", Text: other}, 2000)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("line diff of unrelated models: %d lines in %v", r.AllLines, time.Since(start))
	if !r.Truncated || r.Lines != 2000 || strings.Count(r.Text, "\n") != 2000 {
		t.Errorf("unrelated models: %d of %d lines, truncated %v", r.Lines, r.AllLines, r.Truncated)
	}
}
