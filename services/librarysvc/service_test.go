package librarysvc

import (
	"path/filepath"
	"testing"

	"epsm/library"
	"epsm/store"
)

// A construction being edited comes back with its problems at their fields, so the editor puts
// each at its layer by the field, never by finding "layer 2" in a message.
func TestPreviewConstructionPlacesProblemsByField(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := NewService(st, nil)
	wall := library.Construction{ID: "w", Name: "Wall", Element: library.ElementWall, Layers: []library.Layer{
		{MaterialID: "eps_16", ThicknessM: 0.1}, {MaterialID: "eps_16", ThicknessM: -0.1}, {MaterialID: "gone", ThicknessM: 0.1},
	}}
	v, err := s.PreviewConstruction(wall)
	if err != nil {
		t.Fatal(err)
	}
	if v.Figures != nil || len(v.Problems) != 2 {
		t.Fatalf("view %+v, want two problems and no figures", v)
	}
	if v.Problems[0].Field != "layers[1].thicknessM" || v.Problems[1].Field != "layers[2].materialId" {
		t.Errorf("fields %q, %q, want layers[1].thicknessM, layers[2].materialId", v.Problems[0].Field, v.Problems[1].Field)
	}
	if v.Error != library.Problems(v.Problems).Error() {
		t.Errorf("error %q is not the problems in one line", v.Error)
	}

	wall.Layers = wall.Layers[:1]
	if v, err = s.PreviewConstruction(wall); err != nil || v.Figures == nil || v.Error != "" || len(v.Problems) != 0 {
		t.Errorf("valid wall: view %+v, %v, want figures and no problem", v, err)
	}
}
