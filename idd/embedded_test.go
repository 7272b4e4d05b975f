package idd

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"epsm/idf"
)

func embeddedSchema(t testing.TB) *Schema {
	t.Helper()
	s, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func lookup(t testing.TB, s *Schema, class, field string) (int, Field) {
	t.Helper()
	_, i, f, err := s.Lookup(class, field)
	if err != nil {
		t.Fatal(err)
	}
	return i, f
}

func TestEmbeddedIs25_2(t *testing.T) {
	s := embeddedSchema(t)
	if s.Version() != "25.2.0" {
		t.Errorf("Version() = %q, want 25.2.0", s.Version())
	}
	if n := len(s.Classes()); n != 858 {
		t.Errorf("%d classes, EnergyPlus 25.2 has 858", n)
	}
	again, _ := Embedded()
	if again != s {
		t.Error("Embedded parsed the dictionary twice")
	}
}

// Facts of EnergyPlus 25.2's Energy+.idd, read from the file by hand.
func TestEmbeddedFieldFacts(t *testing.T) {
	s := embeddedSchema(t)
	bound := func(v float64, excl bool) *Bound { return &Bound{Value: v, Exclusive: excl} }
	tests := []struct {
		class, field string
		index        int
		want         Field
	}{
		{"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", 25,
			Field{ID: "N10", Name: "Sensible Heat Recovery Effectiveness", Numeric: true, Units: "dimensionless", Min: bound(0, false), Max: bound(1, false), Default: "0.70"}},
		{"zonehvac:idealloadsairsystem", "heat recovery type", 24,
			Field{ID: "A16", Name: "Heat Recovery Type", Type: TypeChoice, Keys: []string{"None", "Sensible", "Enthalpy"}, Default: "None"}},
		{"ZoneHVAC:IdealLoadsAirSystem", "Maximum Heating Supply Air Temperature {C}", 5,
			Field{ID: "N1", Name: "Maximum Heating Supply Air Temperature", Numeric: true, Units: "C", Min: bound(0, true), Max: bound(100, true), Default: "50"}},
		{"ZoneInfiltration:DesignFlowRate", "Air Changes per Hour", 7,
			Field{ID: "N4", Name: "Air Changes per Hour", Numeric: true, Type: TypeReal, Units: "1/hr", Min: bound(0, false)}},
		{"Generator:PVWatts", "DC System Capacity", 2,
			Field{ID: "N1", Name: "DC System Capacity", Numeric: true, Type: TypeReal, Units: "W", Min: bound(0, true), Required: true}},
		{"Fan:ConstantVolume", "Fan Total Efficiency", 2,
			Field{ID: "N1", Name: "Fan Total Efficiency", Numeric: true, Type: TypeReal, Min: bound(0, true), Max: bound(1, false), Default: "0.7"}},
		{"Fan:SystemModel", "Fan Total Efficiency", 14,
			Field{ID: "N9", Name: "Fan Total Efficiency", Numeric: true, Type: TypeReal, Min: bound(0, true), Max: bound(1, false), Default: "0.7"}},
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating COP", 3,
			Field{ID: "N2", Name: "Gross Rated Heating COP", Numeric: true, Type: TypeReal, Units: "W/W", Min: bound(0, true), Required: true}},
		{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating Capacity", 2,
			Field{ID: "N1", Name: "Gross Rated Heating Capacity", Numeric: true, Type: TypeReal, Units: "W", Min: bound(0, true), Autosizable: true, Required: true}},
		{"Zone", "Volume", 8,
			Field{ID: "N8", Name: "Volume", Numeric: true, Type: TypeReal, Units: "m3", Autocalculatable: true, Default: "autocalculate"}},
		{"BuildingSurface:Detailed", "Zone Name", 3,
			Field{ID: "A4", Name: "Zone Name", Type: TypeObjectList, Required: true, ObjectLists: []string{"ZoneNames"}}},
	}
	for _, tt := range tests {
		t.Run(tt.class+"/"+tt.field, func(t *testing.T) {
			i, f := lookup(t, s, tt.class, tt.field)
			if i != tt.index {
				t.Errorf("index %d, want %d", i, tt.index)
			}
			if !reflect.DeepEqual(f, tt.want) {
				t.Errorf("field\n %+v\nwant\n %+v", f, tt.want)
			}
		})
	}
}

