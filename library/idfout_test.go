package library

import (
	"strconv"
	"strings"
	"testing"

	"epsm/idf"
)

// parseObjects parses IDFObjects' text back with the project's IDF reader and checks the names.
func parseObjects(t *testing.T, text string) *idf.File {
	t.Helper()
	f, err := idf.Parse([]byte(text))
	if err != nil {
		t.Fatalf("the text is not valid IDF: %v\n%s", err, text)
	}
	seen := map[string]bool{}
	for _, o := range f.Objects {
		n := o.Field(0)
		if n == "" || len(n) > maxNameLength || strings.ContainsAny(n, ",;!") || n != strings.TrimSpace(n) {
			t.Errorf("%s name %q is not a valid EnergyPlus name", o.Class, n)
		}
		if key := o.Class + "\x00" + strings.ToUpper(n); seen[key] {
			t.Errorf("%s %q twice", o.Class, n)
		} else {
			seen[key] = true
		}
	}
	return f
}

// numberField reads field i of o as a number; a blank field is nil.
func numberField(t *testing.T, o idf.Object, i int) *float64 {
	t.Helper()
	if o.Field(i) == "" {
		return nil
	}
	v, err := strconv.ParseFloat(o.Field(i), 64)
	if err != nil {
		t.Fatalf("%s %s field %d: %v", o.Class, o.Field(0), i+1, err)
	}
	return &v
}

