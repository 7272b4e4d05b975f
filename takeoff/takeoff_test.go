package takeoff

import (
	"math"
	"sort"
	"strings"
	"testing"

	"epsm/idf"
)

func compute(t *testing.T, text string) *Takeoff {
	t.Helper()
	f, err := idf.Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	tk, err := Compute(f)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// handCase is a model with its take-off worked out by hand.
type handCase struct {
	name  string
	model string
	// Element totals, m².
	wallGross, wallNet, window, door, roof, groundFloor float64
	fourWay                                             map[string]WallWindow
	wallNetBy8                                          map[string]float64
	windowAzimuth                                       float64
	frame                                               float64
}

// The box: 10 m × 8 m × 3 m.
//
//	walls gross  2 × (10 + 8) × 3          = 108 m²  (S 30, N 30, E 24, W 24)
//	window       2 × 1.5 (south wall)       =   3 m²
//	door         1 × 2   (north wall)       =   2 m²
//	walls net    108 − 3 − 2                = 103 m²  (S 27, N 28, E 24, W 24)
//	roof, floor  10 × 8                     =  80 m² each
//	window-wall ratio 3 / 108               = 2.78 %
var boxFourWay = map[string]WallWindow{"N": {30, 0}, "E": {24, 0}, "S": {30, 3}, "W": {24, 0}}

func handCases() []handCase {
	return []handCase{
		{
			name: "box", model: boxModel(false),
			wallGross: 108, wallNet: 103, window: 3, door: 2, roof: 80, groundFloor: 80,
			fourWay:    boxFourWay,
			wallNetBy8: map[string]float64{"N": 28, "E": 24, "S": 27, "W": 24},
			// The south wall's outward normal points to −y: azimuth 180°.
			windowAzimuth: 180,
		},
		{
			// The same box entered Clockwise from the lower left corner: EnergyPlus reverses
			// the vertices, so every figure is the box's.
			name: "clockwise", model: boxModel(true),
			wallGross: 108, wallNet: 103, window: 3, door: 2, roof: 80, groundFloor: 80,
			fourWay:       boxFourWay,
			wallNetBy8:    map[string]float64{"N": 28, "E": 24, "S": 27, "W": 24},
			windowAzimuth: 180,
		},
		{
			// Ground (×1), Middle (×3) and Top (×1) storeys of the box; Middle's window has
			// Multiplier 2.
			//   walls gross  108 + 3 × 108 + 108             = 540 m²
			//   windows      3 + 3 × (2 × 3) + 3             =  24 m²  (all south)
			//   door         2 (ground storey, north)        =   2 m²
			//   walls net    540 − 24 − 2                    = 514 m²
			//     S 150 − 24 = 126, N 150 − 2 = 148, E 5 × 24 = 120, W 120
			//   roof         Top only; Ground's and Middle's ceilings are interior = 80 m²
			//   ground floor Ground only; Middle's and Top's floors are interior  = 80 m²
			name: "stacked+multipliers", model: stackedModel(),
			wallGross: 540, wallNet: 514, window: 24, door: 2, roof: 80, groundFloor: 80,
			fourWay:       map[string]WallWindow{"N": {150, 0}, "E": {120, 0}, "S": {150, 24}, "W": {120, 0}},
			wallNetBy8:    map[string]float64{"N": 148, "E": 120, "S": 126, "W": 120},
			windowAzimuth: 180,
		},
		{
			// Relative coordinates, Building North Axis 90°: the building turns 90° clockwise,
			// so the wall facing local south (180°) faces 270° (west), local north faces east,
			// local east faces south and local west faces north. The zone origin moves the box
			// without changing any area. The 5 cm frame adds (1.5 + 0.1) × (2 + 0.1) − 3 =
			// 0.36 m² around the window, reported apart from the opening.
			name: "relative+north90", model: relativeModel(),
			wallGross: 108, wallNet: 103, window: 3, door: 2, roof: 80, groundFloor: 80,
			fourWay:       map[string]WallWindow{"N": {24, 0}, "E": {30, 0}, "S": {24, 0}, "W": {30, 3}},
			wallNetBy8:    map[string]float64{"N": 24, "E": 28, "S": 24, "W": 27},
			windowAzimuth: 270, frame: 0.36,
		},
		{
			// Simple objects, Relative coordinates, zone relative north 30° and Building North
			// Axis 90°: every azimuth turns by 120°. South (180°) → 300° (NW, West bin),
			// north (0°) → 120° (SE, East bin), east (90°) → 210° (SW, South bin),
			// west (270°) → 30° (NE, North bin).
			name: "simple objects+rotated", model: simpleModel(),
			wallGross: 108, wallNet: 103, window: 3, door: 2, roof: 80, groundFloor: 80,
			fourWay:       map[string]WallWindow{"N": {24, 0}, "E": {30, 0}, "S": {24, 0}, "W": {30, 3}},
			wallNetBy8:    map[string]float64{"NE": 24, "SE": 28, "SW": 24, "NW": 27},
			windowAzimuth: 300,
		},
	}
}

func TestHandCheckedModels(t *testing.T) {
	for _, tc := range handCases() {
		t.Run(tc.name, func(t *testing.T) {
			tk := compute(t, tc.model)
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"wall gross", tk.Wall.GrossM2, tc.wallGross},
				{"wall net", tk.Wall.NetM2, tc.wallNet},
				{"window", tk.Window.GrossM2, tc.window},
				{"door", tk.Door.GrossM2, tc.door},
				{"roof", tk.Roof.GrossM2, tc.roof},
				{"ground floor", tk.GroundFloor.GrossM2, tc.groundFloor},
				{"window-wall ratio", tk.WindowWallRatio, tc.window / tc.wallGross},
				{"skylight", tk.Skylight.GrossM2, 0},
				{"exposed floor", tk.ExposedFloor.GrossM2, 0},
			} {
				if !near(c.got, c.want) {
					t.Errorf("%s = %.6g m², want %.6g", c.what, c.got, c.want)
				}
			}
			for o, want := range tc.fourWay {
				if got := tk.ByFourWay[o]; !near(got.GrossWallM2, want.GrossWallM2) || !near(got.WindowM2, want.WindowM2) {
					t.Errorf("four-way %s = %+v, want %+v", o, got, want)
				}
			}
			if len(tk.Wall.ByOrientation) != len(tc.wallNetBy8) {
				t.Errorf("wall net by orientation %v, want %v", tk.Wall.ByOrientation, tc.wallNetBy8)
			}
			for o, want := range tc.wallNetBy8 {
				if got := tk.Wall.ByOrientation[o]; !near(got, want) {
					t.Errorf("wall net %s = %.6g m², want %.6g (all: %v)", o, got, want, tk.Wall.ByOrientation)
				}
			}
			if got := tk.Wall.Constructions["Ext Wall"]; !near(got, tc.wallNet) {
				t.Errorf("construction Ext Wall covers %.6g m², want the net wall %.6g", got, tc.wallNet)
			}
			if got := tk.Roof.ByOrientation[Horizontal]; !near(got, tc.roof) {
				t.Errorf("flat roof by orientation %v, want all %s", tk.Roof.ByOrientation, Horizontal)
			}
			var frame float64
			for _, s := range tk.Surfaces {
				if s.Element == ElementWindow {
					frame += s.FrameAreaM2
					if !near(s.AzimuthDeg, tc.windowAzimuth) || !near(s.TiltDeg, 90) {
						t.Errorf("window %s faces %.4g° tilted %.4g°, want %g° and 90°", s.Name, s.AzimuthDeg, s.TiltDeg, tc.windowAzimuth)
					}
				}
			}
			if !near(frame, tc.frame) {
				t.Errorf("frame area %.6g m², want %.6g", frame, tc.frame)
			}
		})
	}
}

