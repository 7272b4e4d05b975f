package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/library"
)

// sharedLibrary is the default library's source data, shared by the project.
const sharedLibrary = "../../shared/data/library"

// seededStore opens a temporary store seeded from the shared library and returns both.
func seededStore(t *testing.T) (*Store, *library.Library) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedLibrary, "materials.csv")); err != nil {
		t.Fatalf("the shared library data is missing (%v): these tests seed from %s", err, sharedLibrary)
	}
	lib, err := library.LoadCSV(sharedLibrary)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(tempdir.New(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SeedLibrary(lib); err != nil {
		t.Fatal(err)
	}
	return s, lib
}

func load(t *testing.T, s *Store) *library.Library {
	t.Helper()
	lib, err := s.LoadLibrary()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestSeedLibraryStoresEverythingOnce(t *testing.T) {
	s, want := seededStore(t)
	got := load(t, s)
	// Everything comes back as read, blanks blank, in file order, marked as default.
	for i := range want.Materials {
		want.Materials[i].Origin = library.OriginDefault
	}
	for i := range want.Windows {
		want.Windows[i].Origin = library.OriginDefault
	}
	for i := range want.Constructions {
		want.Constructions[i].Origin = library.OriginDefault
	}
	if !reflect.DeepEqual(got, want) {
		for i := range want.Materials {
			if !reflect.DeepEqual(got.Materials[i], want.Materials[i]) {
				t.Errorf("material %d\n got %+v\nwant %+v", i, got.Materials[i], want.Materials[i])
			}
		}
		t.Fatal("the stored library differs from the seeded one")
	}
	xps, _ := got.Material("xps_29")
	if xps.GWPPerKg != nil {
		t.Errorf("a blank GWP came back as %v", *xps.GWPPerKg)
	}

	// Seeding again (every start does) adds nothing, and neither does seeding after the user
	// deleted everything.
	if err := s.SeedLibrary(want); err != nil {
		t.Fatal(err)
	}
	if again := load(t, s); len(again.Materials) != 35 || len(again.Constructions) != 15 {
		t.Fatalf("second seed: %d materials, %d constructions", len(again.Materials), len(again.Constructions))
	}
	for _, c := range got.Constructions {
		if err := s.DeleteConstruction(c.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range got.Materials {
		if err := s.DeleteMaterial(m.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range got.Windows {
		if err := s.DeleteWindowSystem(w.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SeedLibrary(want); err != nil {
		t.Fatal(err)
	}
	if empty := load(t, s); len(empty.Materials)+len(empty.Windows)+len(empty.Constructions) != 0 {
		t.Error("the defaults came back after the user deleted them")
	}
}

func TestSeedLibraryRefusesAnInvalidLibrary(t *testing.T) {
	s, err := Open(tempdir.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	lib, _ := library.LoadCSV(sharedLibrary)
	lib.Materials[0].Conductivity = nil
	if err := s.SeedLibrary(lib); err == nil || !strings.Contains(err.Error(), "glass_wool_batt_19") {
		t.Fatalf("seeded an invalid library: %v", err)
	}
	if got := load(t, s); len(got.Materials) != 0 {
		t.Error("a refused seed stored items")
	}
}

func TestSaveInsertsAndUpdatesByID(t *testing.T) {
	s, _ := seededStore(t)
	m, _ := load(t, s).Material("xps_29")
	// The user fills in the blank GWP from an EPD.
	m.GWPPerKg, m.GWPMetric, m.GWPSource = ptr(3.4), library.MetricCO2e, "EPD S-P-01234 (2023)"
	if err := s.SaveMaterial(m); err != nil {
		t.Fatal(err)
	}
	lib := load(t, s)
	got, _ := lib.Material("xps_29")
	if *got.GWPPerKg != 3.4 || got.GWPSource != "EPD S-P-01234 (2023)" || got.Origin != library.OriginUser {
		t.Errorf("updated xps_29: %+v", got)
	}
	if lib.Materials[7].ID != "xps_29" || len(lib.Materials) != 35 {
		t.Error("an update moved the material or added one")
	}
	// The figures follow at once: the basement wall's GWP is now complete
	// (29 kg/m³ × 0.100 m × 3.4 = 9.86, plus concrete 2240 × 0.200 × 0.113 = 50.624).
	c, _ := lib.Construction("basement_wall_xps100")
	f, err := lib.Figures(c)
	if err != nil {
		t.Fatal(err)
	}
	if !f.GWPPerM2.Complete || f.GWPPerM2.Value < 60.483999 || f.GWPPerM2.Value > 60.484001 {
		t.Errorf("GWP after filling in xps_29: %+v", f.GWPPerM2)
	}

	// A new window system and a construction using it.
	w := library.WindowSystem{ID: "vendor_triple", Name: "Vendor triple", UFactor: ptr(0.8), SHGC: ptr(0.5),
		VisibleTransmittance: ptr(0.7), UBasis: "whole window", Source: "data sheet"}
	if err := s.SaveWindowSystem(w); err != nil {
		t.Fatal(err)
	}
	wc := library.Construction{ID: "window_vendor", Name: "Vendor window", Element: library.ElementWindow, WindowSystemID: "vendor_triple"}
	if err := s.SaveConstruction(wc); err != nil {
		t.Fatal(err)
	}
	got2, ok := load(t, s).Construction("window_vendor")
	if !ok || got2.WindowSystemID != "vendor_triple" || got2.Origin != library.OriginUser || len(got2.Layers) != 0 {
		t.Errorf("window construction %+v", got2)
	}
	// Layers are replaced in order on update.
	wall, _ := load(t, s).Construction("wall_concrete_etics_sw100")
	wall.Layers[1].ThicknessM = 0.150
	wall.Layers = append(wall.Layers, library.Layer{MaterialID: "gypsum_board", ThicknessM: 0.0125})
	if err := s.SaveConstruction(wall); err != nil {
		t.Fatal(err)
	}
	after, _ := load(t, s).Construction("wall_concrete_etics_sw100")
	if !reflect.DeepEqual(after.Layers, wall.Layers) {
		t.Errorf("layers %v, want %v", after.Layers, wall.Layers)
	}
}

func TestInvalidSavesChangeNothing(t *testing.T) {
	s, _ := seededStore(t)
	before := load(t, s)
	eps, _ := before.Material("eps_16")
	wall, _ := before.Construction("wall_brick_etics_eps100")
	gap, _ := before.Material("air_gap_wall")
	cases := []struct {
		name  string
		save  func() error
		words []string
	}{
		{"negative conductivity", func() error {
			m := eps
			m.Conductivity = ptr(-0.037)
			return s.SaveMaterial(m)
		}, []string{"material eps_16", "conductivity must be greater than 0"}},
		{"a material that would leave an air gap outside", func() error {
			// etics_finish is the outside layer of three walls.
			m := gap
			m.ID, m.Name = "etics_finish", "Now an air gap"
			return s.SaveMaterial(m)
		}, []string{"construction wall_concrete_etics_sw100", "air gap cannot be the outside"}},
		{"SHGC of 1.5", func() error {
			w := before.Windows[0]
			w.SHGC = ptr(1.5)
			return s.SaveWindowSystem(w)
		}, []string{"window system sgl_clear_3mm", "between 0 and 1"}},
		{"unknown material in a layer", func() error {
			c := wall
			c.Layers = append([]library.Layer{{MaterialID: "rockwool_x", ThicknessM: 0.1}}, c.Layers[1:]...)
			return s.SaveConstruction(c)
		}, []string{"construction wall_brick_etics_eps100", `material "rockwool_x" does not exist`}},
		{"negative layer thickness", func() error {
			c := wall
			c.Layers = append([]library.Layer(nil), c.Layers...)
			c.Layers[1].ThicknessM = -0.1
			return s.SaveConstruction(c)
		}, []string{"layer 2 (eps_16): thickness must not be negative"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.save()
			var ps library.Problems
			if err == nil || !errors.As(err, &ps) {
				t.Fatalf("saved: %v", err)
			}
			for _, w := range tc.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if after := load(t, s); !reflect.DeepEqual(after, before) {
				t.Error("a refused save changed the library")
			}
		})
	}
}

func TestDeleteRefusesWhatIsInUse(t *testing.T) {
	s, _ := seededStore(t)
	err := s.DeleteMaterial("xps_29")
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "basement_wall_xps100, ground_floor_slab_xps100") {
		t.Fatalf("deleting a used material: %v", err)
	}
	err = s.DeleteWindowSystem("trp_lowe_argon")
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "window_triple_lowe_argon") {
		t.Fatalf("deleting a used window system: %v", err)
	}
	// An unused one goes; so does a construction, and then the material it used.
	if err := s.DeleteMaterial("clt"); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"basement_wall_xps100", "ground_floor_slab_xps100"} {
		if err := s.DeleteConstruction(id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteMaterial("xps_29"); err != nil {
		t.Fatal(err)
	}
	lib := load(t, s)
	if _, ok := lib.Material("xps_29"); ok || len(lib.Materials) != 33 || len(lib.Constructions) != 13 {
		t.Errorf("%d materials, %d constructions left", len(lib.Materials), len(lib.Constructions))
	}
	for _, del := range []func(string) error{s.DeleteMaterial, s.DeleteWindowSystem, s.DeleteConstruction} {
		if err := del("nothing_here"); !errors.Is(err, ErrNotFound) {
			t.Errorf("deleting an unknown id: %v", err)
		}
	}
}

func TestDuplicateConstruction(t *testing.T) {
	s, _ := seededStore(t)
	c, err := s.DuplicateConstruction("wall_concrete_etics_sw100", "wall_concrete_etics_sw200", "Concrete + 200 mm stone wool")
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := load(t, s).Construction("wall_concrete_etics_sw100")
	got, ok := load(t, s).Construction("wall_concrete_etics_sw200")
	if !ok || got.Name != "Concrete + 200 mm stone wool" || got.Origin != library.OriginUser ||
		!reflect.DeepEqual(got.Layers, orig.Layers) || !reflect.DeepEqual(c, got) {
		t.Fatalf("copy %+v, returned %+v", got, c)
	}
	// The copy is independent: changing it leaves the original alone.
	got.Layers[1].ThicknessM = 0.200
	if err := s.SaveConstruction(got); err != nil {
		t.Fatal(err)
	}
	if again, _ := load(t, s).Construction("wall_concrete_etics_sw100"); again.Layers[1].ThicknessM != 0.100 {
		t.Error("editing the copy changed the original")
	}
	if _, err := s.DuplicateConstruction("wall_concrete_etics_sw100", "wall_brick_etics_eps100", "x"); err == nil ||
		!strings.Contains(err.Error(), `"wall_brick_etics_eps100" already exists`) {
		t.Errorf("duplicate onto an existing id: %v", err)
	}
	if _, err := s.DuplicateConstruction("no_such", "x2", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("duplicate of an unknown id: %v", err)
	}
	if _, err := s.DuplicateConstruction("wall_concrete_etics_sw100", "bad id;", "x"); err == nil || !strings.Contains(err.Error(), "may only contain") {
		t.Errorf("duplicate to an invalid id: %v", err)
	}
}

func ptr(v float64) *float64 { return &v }

// A new app version ships new default values (a source found for a blank): the items the user
// has not touched take them at the next start; an edited item keeps the user's values and a
// deleted one stays deleted. A data folder seeded before default versions were recorded is
// refreshed the same way.
func TestNewDefaultValuesReachUneditedItemsOnly(t *testing.T) {
	s, v1 := seededStore(t)
	num := func(v float64) *float64 { return &v }

	edited, _ := load(t, s).Material("eps_16")
	edited.GWPPerKg, edited.GWPSource = num(2.5), "my EPD"
	if err := s.SaveMaterial(edited); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteConstruction("window_vacuum_retrofit"); err != nil {
		t.Fatal(err)
	}

	v2 := load(t, s) // a deep copy of the library to change
	v2.Materials, v2.Windows, v2.Constructions = append([]library.Material(nil), v1.Materials...), append([]library.WindowSystem(nil), v1.Windows...), append([]library.Construction(nil), v1.Constructions...)
	for i, m := range v2.Materials {
		switch m.ID {
		case "xps_29", "eps_16":
			v2.Materials[i].GWPPerKg, v2.Materials[i].GWPMetric, v2.Materials[i].GWPSource = num(3.3), library.MetricCO2e, "new default source"
		}
	}
	for i, w := range v2.Windows {
		if w.ID == "trp_lowe_argon" {
			v2.Windows[i].GWPPerM2 = num(99)
		}
	}
	for _, run := range []struct {
		name   string
		before func()
	}{
		{"an app with new defaults", func() {}},
		{"a data folder from before default versions were kept", func() {
			if _, err := s.db.Exec(`DELETE FROM settings WHERE key = ?`, libraryDefaultsKey); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveMaterial(func() library.Material { m, _ := load(t, s).Material("xps_29"); m.GWPPerKg = nil; return m }()); err != nil {
				t.Fatal(err)
			}
			// the edit made xps the user's: put it back as shipped, as an old folder has it
			if _, err := s.db.Exec(`UPDATE materials SET origin = 'default', gwp_per_kg = NULL WHERE id = 'xps_29'`); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(run.name, func(t *testing.T) {
			run.before()
			if err := s.SeedLibrary(v2); err != nil {
				t.Fatal(err)
			}
			got := load(t, s)
			xps, _ := got.Material("xps_29")
			if xps.GWPPerKg == nil || *xps.GWPPerKg != 3.3 || xps.GWPSource != "new default source" || xps.Origin != library.OriginDefault {
				t.Errorf("an unedited default material did not take the new value: %+v", xps)
			}
			eps, _ := got.Material("eps_16")
			if eps.GWPPerKg == nil || *eps.GWPPerKg != 2.5 || eps.GWPSource != "my EPD" {
				t.Errorf("the user's edit was overwritten: %+v", eps)
			}
			if w, ok := got.Window("trp_lowe_argon"); !ok || w.GWPPerM2 == nil || *w.GWPPerM2 != 99 {
				t.Errorf("an unedited default window did not take the new value: %+v", w)
			}
			if _, ok := got.Construction("window_vacuum_retrofit"); ok {
				t.Error("a construction the user deleted came back")
			}
			if len(got.Materials) != len(v1.Materials) {
				t.Errorf("%d materials, want %d", len(got.Materials), len(v1.Materials))
			}
		})
	}

	// Once written, the same defaults change nothing: a user's later edit of a default item
	// (which makes it theirs) and the values stay.
	stamp := func() string {
		var u string
		if err := s.db.QueryRow(`SELECT updated_at FROM materials WHERE id = 'xps_29'`).Scan(&u); err != nil {
			t.Fatal(err)
		}
		return u
	}
	before := stamp()
	if err := s.SeedLibrary(v2); err != nil {
		t.Fatal(err)
	}
	if after := stamp(); after != before {
		t.Errorf("seeding the same defaults again rewrote xps_29 (updated %s, then %s)", before, after)
	}
}
