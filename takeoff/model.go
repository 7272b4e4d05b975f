package takeoff

import (
	"fmt"
	"strconv"
	"strings"

	"epsm/idf"
)

// zone is what the take-off needs of a Zone object.
type zone struct {
	name     string
	relNorth float64 // Direction of Relative North, degrees
	mult     int     // Multiplier × the ZoneGroup list multiplier
}

// model holds the model-wide rules the surfaces are read with.
type model struct {
	f *idf.File

	// relative: GlobalGeometryRules Coordinate System is Relative. EnergyPlus then rotates
	// vertices (and simple surfaces' azimuths) by the zone's relative north and the Building
	// North Axis; with World it applies neither, only the Appendix G rotation.
	relative  bool
	clockwise bool
	northAxis float64 // Building North Axis
	appendixG float64 // Compliance:Building rotation, applied in both coordinate systems
	// spaceField: base surfaces carry a Space Name after Zone Name (EnergyPlus 9.6 and later).
	spaceField bool

	zones         map[string]*zone  // by upper-case name
	constructions map[string]string // upper-case name -> name as declared
	fcFactor      map[string]bool   // upper-case names of F- and C-factor constructions
	frameWidth    map[string]float64

	// broken names the surfaces already reported as malformed, so that their windows are
	// not also reported as having no base surface.
	broken map[string]bool

	warnings []string
}

func (m *model) warn(format string, args ...any) {
	m.warnings = append(m.warnings, fmt.Sprintf(format, args...))
}

func key(name string) string { return strings.ToUpper(strings.TrimSpace(name)) }

func newModel(f *idf.File) (*model, error) {
	m := &model{
		f: f, spaceField: spaceFieldFor(f),
		zones: map[string]*zone{}, constructions: map[string]string{},
		fcFactor: map[string]bool{}, frameWidth: map[string]float64{}, broken: map[string]bool{},
	}
	m.readGeometryRules()
	if o, ok := f.First("Building"); ok {
		v, err := number(o, 1, "North Axis", 0)
		if err != nil {
			return nil, err
		}
		m.northAxis = v
	}
	if o, ok := f.First("Compliance:Building"); ok {
		v, err := number(o, 0, "Building Rotation for Appendix G", 0)
		if err != nil {
			return nil, err
		}
		m.appendixG = v
	}
	if err := m.readZones(); err != nil {
		return nil, err
	}
	for _, o := range f.Objects {
		c := strings.ToLower(o.Class)
		if c == "construction" || strings.HasPrefix(c, "construction:") {
			m.constructions[key(o.Field(0))] = o.Field(0)
			if c == "construction:ffactorgroundfloor" || c == "construction:cfactorundergroundwall" {
				m.fcFactor[key(o.Field(0))] = true
			}
		}
		if c == "windowproperty:frameanddivider" {
			w, err := number(o, 1, "Frame Width", 0)
			if err != nil {
				return nil, err
			}
			if w < 0 || w > 1 { // the IDD's range
				return nil, geomErr(o, "Frame Width %s is outside 0 to 1 m", o.Field(1))
			}
			m.frameWidth[key(o.Field(0))] = w
		}
	}
	return m, nil
}

// readGeometryRules follows GetGeometryParameters: an invalid Coordinate System falls back to
// World, and the defaults EnergyPlus sets before reading the object are World and
// counterclockwise. The starting vertex position only renumbers vertices, and the Rectangular
// Surface Coordinate System only moves the simple surfaces' starting corner: neither changes an
// area or an outward normal, so the take-off does not need them.
func (m *model) readGeometryRules() {
	rules := m.f.All("GlobalGeometryRules")
	if len(rules) == 0 {
		m.warn("no GlobalGeometryRules object (EnergyPlus requires one): vertices read as counterclockwise in World coordinates")
		return
	}
	if len(rules) > 1 {
		m.warn("%d GlobalGeometryRules objects (EnergyPlus allows one): the first, at line %d, is used", len(rules), rules[0].Line)
	}
	o := rules[0]
	switch dir := o.Field(1); {
	case strings.EqualFold(dir, "Clockwise") || strings.EqualFold(dir, "CW"):
		m.clockwise = true
	case strings.EqualFold(dir, "Counterclockwise") || strings.EqualFold(dir, "CCW"):
	default:
		m.warn("GlobalGeometryRules (line %d): Vertex Entry Direction %q is not Counterclockwise or Clockwise: read as Counterclockwise", o.Line, dir)
	}
	switch cs := o.Field(2); {
	case strings.EqualFold(cs, "Relative"):
		m.relative = true
	case strings.EqualFold(cs, "World") || strings.EqualFold(cs, "Absolute"):
	default:
		m.warn("GlobalGeometryRules (line %d): Coordinate System %q is not Relative or World: read as World, as EnergyPlus does", o.Line, cs)
	}
}

func (m *model) readZones() error {
	for _, o := range m.f.All("Zone") {
		relNorth, err := number(o, 1, "Direction of Relative North", 0)
		if err != nil {
			return err
		}
		mult, err := multiplier(o, 6, "Multiplier")
		if err != nil {
			return err
		}
		k := key(o.Field(0))
		if _, dup := m.zones[k]; dup {
			return geomErr(o, "duplicate zone name")
		}
		m.zones[k] = &zone{name: o.Field(0), relNorth: relNorth, mult: mult}
	}
	// ZoneGroup multiplies every zone of a ZoneList (EnergyPlus's ListMultiplier).
	lists := map[string]idf.Object{}
	for _, o := range m.f.All("ZoneList") {
		lists[key(o.Field(0))] = o
	}
	for _, g := range m.f.All("ZoneGroup") {
		mult, err := multiplier(g, 2, "Zone List Multiplier")
		if err != nil {
			return err
		}
		list, ok := lists[key(g.Field(1))]
		if !ok {
			return geomErr(g, "Zone List %q is not defined", g.Field(1))
		}
		for i := 1; i < len(list.Fields); i++ {
			if z, ok := m.zones[key(list.Field(i))]; ok {
				if z.mult*mult > 1e9 {
					return geomErr(g, "multiplies zone %q to more than 10⁹", z.name)
				}
				z.mult *= mult
			}
		}
	}
	return nil
}

// rotation is the angle EnergyPlus turns a surface of zone z by, clockwise seen from above:
// that is what it adds to the azimuth of the outward normal.
func (m *model) rotation(z *zone) float64 {
	if m.relative {
		return m.appendixG + m.northAxis + z.relNorth
	}
	return m.appendixG
}

// construction returns the construction's name as declared, warning once per surface when
// it is not declared (EnergyPlus would stop on it).
func (m *model) construction(o idf.Object, name string) string {
	if declared, ok := m.constructions[key(name)]; ok {
		return declared
	}
	m.warn("%s %q (line %d): construction %q is not defined in the model", o.Class, o.Field(0), o.Line, name)
	return name
}

// spaceFieldFor says whether base surfaces have the Space Name field EnergyPlus 9.6 added
// after Zone Name. A file without a Version object is read with the current layout.
func spaceFieldFor(f *idf.File) bool {
	o, ok := f.First("Version")
	if !ok {
		return true
	}
	parts := strings.SplitN(o.Field(0), ".", 3)
	major, err := strconv.Atoi(strings.TrimSpace(parts[0]))
	if err != nil {
		return true
	}
	minor := 0
	if len(parts) > 1 {
		minor, _ = strconv.Atoi(strings.TrimSpace(parts[1]))
	}
	return major > 9 || (major == 9 && minor >= 6)
}