// TestInteriorCeilingsAreNotRoof: the system this replaces counted interior ceilings as roof.
func TestInteriorCeilingsAreNotRoof(t *testing.T) {
	tk := compute(t, stackedModel())
	byName := map[string]Surface{}
	for _, s := range tk.Surfaces {
		byName[s.Name] = s
	}
	for _, name := range []string{"Ground Ceiling", "Middle Ceiling", "Middle Floor", "Top Floor"} {
		s := byName[name]
		if s.Element != "" || s.Boundary != "Surface" {
			t.Errorf("%s: element %q boundary %q, want interior (\"\", Surface)", name, s.Element, s.Boundary)
		}
	}
	// Middle's ceiling is 80 m² × 3 storeys: counting it would make the roof 80 + 80 + 240.
	if s := byName["Middle Ceiling"]; !near(s.GrossAreaM2, 240) || s.Multiplier != 3 {
		t.Errorf("Middle Ceiling %.6g m² ×%d, want 240 m² ×3", s.GrossAreaM2, s.Multiplier)
	}
	if s := byName["Middle S Window"]; !near(s.GrossAreaM2, 18) || s.Multiplier != 6 {
		t.Errorf("Middle S Window %.6g m² ×%d, want 3 m² × 2 windows × 3 storeys = 18 m² ×6", s.GrossAreaM2, s.Multiplier)
	}
	// Middle's south wall: (30 − 2 × 3) × 3 = 72 m² net of 90 m² gross.
	if s := byName["Middle S"]; !near(s.GrossAreaM2, 90) || !near(s.NetAreaM2, 72) {
		t.Errorf("Middle S gross %.6g net %.6g, want 90 and 72", s.GrossAreaM2, s.NetAreaM2)
	}
}