func TestEmbeddedClassFacts(t *testing.T) {
	s := embeddedSchema(t)
	tests := []struct {
		class                       string
		name                        string // the IDD's spelling
		fields, minFields           int
		extensible, firstExtensible int
	}{
		{"zonehvac:idealloadsairsystem", "ZoneHVAC:IdealLoadsAirSystem", 32, 27, 0, -1},
		{"BUILDINGSURFACE:DETAILED", "BuildingSurface:Detailed", 371, 20, 3, 11},
		{"ZoneList", "ZoneList", 501, 2, 1, 1},
		{"Site:SpectrumData", "Site:SpectrumData", 216, 8, 2, 6}, // \begin-extensible on its third pair
		{"version", "Version", 1, 0, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := s.Class(tt.class)
			if !ok {
				t.Fatalf("no class %q", tt.class)
			}
			got := []any{c.Name, len(c.Fields), c.MinFields, c.Extensible, c.FirstExtensible}
			want := []any{tt.name, tt.fields, tt.minFields, tt.extensible, tt.firstExtensible}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("name, fields, min-fields, extensible, first extensible = %v, want %v", got, want)
			}
		})
	}
}

// The repeating group: its fields resolve by their numbered names, within the IDD's list and
// past it; the fields the IDD leaves unnamed take the group's name and limits.
func TestExtensibleFields(t *testing.T) {
	s := embeddedSchema(t)
	tests := []struct {
		class, field string
		index        int
		id, name     string
	}{
		{"BuildingSurface:Detailed", "Vertex 1 X-coordinate", 11, "N3", "Vertex 1 X-coordinate"},
		{"BuildingSurface:Detailed", "vertex 4 z-coordinate {m}", 22, "N14", "Vertex 4 Z-coordinate"},
		{"BuildingSurface:Detailed", "Vertex 120 Z-coordinate", 370, "N362", "Vertex 120 Z-coordinate"},
		{"BuildingSurface:Detailed", "Vertex 121 X-coordinate", 371, "N363", "Vertex 121 X-coordinate"},
		{"BuildingSurface:Detailed", "Vertex 500 Y-coordinate", 1509, "N1501", "Vertex 500 Y-coordinate"},
		{"ZoneList", "Zone 2 Name", 2, "A3", "Zone 2 Name"},
		{"ZoneList", "Zone 1000 Name", 1000, "A1001", "Zone 1000 Name"},
		{"Schedule:Compact", "Field 10000", 10001, "A10002", "Field 10000"},
		{"Site:SpectrumData", "Wavelength", 2, "N1", "Wavelength"},
		{"Site:SpectrumData", "n7", 8, "N7", "Wavelength"},
		{"LifeCycleCost:UsePriceEscalation", "Year 9 Escalation", 12, "N10", "Year 9 Escalation"},
		{"LifeCycleCost:UsePriceEscalation", "N11", 13, "N11", "Year 10 Escalation"},
		{"LifeCycleCost:UsePriceEscalation", "Year 30 Escalation", 33, "N31", "Year 30 Escalation"},
	}
	for _, tt := range tests {
		t.Run(tt.class+"/"+tt.field, func(t *testing.T) {
			i, f := lookup(t, s, tt.class, tt.field)
			if i != tt.index || f.ID != tt.id || f.Name != tt.name {
				t.Errorf("index %d, %s %q; want %d, %s %q", i, f.ID, f.Name, tt.index, tt.id, tt.name)
			}
			c, _ := s.Class(tt.class)
			if at, ok := c.FieldAt(i); !ok || !reflect.DeepEqual(at, f) {
				t.Errorf("FieldAt(%d) = %+v, %v; want the field Field found", i, at, ok)
			}
		})
	}
	c, _ := s.Class("Site:SpectrumData")
	f, _ := c.FieldAt(8) // N7: the IDD writes "N7, N8, \note fields as indicated"
	if f.Name != "Wavelength" || f.Units != "micron" || !f.Numeric || f.ID != "N7" {
		t.Errorf("Site:SpectrumData's unnamed N7 = %+v, want a Wavelength in micron", f)
	}
	z, _ := s.Class("Zone")
	if _, ok := z.FieldAt(len(z.Fields)); ok {
		t.Error("Zone has no repeating group, yet FieldAt past its last field answered")
	}
	if _, _, ok := c.Field("Wavelength 3"); ok {
		t.Error(`"Wavelength 3" resolved in a class whose group names carry no number`)
	}
}

