package takeoff

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/idf"
)

// robustHeader takes lines 1-4, so the object under test starts on line 5.
const robustHeader = `GlobalGeometryRules,UpperLeftCorner,Counterclockwise,World;
Zone,Z;
Construction,C,M;
BuildingSurface:Detailed,Wall A,Wall,C,Z,,Outdoors,,,,,4, 0,0,3, 0,0,0, 10,0,0, 10,0,3;
`

func TestMalformedGeometryNamesObjectAndLine(t *testing.T) {
	tests := []struct {
		name, object, want string
	}{
		{"two vertices", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,, 0,0,0, 1,0,0;", "has 2 vertices; a surface needs at least 3"},
		{"vertex count below 3", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,2, 0,0,0, 1,0,0;", "Number of Vertices is 2; a surface needs at least 3"},
		{"vertex count not a number", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,four, 0,0,0, 1,0,0, 1,0,1;", `Number of Vertices "four" is not a whole number`},
		{"non-numeric vertex", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,4, 0,0,3, 0,0,abc, 10,0,0, 10,0,3;", `Vertex 2 Z-coordinate "abc" is not a number`},
		{"blank vertex", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,4, 0,0,3, 0,,0, 10,0,0, 10,0,3;", "Vertex 2 Y-coordinate is blank"},
		{"NaN vertex", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,4, 0,0,3, 0,0,0, NaN,0,0, 10,0,3;", `Vertex 3 X-coordinate "NaN" is not a number`},
		{"fewer vertices than declared", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,4, 0,0,3, 0,0,0, 10,0,0;", "Number of Vertices is 4 but only 9 coordinate values follow"},
		{"dangling coordinate", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,, 0,0,3, 0,0,0, 10,0,0, 10;", "10 vertex coordinate values is not a whole number"},
		{"collinear vertices", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,3, 0,0,0, 1,0,0, 2,0,0;", "enclose no area"},
		{"overflowing coordinates", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,3, 0,0,0, 1e300,0,0, 0,0,1e300;", "too large for a building"},
		{"huge coordinates", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outdoors,,,,,3, 0,0,0, 1e9,0,0, 0,0,1e9;", "too large for a building"},
		{"unknown zone", "BuildingSurface:Detailed,Bad,Wall,C,Nowhere,,Outdoors,,,,,3, 0,0,0, 1,0,0, 0,0,1;", `zone "Nowhere" is not defined`},
		{"blank zone", "Wall:Exterior,Bad,C,,,180,90,0,0,0,10,3;", "Zone Name is blank"},
		{"unknown boundary", "BuildingSurface:Detailed,Bad,Wall,C,Z,,Outside,,,,,3, 0,0,0, 1,0,0, 0,0,1;", `Outside Boundary Condition "Outside"`},
		{"unknown surface type", "BuildingSurface:Detailed,Bad,Slab,C,Z,,Outdoors,,,,,3, 0,0,0, 1,0,0, 0,0,1;", `Surface Type "Slab"`},
		{"window without its wall", "FenestrationSurface:Detailed,Bad,Window,C,Ghost,,,,,4, 1,0,2, 1,0,1, 2,0,1, 2,0,2;", `base surface "Ghost" is not defined`},
		{"window with 5 vertices", "FenestrationSurface:Detailed,Bad,Window,C,Wall A,,,,,5, 1,0,2, 1,0,1, 2,0,1, 2,0,2, 1.5,0,2.5;", "at most 4"},
		{"window multiplier 0", "FenestrationSurface:Detailed,Bad,Window,C,Wall A,,,,0,4, 1,0,2, 1,0,1, 2,0,1, 2,0,2;", "Multiplier 0 must be at least 1"},
		{"openings larger than the wall", "FenestrationSurface:Detailed,Bad,Window,C,Wall A,,,,20,4, 1,0,2, 1,0,1, 3,0,1, 3,0,2;", ""},
		{"simple wall length not a number", "Wall:Exterior,Bad,C,Z,,180,90,0,0,0,ten,3;", `Length "ten" is not a number`},
		{"simple wall height 0", "Wall:Exterior,Bad,C,Z,,180,90,0,0,0,10,0;", "Height 0 must be greater than 0"},
		{"simple wall tilt 200", "Wall:Exterior,Bad,C,Z,,180,200,0,0,0,10,3;", "Tilt Angle 200 is outside 0 to 180"},
		{"simple window blank height", "Window,Bad,C,Wall A,,1,1,1,2;", "Height is blank"},
		{"duplicate name", "Wall:Exterior,Wall A,C,Z,,0,90,10,8,0,10,3;", "surface name already used by BuildingSurface:Detailed at line 4"},
		{"frame too wide", "WindowProperty:FrameAndDivider,Bad,2;", "Frame Width 2 is outside 0 to 1 m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := idf.Parse([]byte(robustHeader + tt.object))
			if err != nil {
				t.Fatal(err)
			}
			tk, err := Compute(f)
			if err == nil {
				t.Fatalf("no error; take-off %+v", tk)
			}
			var ge *GeometryError
			if !errors.As(err, &ge) {
				t.Errorf("error %v is not a *GeometryError", err)
			}
			name := `"Bad" (line 5)`
			if tt.name == "duplicate name" {
				name = `"Wall A" (line 5)`
			}
			if tt.name == "openings larger than the wall" {
				// The wall is at fault: 20 × 2 m² of window in 30 m².
				name, tt.want = `"Wall A" (line 4)`, "its windows and doors (40.00 m²) cover all of its 30.00 m²"
			}
			for _, want := range []string{name, tt.want} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

func TestMalformedZoneNamesZoneAndLine(t *testing.T) {
	f, err := idf.Parse([]byte("GlobalGeometryRules,UpperLeftCorner,Counterclockwise,World;\nZone,Z,0,0,0,0,1,three;\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compute(f)
	if err == nil || !strings.Contains(err.Error(), `Zone "Z" (line 2): Multiplier "three" is not a number`) {
		t.Errorf("error %v, want one naming zone Z, line 2 and the multiplier", err)
	}
}

// TestEveryMalformedSurfaceIsNamed: a user fixes a file in one pass, not one error per run.
func TestEveryMalformedSurfaceIsNamed(t *testing.T) {
	f, err := idf.Parse([]byte(robustHeader +
		"BuildingSurface:Detailed,Bad 1,Wall,C,Z,,Outdoors,,,,,, 0,0,0, 1,0,0;\n" +
		"Wall:Exterior,Bad 2,C,Nowhere,,180,90,0,0,0,10,3;\n" +
		"Window,Win,C,Bad 1,,1,1,1,1,1;\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compute(f)
	for _, want := range []string{`"Bad 1" (line 5)`, `"Bad 2" (line 6)`, `"Win" (line 7): its base surface "Bad 1" is malformed`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %s", err, want)
		}
	}
}

var junk = []string{"", "abc", "-1", "0", "1e308", "-1e308", "NaN", "Inf", "1e-320", "3", "0.5", "Outdoors", "Ground",
	"Surface", "Z", "Wall A", "Box S", "Window", "Ceiling", "autocalculate", "4", "2", "1e9", ",", "0x10"}

// TestRandomMutationsNeverPanic corrupts fields of the hand models at random: every result is
// a take-off JSON can carry or an error that names a line, never a panic.
func TestRandomMutationsNeverPanic(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	models := []string{boxModel(false), stackedModel(), relativeModel(), simpleModel(), robustHeader}
	for i := range 3000 {
		f, err := idf.Parse([]byte(models[i%len(models)]))
		if err != nil {
			t.Fatal(err)
		}
		var changes []string
		for range 1 + rng.Intn(3) {
			o := &f.Objects[rng.Intn(len(f.Objects))]
			o.Fields = append([]string(nil), o.Fields...)
			switch {
			case len(o.Fields) > 0 && rng.Intn(5) == 0:
				o.Fields = o.Fields[:rng.Intn(len(o.Fields))]
				changes = append(changes, fmt.Sprintf("%s line %d truncated to %d fields", o.Class, o.Line, len(o.Fields)))
			case len(o.Fields) > 0:
				j, v := rng.Intn(len(o.Fields)), junk[rng.Intn(len(junk))]
				o.Fields[j] = v
				changes = append(changes, fmt.Sprintf("%s line %d field %d = %q", o.Class, o.Line, j, v))
			}
		}
		checkOutcome(t, f, strings.Join(changes, "; "))
	}
}

func checkOutcome(t *testing.T, f *idf.File, what string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic %v after %s", r, what)
		}
	}()
	tk, err := Compute(f)
	if err != nil {
		if !strings.Contains(err.Error(), "line ") {
			t.Errorf("error %q names no line (after %s)", err, what)
		}
		return
	}
	if _, err := json.Marshal(tk); err != nil {
		t.Errorf("take-off cannot be encoded (%v) after %s", err, what)
	}
	for _, s := range tk.Surfaces {
		if s.GrossAreaM2 <= 0 || s.NetAreaM2 <= 0 || s.NetAreaM2 > s.GrossAreaM2*(1+1e-12) {
			t.Errorf("%s: gross %g net %g after %s", s.Name, s.GrossAreaM2, s.NetAreaM2, what)
		}
	}
}

func FuzzCompute(f *testing.F) {
	for _, m := range []string{boxModel(false), stackedModel(), relativeModel(), simpleModel(), robustHeader} {
		f.Add([]byte(m))
	}
	// The hostile-input corpus's model files (testdata/hostile): what the import tests try.
	hostile, _ := filepath.Glob("../testdata/hostile/idf-*.idf")
	if len(hostile) < 15 {
		f.Fatalf("only %d hostile model files found: the corpus moved?", len(hostile))
	}
	for _, p := range hostile {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data[:min(len(data), 4096)]) // whole models as seeds slow every execution ~100-fold
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		model, err := idf.Parse(data)
		if err != nil {
			return
		}
		checkOutcome(t, model, "fuzzed input")
	})
}