func names(ss []Surface) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name
	}
	sort.Strings(out)
	return out
}

func TestExteriorSurfaces(t *testing.T) {
	tk := compute(t, stackedModel())
	tests := []struct {
		element string
		want    []string
	}{
		{"roof", []string{"Top Roof"}},
		{"floor", []string{"Ground Floor"}},
		{"window", []string{"Ground S Window", "Middle S Window", "Top S Window"}},
		{"door", []string{"Ground N Door"}},
		{"wall", []string{"Ground E", "Ground N", "Ground S", "Ground W", "Middle E", "Middle N", "Middle S", "Middle W", "Top E", "Top N", "Top S", "Top W"}},
		{"ceiling", nil},
	}
	for _, tt := range tests {
		if got := names(tk.ExteriorSurfaces(tt.element)); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("ExteriorSurfaces(%q) = %q, want %q", tt.element, got, tt.want)
		}
	}
}

// TestElements checks the element of every boundary and type the take-off distinguishes,
// including the ones EnergyPlus's own report counts by tilt instead.
func TestElements(t *testing.T) {
	b := box(0)
	model := handHeader(0, "UpperLeftCorner,Counterclockwise,World") +
		"Zone,A,0,0,0,0,1,1;\nZone,B,0,0,0,0,1,1;\n" +
		"SurfaceProperty:OtherSideCoefficients,OSC,0,0,0,0,0,0,0,0,0,0,0,0,0,No,0,0,0,0;\n" +
		"Construction:FfactorGroundFloor,F Slab,0.5,80,36;\n" +
		walls("A", b, same) +
		detailed("A Roof", "Roof", "Flat Roof", "A", "Outdoors", "", b.top) +
		detailed("A Floor", "Floor", "Slab", "A", "GroundFCfactorMethod", "", b.bottom) +
		fenestration("A Skylight", "Window", "Double", "A Roof", "", 1, []pt{{1, 3, 3}, {1, 1, 3}, {3, 1, 3}, {3, 3, 3}}) +
		fenestration("A Glass Door", "GlassDoor", "Double", "A S", "", 1, []pt{{1, 0, 2}, {1, 0, 0}, {2, 0, 0}, {2, 0, 2}}) +
		// B: an exposed floor, a basement wall, an OSC wall, an adiabatic ceiling and a
		// Ceiling-typed surface outdoors (a roof to EnergyPlus).
		detailed("B Exposed Floor", "Floor", "Slab", "B", "Outdoors", "", b.bottom) +
		detailed("B Basement Wall", "Wall", "Ext Wall", "B", "Ground", "", b.s) +
		detailed("B OSC Wall", "Wall", "Ext Wall", "B", "OtherSideCoefficients", "OSC", b.n) +
		detailed("B Adiabatic Ceiling", "Ceiling", "Flat Roof", "B", "Adiabatic", "", b.top) +
		detailed("B Outdoor Ceiling", "Ceiling", "Flat Roof", "B", "Outdoors", "", box(10).top) +
		"Floor:GroundContact,B Simple Slab,F Slab,B,,0,180,10,0,0,10,8;\n" +
		"Wall:Underground,B UG Wall,Ext Wall,B,,90,90,10,0,-3,8,3;\n"
	tk := compute(t, model)
	want := map[string][2]string{ // name -> element, boundary
		"A S": {ElementWall, "Outdoors"}, "A Roof": {ElementRoof, "Outdoors"},
		"A Floor": {ElementFloor, "GroundFCfactorMethod"}, "A Skylight": {ElementSkylight, "Outdoors"},
		"A Glass Door": {ElementWindow, "Outdoors"}, "B Exposed Floor": {ElementExposedFloor, "Outdoors"},
		"B Basement Wall": {ElementGroundWall, "Ground"}, "B OSC Wall": {"", "OtherSideCoefficients"},
		"B Adiabatic Ceiling": {"", "Adiabatic"}, "B Outdoor Ceiling": {ElementRoof, "Outdoors"},
		"B Simple Slab": {ElementFloor, "GroundFCfactorMethod"}, "B UG Wall": {ElementGroundWall, "Ground"},
	}
	for _, s := range tk.Surfaces {
		if w, ok := want[s.Name]; ok && (s.Element != w[0] || s.Boundary != w[1]) {
			t.Errorf("%s: element %q boundary %q, want %q %q", s.Name, s.Element, s.Boundary, w[0], w[1])
		}
	}
	// Skylight 2 × 2 = 4 m² in the 80 m² roof; glass door 1 × 2 = 2 m² in the south wall.
	if !near(tk.Skylight.GrossM2, 4) || !near(tk.Roof.NetM2, 76+80) || !near(tk.Window.GrossM2, 2) {
		t.Errorf("skylight %.6g, roof net %.6g, window %.6g; want 4, 156, 2", tk.Skylight.GrossM2, tk.Roof.NetM2, tk.Window.GrossM2)
	}
	if !near(tk.GroundWall.GrossM2, 30+24) || !near(tk.GroundFloor.GrossM2, 160) || !near(tk.ExposedFloor.GrossM2, 80) {
		t.Errorf("ground wall %.6g, ground floor %.6g, exposed floor %.6g; want 54, 160, 80",
			tk.GroundWall.GrossM2, tk.GroundFloor.GrossM2, tk.ExposedFloor.GrossM2)
	}
	joined := strings.Join(tk.Warnings, "\n")
	for _, w := range []string{`"B OSC Wall"`, `"B Basement Wall"`} {
		if !strings.Contains(joined, w) {
			t.Errorf("warnings do not name %s:\n%s", w, joined)
		}
	}
	if got := names(tk.ExteriorSurfaces("window")); strings.Join(got, "|") != "A Glass Door|A Skylight" {
		t.Errorf("ExteriorSurfaces(window) = %q, want the glass door and the skylight", got)
	}
}

