package takeoff

import (
	"math"
	"strings"

	"epsm/idf"
)

// item is a surface being read: the exported record plus what the totals need.
type item struct {
	Surface
	obj     idf.Object
	cls     string   // EnergyPlus surface class: Wall, Floor, Roof, Window, GlassDoor, Door, ...
	exp     exposure // outside of the surface (subsurfaces: their parent's)
	one     float64  // area of one surface or opening, no multipliers
	zone    *zone
	subMult int
	parent  *item
	// sides of a rectangular opening, for the frame EnergyPlus adds around it.
	rect     bool
	sideA    float64
	sideB    float64
	openings float64 // subsurface area (one zone, window multipliers applied) in this base surface
}

// detailedBase describes the base-surface classes given by vertices. cls is "" when the
// object has a Surface Type field.
var detailedBase = map[string]string{
	"buildingsurface:detailed": "",
	"wall:detailed":            "Wall",
	"roofceiling:detailed":     "Roof",
	"floor:detailed":           "Floor",
}

// surfaceTypes maps BuildingSurface:Detailed Surface Types to EnergyPlus classes: a Ceiling
// is class Roof (GetHTSurfaceData), whichever way it faces.
var surfaceTypes = map[string][2]string{
	"wall": {"Wall", "Wall"}, "floor": {"Floor", "Floor"},
	"roof": {"Roof", "Roof"}, "ceiling": {"Ceiling", "Roof"},
}

func (m *model) readDetailedBase(o idf.Object, cls string) (*item, error) {
	it := &item{obj: o, cls: cls, subMult: 1, Surface: Surface{Name: o.Field(0), Class: o.Class, Type: cls, Line: o.Line}}
	i := 1
	if cls == "" {
		t, ok := surfaceTypes[strings.ToLower(o.Field(1))]
		if !ok {
			return nil, geomErr(o, "Surface Type %q is not Wall, Floor, Ceiling or Roof", o.Field(1))
		}
		it.Type, it.cls = t[0], t[1]
		i++
	}
	constr, zoneName := o.Field(i), o.Field(i+1)
	i += 2
	if m.spaceField {
		i++
	}
	if err := m.setZoneAndBoundary(it, zoneName, o.Field(i)); err != nil {
		return nil, err
	}
	it.Construction = m.construction(o, constr)
	// Sun exposure, wind exposure and view factor to ground come before the vertex count.
	vs, err := m.readVertices(o, i+5, 0)
	if err != nil {
		return nil, err
	}
	return it, m.setPolygon(it, vs, m.rotation(it.zone))
}

// setZoneAndBoundary resolves the zone and outside boundary condition of a base surface. The
// Outside Boundary Condition Object (the adjacent surface or zone) does not change this
// surface's take-off, so it is not read.
func (m *model) setZoneAndBoundary(it *item, zoneName, boundary string) error {
	z, ok := m.zones[key(zoneName)]
	if !ok {
		if zoneName == "" {
			return geomErr(it.obj, "Zone Name is blank")
		}
		return geomErr(it.obj, "zone %q is not defined", zoneName)
	}
	it.zone, it.Zone = z, z.name
	b, ok := boundaries[strings.ToLower(strings.TrimSpace(boundary))]
	if !ok {
		return geomErr(it.obj, "Outside Boundary Condition %q is not one EnergyPlus knows", boundary)
	}
	it.Boundary, it.exp = b.name, b.exp
	return nil
}

// setPolygon sets area and orientation from vertices that are counterclockwise seen from
// outside. Rotating about the vertical axis adds rot to the azimuth and leaves area and tilt
// alone, so the vertices need not be moved to world coordinates first.
func (m *model) setPolygon(it *item, vs []vec3, rot float64) error {
	area, n := polygonArea(vs)
	if !(area > 1e-9) { // also catches NaN from overflowing coordinates
		return geomErr(it.obj, "the vertices enclose no area (collinear or repeated points)")
	}
	it.one = area
	az, tilt, ok := orientOf(n)
	if ok {
		az = normDeg(az + rot)
	}
	it.AzimuthDeg, it.TiltDeg = az, tilt
	if len(vs) == 4 {
		it.rect, it.sideA, it.sideB = true, vs[0].sub(vs[1]).length(), vs[1].sub(vs[2]).length()
	}
	return nil
}