// In the shared test model, each ZoneHVAC:IdealLoadsAirSystem writes 0 as its sensible heat
// recovery effectiveness, and nothing else in those objects is 0 just before its end: the
// index the IDD gives must land on that value.
func TestFieldIndexPointsAtTheValueInARealIDF(t *testing.T) {
	s := embeddedSchema(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "testdata", "epsm", "test.idf"))
	if err != nil {
		t.Fatalf("shared test data (clone the shared repository beside main/): %v", err)
	}
	f, err := idf.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	sensible, _ := lookup(t, s, "ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness")
	dcv, _ := lookup(t, s, "ZoneHVAC:IdealLoadsAirSystem", "Demand Controlled Ventilation Type")
	economizer, _ := lookup(t, s, "ZoneHVAC:IdealLoadsAirSystem", "Outdoor Air Economizer Type")
	n := 0
	for _, o := range f.Objects {
		if !strings.EqualFold(o.Class, "ZoneHVAC:IdealLoadsAirSystem") {
			continue
		}
		n++
		got := []string{o.Field(sensible), o.Field(dcv), o.Field(economizer)}
		if want := []string{"0", "None", "DifferentialDryBulb"}; !reflect.DeepEqual(got, want) {
			t.Errorf("line %d: fields %d, %d, %d hold %q, want %q", o.Line, sensible, dcv, economizer, got, want)
		}
	}
	if n != 4 {
		t.Errorf("%d ideal loads objects, the test model has 4", n)
	}
}

// IDF Editor writes each field's IDD name after its value ("50, !- Maximum Heating Supply Air
// Temperature {C}"). Every such name must resolve to the position of the value it follows. A few
// comments are older than the engine (the bundled example was transitioned by hand from 9.4 and
// kept "Zone or ZoneList Name", the test model is 23.2): a name 25.2 no longer has is allowed,
// a name found at another position is not.
func TestIDFEditorCommentsResolveToTheirPosition(t *testing.T) {
	s := embeddedSchema(t)
	for _, tt := range []struct {
		path           string
		atLeast, stale int
	}{
		{"../examples/1ZoneUncontrolled.idf", 200, 4},
		{filepath.Join("..", "..", "shared", "testdata", "epsm", "test.idf"), 5000, 4},
	} {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			data, err := os.ReadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			checked, stale := checkComments(t, s, data)
			t.Logf("%d names at their position, %d stale", checked, len(stale))
			if checked < tt.atLeast {
				t.Errorf("only %d comments checked, want at least %d", checked, tt.atLeast)
			}
			if len(stale) > tt.stale {
				t.Errorf("%d names not found, want at most %d: %q", len(stale), tt.stale, stale)
			}
		})
	}
}