// TestLegacyLayout: before EnergyPlus 9.6 base surfaces had no Space Name field.
func TestLegacyLayout(t *testing.T) {
	tk := compute(t, `Version,9.4;
GlobalGeometryRules,UpperLeftCorner,Counterclockwise,World;
Zone,Z;
BuildingSurface:Detailed,S,Wall,C,Z,Outdoors,,SunExposed,WindExposed,0.5,4,0,0,3,0,0,0,10,0,0,10,0,3;
Wall:Exterior,N,C,Z,0,90,10,8,0,10,3;
Construction,C,M;`)
	if !near(tk.Wall.GrossM2, 60) || tk.Surfaces[0].Boundary != "Outdoors" || tk.ByFourWay["N"].GrossWallM2 != 30 {
		t.Errorf("legacy layout: walls %.6g m², boundary %q, four-way %v", tk.Wall.GrossM2, tk.Surfaces[0].Boundary, tk.ByFourWay)
	}
}

// TestEnergyPlusReportDifferences: a tilted wall, a steep roof and a framed window are
// counted by Surface Type here and named in the warnings, because EnergyPlus's report counts
// them by tilt and with frames.
func TestEnergyPlusReportDifferences(t *testing.T) {
	model := handHeader(0, "UpperLeftCorner,Counterclockwise,World") + "Zone,A;\n" +
		// A wall sloped at 30° (5 m × 2 m, facing south) and a roof pitched at 80°.
		detailed("Sloped Wall", "Wall", "Ext Wall", "A", "Outdoors", "", []pt{{0, 21.7320508, 1}, {0, 20, 0}, {5, 20, 0}, {5, 21.7320508, 1}}) +
		detailed("Steep Roof", "Roof", "Flat Roof", "A", "Outdoors", "", []pt{{29.6527, 0, 1.9696}, {30, 0, 0}, {30, 2.5, 0}, {29.6527, 2.5, 1.9696}}) +
		walls("A", box(0), same) +
		fenestration("Framed", "Window", "Double", "A S", "Frame5cm", 2, box(0).window)
	tk := compute(t, model)
	if !near(math.Round(tk.Wall.GrossM2*1e4)/1e4, 118) || !near(math.Round(tk.Roof.GrossM2*1e3)/1e3, 5) {
		t.Errorf("wall %.6g m² (want 108 + 10 sloped), roof %.6g m² (want 5)", tk.Wall.GrossM2, tk.Roof.GrossM2)
	}
	for _, s := range tk.Surfaces {
		if s.Name == "Framed" && (!near(s.GrossAreaM2, 6) || !near(math.Round(s.FrameAreaM2*1e9)/1e9, 0.72)) {
			t.Errorf("framed window %.6g m² with frame %.6g m², want 2 × 3 and 2 × 0.36", s.GrossAreaM2, s.FrameAreaM2)
		}
	}
	joined := strings.Join(tk.Warnings, "\n")
	for _, w := range []string{`"Sloped Wall"`, `"Steep Roof"`, `frames (0.72 m²`} {
		if !strings.Contains(joined, w) {
			t.Errorf("warnings do not mention %s:\n%s", w, joined)
		}
	}
}