// simpleKind describes a rectangular base-surface class: EnergyPlus class, Surface Type
// shown, boundary, whether an Outside Boundary Condition Object field follows Space Name, and
// the IDD default tilt.
type simpleKind struct {
	cls, typ, boundary string
	interzone          bool
	tilt               float64
}

var simpleBase = map[string]simpleKind{
	"wall:exterior":       {"Wall", "Wall", "Outdoors", false, 90},
	"wall:adiabatic":      {"Wall", "Wall", "Adiabatic", false, 90},
	"wall:underground":    {"Wall", "Wall", "Ground", false, 90},
	"wall:interzone":      {"Wall", "Wall", "Surface", true, 90},
	"roof":                {"Roof", "Roof", "Outdoors", false, 0},
	"ceiling:adiabatic":   {"Roof", "Ceiling", "Adiabatic", false, 0},
	"ceiling:interzone":   {"Roof", "Ceiling", "Surface", true, 0},
	"floor:groundcontact": {"Floor", "Floor", "Ground", false, 180},
	"floor:adiabatic":     {"Floor", "Floor", "Adiabatic", false, 180},
	"floor:interzone":     {"Floor", "Floor", "Surface", true, 180},
}

func (m *model) readSimpleBase(o idf.Object, k simpleKind) (*item, error) {
	it := &item{obj: o, cls: k.cls, subMult: 1, Surface: Surface{Name: o.Field(0), Class: o.Class, Type: k.typ, Line: o.Line}}
	i := 3
	if m.spaceField {
		i++
	}
	boundary := k.boundary
	if k.interzone {
		// The Outside Boundary Condition Object names a surface or, for an unentered
		// matching surface, a zone.
		if _, isZone := m.zones[key(o.Field(i))]; isZone {
			boundary = "Zone"
		}
		i++
	}
	// GetRectSurfaces switches ground contact to the F/C-factor method by construction type.
	if boundary == "Ground" && m.fcFactor[key(o.Field(1))] {
		boundary = "GroundFCfactorMethod"
	}
	if err := m.setZoneAndBoundary(it, o.Field(2), boundary); err != nil {
		return nil, err
	}
	it.Construction = m.construction(o, o.Field(1))
	az, err := number(o, i, "Azimuth Angle", 0)
	if err != nil {
		return nil, err
	}
	tilt, err := number(o, i+1, "Tilt Angle", k.tilt)
	if err != nil {
		return nil, err
	}
	if tilt < 0 || tilt > 180 {
		return nil, geomErr(o, "Tilt Angle %s is outside 0 to 180", o.Field(i+1))
	}
	second := "Width"
	if k.cls == "Wall" {
		second = "Height"
	}
	length, height, err := dimensions(o, i+5, second)
	if err != nil {
		return nil, err
	}
	it.one, it.rect, it.sideA, it.sideB = length*height, true, length, height
	// The outward normal of MakeRectangularVertices, after GetRectSurfaces turned the azimuth
	// by the zone's rotation.
	a, t := normDeg(az+m.rotation(it.zone))*math.Pi/180, tilt*math.Pi/180
	it.AzimuthDeg, it.TiltDeg, _ = orientOf(vec3{math.Sin(t) * math.Sin(a), math.Sin(t) * math.Cos(a), math.Cos(t)})
	return it, nil
}

// dimensions reads the Length field at i and the Height or Width field (second) at i+1.
func dimensions(o idf.Object, i int, second string) (length, height float64, err error) {
	names := [2]string{"Length", second}
	var v [2]float64
	for j, name := range names {
		if o.Field(i+j) == "" {
			return 0, 0, geomErr(o, "%s is blank", name)
		}
		if v[j], err = number(o, i+j, name, 0); err != nil {
			return 0, 0, err
		}
		if v[j] <= 0 {
			return 0, 0, geomErr(o, "%s %s must be greater than 0", name, o.Field(i+j))
		}
	}
	return v[0], v[1], nil
}