// checkComments compares each one-field line's "!-" comment of data with the field the schema
// has at that position; it returns how many matched and the names the schema lacks.
func checkComments(t *testing.T, s *Schema, data []byte) (checked int, stale []string) {
	f, err := idf.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for k, o := range f.Objects {
		end := len(lines)
		if k+1 < len(f.Objects) {
			end = f.Objects[k+1].Line - 1
		}
		c, ok := s.Class(o.Class)
		if !ok {
			t.Errorf("line %d: no class %q", o.Line, o.Class)
			continue
		}
		index := 0
		for n := o.Line; n < end; n++ { // the lines after the class name's
			value, comment, ok := strings.Cut(lines[n], "!-")
			if !ok {
				continue
			}
			fields := strings.Count(value, ",") + strings.Count(value, ";")
			if fields == 1 { // "0,0,4.572, !- X,Y,Z ==> Vertex 1 {m}" names three fields at once
				switch i, _, ok := c.Field(comment); {
				case !ok:
					stale = append(stale, o.Class+": "+strings.TrimSpace(comment))
				case i != index:
					t.Errorf("line %d: %s field %q is at %d, Field says %d", n+1, o.Class, strings.TrimSpace(comment), index, i)
				default:
					checked++
				}
			}
			index += fields
		}
	}
	return checked, stale
}

// fullIDD is the Energy+.idd of the engine the tests use (ENERGYPLUS_EXE or the project's
// .cache/energyplus-path). Without it the test skips, except in CI, where setup installs it.
func fullIDD(t *testing.T) []byte {
	t.Helper()
	exe := os.Getenv("ENERGYPLUS_EXE")
	if exe == "" {
		if b, err := os.ReadFile("../.cache/energyplus-path"); err == nil {
			exe = strings.TrimSpace(string(b))
		}
	}
	var data []byte
	err := os.ErrNotExist
	if exe != "" {
		data, err = os.ReadFile(filepath.Join(filepath.Dir(exe), "Energy+.idd"))
	}
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("EPSM_REQUIRE_ENGINE") != "" {
			t.Fatalf("the engine's Energy+.idd: %v (run `make setup-test`)", err)
		}
		t.Skipf("no engine Energy+.idd (set ENERGYPLUS_EXE or run `make setup-test`): %v", err)
	}
	return data
}

// The embedded copy is the engine's Energy+.idd stripped by this package's Strip, byte for byte
// (so it is up to date), and reads as the same classes and fields as the full file.
func TestEmbeddedCopyMatchesTheEnginesIDD(t *testing.T) {
	full := fullIDD(t)
	want, err := Parse(bytes.NewReader(full))
	if err != nil {
		t.Fatal(err)
	}
	got := embeddedSchema(t)
	if want.Version() != got.Version() {
		t.Fatalf("the engine's IDD is %s, the embedded one %s: regenerate it (see the package doc)", want.Version(), got.Version())
	}
	var stripped bytes.Buffer
	if err := Strip(&stripped, bytes.NewReader(full)); err != nil {
		t.Fatal(err)
	}
	if strippedEmbedded(t) != stripped.String() {
		t.Error("data/Energy+25.2.idd.gz is not the engine's IDD stripped: regenerate it with go run ./idd/gen (see the package doc)")
	}
	if len(got.Classes()) != len(want.Classes()) {
		t.Fatalf("%d classes embedded, %d in the engine's IDD", len(got.Classes()), len(want.Classes()))
	}
	for i, w := range want.Classes() {
		if g := got.Classes()[i]; !reflect.DeepEqual(g, w) {
			t.Errorf("class %s differs from the engine's IDD: %d fields, want %d", w.Name, len(g.Fields), len(w.Fields))
		}
	}
}

// Recorded on the development machine (2 cores of an AMD EPYC, go1.26, linux/amd64): about 70 ms
// and 72 MB allocated per parse; the parsed schema keeps about 18 MB.
func BenchmarkEmbedded(b *testing.B) {
	for b.Loop() {
		if _, err := parseEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}
