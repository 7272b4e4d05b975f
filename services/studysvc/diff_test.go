package studysvc

import (
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"epsm/idfdiff"
	"epsm/internal/varianttest"
	"epsm/store"
	"epsm/study"
)

// A variant's changes are read from the data folder's copies: the walls it gives the new
// construction, the objects it adds; the baseline's are none.
func TestVariantDiffReadsTheStudysModels(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	v := varianttest.Write(t, "../"+varianttest.TestIDF, study.Variant{ID: "V1", Name: "ETICS", Choices: map[string]string{"wall": "wall_concrete_etics_sw100"}})
	src, text, tk := v.Base, v.Text, v.Takeoff
	base, _, err := st.ImportModelText(filepath.Join(t.TempDir(), "test.idf"), src)
	if err != nil {
		t.Fatal(err)
	}
	variant, _, err := st.ImportModelText(filepath.Join(t.TempDir(), "test [V1].idf"), text)
	if err != nil {
		t.Fatal(err)
	}
	_, rows, err := st.CreateStudy(store.Study{Name: "walls", SpecJSON: "{}", BaseModelID: base.ID}, []store.StudyVariant{
		{Key: "B", Name: "Baseline", ChoicesJSON: "{}", Baseline: true, ModelID: base.ID, FiguresJSON: "{}"},
		{Key: "V1", Name: "ETICS", ChoicesJSON: "{}", ModelID: variant.ID, FiguresJSON: "{}"}})
	if err != nil {
		t.Fatal(err)
	}
	s := New(st, nil, nil, nil, nil, slog.Default())

	d, err := s.VariantDiff(rows[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	walls := len(tk.ExteriorSurfaces("wall"))
	if d.Variant != "ETICS" || d.BaseModel != "test.idf" || d.VariantModel != "test [V1].idf" || d.Baseline ||
		d.Diff.Changed != walls || d.Diff.FieldsChanged != walls || d.Diff.Added == 0 || d.Diff.Removed != 0 {
		t.Errorf("diff of V1: %s against %s, %d changed (%d fields), %d added, %d removed; want %d walls changed",
			d.VariantModel, d.BaseModel, d.Diff.Changed, d.Diff.FieldsChanged, d.Diff.Added, d.Diff.Removed, walls)
	}
	for _, o := range d.Diff.Objects {
		if o.Kind == idfdiff.Changed && (o.Fields[0].Name != "Construction Name" || !strings.HasPrefix(o.Fields[0].After, "EPSM wall")) {
			t.Errorf("%s %q: %+v", o.Class, o.Name, o.Fields)
		}
	}

	raw, err := s.VariantRawDiff(rows[1].ID)
	if err != nil || raw.Truncated || strings.Count(raw.Text, "\n-    ") != walls || !strings.HasPrefix(raw.Text, "--- test.idf\n+++ test [V1].idf\n") {
		t.Errorf("raw diff of V1 (%v): %d lines, %d removed, want %d\n%.500s", err, raw.Lines, strings.Count(raw.Text, "\n-    "), walls, raw.Text)
	}
	if raw, err := s.VariantRawDiff(rows[0].ID); err != nil || raw.Text != "" {
		t.Errorf("raw diff of the baseline: %q, %v", raw.Text, err)
	}

	b, err := s.VariantDiff(rows[0].ID)
	if err != nil || !b.Baseline || !b.Diff.Empty() || b.BaseModel != "test.idf" {
		t.Errorf("baseline: %+v, %v; want an empty diff", b, err)
	}
	if _, err := s.VariantDiff(rows[1].ID + 100); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown variant: %v, want not found", err)
	}
}
