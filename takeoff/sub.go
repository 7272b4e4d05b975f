package takeoff

import (
	"strings"

	"epsm/idf"
)

// fenestrationTypes are the FenestrationSurface:Detailed Surface Types.
var fenestrationTypes = map[string]string{
	"window": "Window", "door": "Door", "glassdoor": "GlassDoor",
	"tubulardaylightdome": "TubularDaylightDome", "tubulardaylightdiffuser": "TubularDaylightDiffuser",
}

// simpleSub gives, for the rectangular subsurface classes, the EnergyPlus class and the index
// of the Multiplier field (the fields before it differ: Door has no frame, the interzone
// objects have an Outside Boundary Condition Object instead).
var simpleSub = map[string]struct {
	cls       string
	multField int
}{
	"window": {"Window", 4}, "door": {"Door", 3}, "glazeddoor": {"GlassDoor", 4},
	"window:interzone": {"Window", 4}, "door:interzone": {"Door", 4}, "glazeddoor:interzone": {"GlassDoor", 4},
}

// parentOf resolves the base surface a subsurface names.
func (m *model) parentOf(o idf.Object, name string, bases map[string]*item) (*item, error) {
	p, ok := bases[key(name)]
	switch {
	case ok:
		return p, nil
	case name == "":
		return nil, geomErr(o, "Building Surface Name is blank")
	case m.broken[key(name)]:
		return nil, geomErr(o, "its base surface %q is malformed (see its error)", name)
	}
	return nil, geomErr(o, "base surface %q is not defined", name)
}

func newSub(o idf.Object, cls string, p *item) *item {
	return &item{obj: o, cls: cls, exp: p.exp, zone: p.zone, parent: p, subMult: 1,
		Surface: Surface{Name: o.Field(0), Class: o.Class, Type: cls, Zone: p.Zone, Boundary: p.Boundary, Parent: p.Name, Line: o.Line}}
}

func (m *model) readDetailedSub(o idf.Object, bases map[string]*item) (*item, error) {
	cls, ok := fenestrationTypes[strings.ToLower(o.Field(1))]
	if !ok {
		return nil, geomErr(o, "Surface Type %q is not Window, Door, GlassDoor or a tubular daylighting device", o.Field(1))
	}
	p, err := m.parentOf(o, o.Field(3), bases)
	if err != nil {
		return nil, err
	}
	it := newSub(o, cls, p)
	it.Construction = m.construction(o, o.Field(2))
	// GetHTSubSurfaceData: only windows, glass doors and doors take a multiplier.
	if cls == "Window" || cls == "GlassDoor" || cls == "Door" {
		if it.subMult, err = multiplier(o, 7, "Multiplier"); err != nil {
			return nil, err
		}
	}
	vs, err := m.readVertices(o, 8, 4)
	if err != nil {
		return nil, err
	}
	if err := m.setPolygon(it, vs, m.rotation(it.zone)); err != nil {
		return nil, err
	}
	m.setFrame(it, o.Field(6))
	return it, nil
}

func (m *model) readSimpleSub(o idf.Object, bases map[string]*item) (*item, error) {
	k := simpleSub[strings.ToLower(o.Class)]
	p, err := m.parentOf(o, o.Field(2), bases)
	if err != nil {
		return nil, err
	}
	it := newSub(o, k.cls, p)
	it.Construction = m.construction(o, o.Field(1))
	if it.subMult, err = multiplier(o, k.multField, "Multiplier"); err != nil {
		return nil, err
	}
	// Starting X and Z place the opening in its wall; only its size matters here.
	length, height, err := dimensions(o, k.multField+3, "Height")
	if err != nil {
		return nil, err
	}
	it.one, it.rect, it.sideA, it.sideB = length*height, true, length, height
	// GetRectSubSurfaces gives the opening its base surface's azimuth and tilt.
	it.AzimuthDeg, it.TiltDeg = p.AzimuthDeg, p.TiltDeg
	if strings.EqualFold(o.Class, "Window") || strings.EqualFold(o.Class, "GlazedDoor") {
		m.setFrame(it, o.Field(3))
	}
	return it, nil
}

// setFrame records the frame of an exterior rectangular window or glass door: EnergyPlus
// ignores frames on triangles and interior windows.
func (m *model) setFrame(it *item, frame string) {
	if frame == "" || (it.cls != "Window" && it.cls != "GlassDoor") || it.exp != outdoors || !it.rect {
		return
	}
	w, ok := m.frameWidth[key(frame)]
	if !ok {
		m.warn("%s %q (line %d): WindowProperty:FrameAndDivider %q is not defined", it.Class, it.Name, it.Line, frame)
		return
	}
	it.FrameAndDivider = frame
	if w > 0 {
		it.FrameAreaM2 = rectFrameArea(it.sideA, it.sideB, w) // one opening; multiplied later
	}
}
