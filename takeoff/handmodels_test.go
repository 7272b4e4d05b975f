package takeoff

import (
	"fmt"
	"strings"
)

// The hand-checkable models are complete EnergyPlus 25.2 inputs (one simulated day), so the
// integration test can run the same text on the real engine.

// handHeader is everything but geometry. coords is the GlobalGeometryRules tail.
func handHeader(northAxis float64, rules string) string {
	return fmt.Sprintf(`Version,25.2;
Timestep,4;
Building,Hand,%g,Suburbs,0.04,0.4,MinimalShadowing,25,6;
SimulationControl,No,No,No,No,Yes;
RunPeriod,Day,1,1,,1,1,,,Yes,Yes,No,Yes,Yes;
Site:Location,Golden,39.74,-105.18,-7,1829;
Material:NoMass,R2,Rough,2.0,0.9,0.7,0.7;
Construction,Ext Wall,R2;
Construction,Flat Roof,R2;
Construction,Slab,R2;
Construction,Interior Floor,R2;
Construction,Door,R2;
WindowMaterial:SimpleGlazingSystem,Glazing,1.2,0.5,0.6;
Construction,Double,Glazing;
WindowProperty:FrameAndDivider,Frame5cm,0.05,0,0,5.0;
GlobalGeometryRules,%s;
`, northAxis, rules)
}

type pt [3]float64

// detailed writes a BuildingSurface:Detailed with the 25.2 field layout.
func detailed(name, typ, constr, zone, boundary, other string, vs []pt) string {
	sun := "NoSun,NoWind"
	if boundary == "Outdoors" {
		sun = "SunExposed,WindExposed"
	}
	return fmt.Sprintf("BuildingSurface:Detailed,%s,%s,%s,%s,,%s,%s,%s,,%d,%s;\n", name, typ, constr, zone, boundary, other, sun, len(vs), coords(vs))
}

func fenestration(name, typ, constr, base, frame string, mult int, vs []pt) string {
	return fmt.Sprintf("FenestrationSurface:Detailed,%s,%s,%s,%s,,,%s,%d,%d,%s;\n", name, typ, constr, base, frame, mult, len(vs), coords(vs))
}

func coords(vs []pt) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprintf("%g,%g,%g", v[0], v[1], v[2])
	}
	return strings.Join(parts, ", ")
}

// boxFaces are the faces of the 10 m (x) × 8 m (y) × 3 m box standing at height z, each
// counterclockwise seen from outside starting at the upper left corner.
type boxFaces struct{ s, e, n, w, top, bottom, window, door []pt }

func box(z float64) boxFaces {
	t := z + 3
	return boxFaces{
		s:      []pt{{0, 0, t}, {0, 0, z}, {10, 0, z}, {10, 0, t}},
		e:      []pt{{10, 0, t}, {10, 0, z}, {10, 8, z}, {10, 8, t}},
		n:      []pt{{10, 8, t}, {10, 8, z}, {0, 8, z}, {0, 8, t}},
		w:      []pt{{0, 8, t}, {0, 8, z}, {0, 0, z}, {0, 0, t}},
		top:    []pt{{0, 8, t}, {0, 0, t}, {10, 0, t}, {10, 8, t}},
		bottom: []pt{{0, 0, z}, {0, 8, z}, {10, 8, z}, {10, 0, z}},
		// 2 m × 1.5 m window in the south wall, 1 m × 2 m door in the north wall.
		window: []pt{{4, 0, z + 2.4}, {4, 0, z + 0.9}, {6, 0, z + 0.9}, {6, 0, z + 2.4}},
		door:   []pt{{5, 8, z + 2}, {5, 8, z}, {4, 8, z}, {4, 8, z + 2}},
	}
}

// clockwiseFromLowerLeft rewrites a counterclockwise upper-left-first rectangle the way a
// Clockwise, LowerLeftCorner model lists it.
func clockwiseFromLowerLeft(vs []pt) []pt {
	return []pt{vs[1], vs[0], vs[3], vs[2]}
}

// walls writes the four walls of a zone's box.
func walls(zone string, b boxFaces, tr func([]pt) []pt) string {
	return detailed(zone+" S", "Wall", "Ext Wall", zone, "Outdoors", "", tr(b.s)) +
		detailed(zone+" E", "Wall", "Ext Wall", zone, "Outdoors", "", tr(b.e)) +
		detailed(zone+" N", "Wall", "Ext Wall", zone, "Outdoors", "", tr(b.n)) +
		detailed(zone+" W", "Wall", "Ext Wall", zone, "Outdoors", "", tr(b.w))
}

func same(vs []pt) []pt { return vs }