func sameNumber(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// Every usable default construction, written and read back, carries exactly the library's
// numbers: the system this replaces wrote placeholder 0.2 m, k = 0.5 layers instead.
func TestIDFObjectsCarryTheLibrarysNumbers(t *testing.T) {
	lib, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	for _, c := range lib.Constructions {
		if lib.Usable(c) != nil {
			continue
		}
		written++
		t.Run(c.ID, func(t *testing.T) {
			name, text, err := lib.IDFObjects(c, "EPSM")
			if err != nil {
				t.Fatal(err)
			}
			if name != "EPSM_"+c.ID {
				t.Errorf("construction named %q", name)
			}
			f := parseObjects(t, text)
			cons := f.All("Construction")
			if len(cons) != 1 || cons[0].Field(0) != name {
				t.Fatalf("constructions %v", cons)
			}
			layers := cons[0].Fields[1:]
			byName := map[string]idf.Object{}
			for _, o := range f.Objects {
				byName[o.Field(0)] = o
			}
			if c.Element == ElementWindow {
				w, _ := lib.Window(c.WindowSystemID)
				o := byName[strings.TrimSpace(layers[0])]
				if len(layers) != 1 || o.Class != "WindowMaterial:SimpleGlazingSystem" ||
					!sameNumber(numberField(t, o, 1), w.UFactor) || !sameNumber(numberField(t, o, 2), w.SHGC) ||
					!sameNumber(numberField(t, o, 3), w.VisibleTransmittance) {
					t.Errorf("glazing %v for %+v", o, w)
				}
				return
			}
			if len(layers) != len(c.Layers) || len(f.Objects) != len(c.Layers)+1 {
				t.Fatalf("%d layers and %d objects for %d layers", len(layers), len(f.Objects), len(c.Layers))
			}
			for i, ly := range c.Layers {
				m, _ := lib.Material(ly.MaterialID)
				o, ok := byName[strings.TrimSpace(layers[i])]
				if !ok {
					t.Fatalf("layer %d %q is not defined", i+1, layers[i])
				}
				switch m.Kind {
				case KindMaterial:
					if o.Class != "Material" || len(o.Fields) != 9 || o.Field(1) != m.Roughness ||
						*numberField(t, o, 2) != ly.ThicknessM || !sameNumber(numberField(t, o, 3), m.Conductivity) ||
						!sameNumber(numberField(t, o, 4), m.Density) || !sameNumber(numberField(t, o, 5), m.SpecificHeat) ||
						!sameNumber(numberField(t, o, 6), m.ThermalAbsorptance) || !sameNumber(numberField(t, o, 7), m.SolarAbsorptance) ||
						!sameNumber(numberField(t, o, 8), m.VisibleAbsorptance) {
						t.Errorf("layer %d %s written as %s %q", i+1, m.ID, o.Class, o.Fields)
					}
				case KindAirGap:
					if o.Class != "Material:AirGap" || len(o.Fields) != 2 || !sameNumber(numberField(t, o, 1), m.ThermalResistance) {
						t.Errorf("layer %d %s written as %s %q", i+1, m.ID, o.Class, o.Fields)
					}
				}
			}
		})
	}
	if written != 13 {
		t.Errorf("%d constructions written; 13 of the 15 are usable", written)
	}
}

func TestIDFObjectsNoMassLayer(t *testing.T) {
	lib := &Library{Materials: []Material{
		{ID: "r13", Name: "R13", Kind: KindNoMass, ThermalResistance: ptr(2.290965), Roughness: "Rough",
			ThermalAbsorptance: ptr(0.9), SolarAbsorptance: ptr(0.75), ThermalSource: "model"},
	}}
	c := Construction{ID: "r13wall", Name: "R13 wall", Element: ElementWall, Layers: []Layer{{"r13", 0, false}}}
	_, text, err := lib.IDFObjects(c, "V1")
	if err != nil {
		t.Fatal(err)
	}
	o, _ := parseObjects(t, text).First("Material:NoMass")
	// A blank visible absorptance stays blank: EnergyPlus applies its default, not the app.
	if o.Field(0) != "V1_r13wall_L1_r13" || o.Field(1) != "Rough" || o.Field(2) != "2.290965" ||
		o.Field(3) != "0.9" || o.Field(4) != "0.75" || o.Field(5) != "" {
		t.Errorf("Material:NoMass %q", o.Fields)
	}
}

func TestIDFNamesStayValidUniqueAndShort(t *testing.T) {
	lib, _ := Default()
	c, _ := lib.Construction("pitched_roof_tile_rafter_insulation")
	long := strings.Repeat("Renovation study, variant; north! ", 4)
	name, text, err := lib.IDFObjects(c, long)
	if err != nil {
		t.Fatal(err)
	}
	f := parseObjects(t, text)
	if len(name) > maxNameLength || strings.ContainsAny(name, ",;!") {
		t.Errorf("construction name %q", name)
	}
	if len(f.Objects) != len(c.Layers)+1 {
		t.Errorf("%d objects", len(f.Objects))
	}
	// Shortened names end in a hash of the whole name, so layers stay apart.
	for _, o := range f.Objects {
		if len(o.Field(0)) != maxNameLength {
			t.Errorf("%q was not shortened to %d characters", o.Field(0), maxNameLength)
		}
	}
	// The same construction under another prefix gets other names: two variants' objects
	// never collide.
	other, _, _ := lib.IDFObjects(c, "EPSM v2")
	if other == name || other != "EPSM v2_pitched_roof_tile_rafter_insulation" {
		t.Errorf("names %q and %q", name, other)
	}
}

func TestIDFObjectsRefuseUnusableConstructions(t *testing.T) {
	lib, _ := Default()
	c, _ := lib.Construction("window_secondary_glazing")
	if _, _, err := lib.IDFObjects(c, "EPSM"); err == nil || !strings.Contains(err.Error(), "secondary_glazing_retrofit") {
		t.Errorf("a window without SHGC/VT written: %v", err)
	}
	bad := Construction{ID: "gap_out", Name: "Gap outside", Element: ElementWall,
		Layers: []Layer{{"air_gap_wall", 0.02, false}, {"concrete_normal_2240", 0.2, false}}}
	if _, _, err := lib.IDFObjects(bad, "EPSM"); err == nil || !strings.Contains(err.Error(), "air gap cannot be the outside") {
		t.Errorf("an air gap as outside layer (an EnergyPlus severe error) written: %v", err)
	}
}