// boxModel: one zone, World coordinates, North Axis 0. With clockwise, the same box written
// Clockwise from the lower left corner.
func boxModel(clockwise bool) string {
	rules, tr := "UpperLeftCorner,Counterclockwise,World", same
	if clockwise {
		rules, tr = "LowerLeftCorner,Clockwise,World", clockwiseFromLowerLeft
	}
	b := box(0)
	return handHeader(0, rules) +
		"Zone,Box,0,0,0,0,1,1;\n" +
		walls("Box", b, tr) +
		detailed("Box Roof", "Roof", "Flat Roof", "Box", "Outdoors", "", tr(b.top)) +
		detailed("Box Floor", "Floor", "Slab", "Box", "Ground", "", tr(b.bottom)) +
		fenestration("Box S Window", "Window", "Double", "Box S", "", 1, tr(b.window)) +
		fenestration("Box N Door", "Door", "Door", "Box N", "", 1, tr(b.door))
}

// stackedModel: three zones stacked on one footprint. Middle has Multiplier 3 (it stands for
// three identical storeys) and a window with Multiplier 2; the ceilings and floors between
// zones are interior (boundary Surface) and only Top has a roof.
func stackedModel() string {
	g, m, t := box(0), box(3), box(6)
	return handHeader(0, "UpperLeftCorner,Counterclockwise,World") +
		"Zone,Ground,0,0,0,0,1,1;\nZone,Middle,0,0,0,0,1,3;\nZone,Top,0,0,0,0,1,1;\n" +
		walls("Ground", g, same) + walls("Middle", m, same) + walls("Top", t, same) +
		detailed("Ground Floor", "Floor", "Slab", "Ground", "Ground", "", g.bottom) +
		detailed("Ground Ceiling", "Ceiling", "Interior Floor", "Ground", "Surface", "Middle Floor", g.top) +
		detailed("Middle Floor", "Floor", "Interior Floor", "Middle", "Surface", "Ground Ceiling", m.bottom) +
		detailed("Middle Ceiling", "Ceiling", "Interior Floor", "Middle", "Surface", "Top Floor", m.top) +
		detailed("Top Floor", "Floor", "Interior Floor", "Top", "Surface", "Middle Ceiling", t.bottom) +
		detailed("Top Roof", "Roof", "Flat Roof", "Top", "Outdoors", "", t.top) +
		fenestration("Ground S Window", "Window", "Double", "Ground S", "", 1, g.window) +
		fenestration("Middle S Window", "Window", "Double", "Middle S", "", 2, m.window) +
		fenestration("Top S Window", "Window", "Double", "Top S", "", 1, t.window) +
		fenestration("Ground N Door", "Door", "Door", "Ground N", "", 1, g.door)
}

// relativeModel: the box in Relative coordinates, zone origin (20, 10, 0), Building North
// Axis 90°; the window has a 5 cm frame.
func relativeModel() string {
	b := box(0)
	return handHeader(90, "UpperLeftCorner,Counterclockwise,Relative,Relative,Relative") +
		"Zone,Box,0,20,10,0,1,1;\n" +
		walls("Box", b, same) +
		detailed("Box Roof", "Roof", "Flat Roof", "Box", "Outdoors", "", b.top) +
		detailed("Box Floor", "Floor", "Slab", "Box", "Ground", "", b.bottom) +
		fenestration("Box S Window", "Window", "Double", "Box S", "Frame5cm", 1, b.window) +
		fenestration("Box N Door", "Door", "Door", "Box N", "", 1, b.door)
}

// simpleModel: the box from the simple geometry objects in Relative coordinates, zone
// Direction of Relative North 30°, Building North Axis 90°.
func simpleModel() string {
	return handHeader(90, "UpperLeftCorner,Counterclockwise,Relative,Relative,Relative") +
		"Zone,Box,30,0,0,0,1,1;\n" +
		// Name, Construction, Zone, Space, Azimuth, Tilt, X, Y, Z (lower left seen from outside), Length, Height
		"Wall:Exterior,Box S,Ext Wall,Box,,180,90,0,0,0,10,3;\n" +
		"Wall:Exterior,Box E,Ext Wall,Box,,90,90,10,0,0,8,3;\n" +
		"Wall:Exterior,Box N,Ext Wall,Box,,0,90,10,8,0,10,3;\n" +
		"Wall:Exterior,Box W,Ext Wall,Box,,270,90,0,8,0,8,3;\n" +
		"Roof,Box Roof,Flat Roof,Box,,180,0,0,0,3,10,8;\n" +
		"Floor:GroundContact,Box Floor,Slab,Box,,0,180,10,0,0,10,8;\n" +
		// Name, Construction, Base, Frame, Multiplier, X, Z, Length, Height
		"Window,Box S Window,Double,Box S,,1,4,0.9,2,1.5;\n" +
		// Name, Construction, Base, Multiplier, X, Z, Length, Height
		"Door,Box N Door,Door,Box N,1,5,0,1,2;\n"
}
