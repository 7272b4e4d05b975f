package takeoff

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"epsm/idf"
)

// maxErrors keeps the error of a badly broken model readable; the first ones are the ones a
// user fixes first anyway.
const maxErrors = 20

// maxArea (a million km²) rejects coordinates no building has, before multipliers could
// overflow the totals to infinity, which JSON cannot carry.
const maxArea = 1e12

// Compute reads the envelope geometry of a parsed model and returns its take-off. Malformed
// geometry (too few vertices, a non-numeric vertex, an unknown zone or base surface, a surface
// without area) is an error naming every such object and its line (*GeometryError, joined).
func Compute(f *idf.File) (*Takeoff, error) {
	if f == nil {
		return nil, errors.New("take-off: no model")
	}
	m, err := newModel(f)
	if err != nil {
		return nil, fmt.Errorf("take-off: %w", err)
	}
	items, err := m.readSurfaces()
	if err != nil {
		return nil, fmt.Errorf("take-off: %w", err)
	}
	if err := applyMultipliers(items); err != nil {
		return nil, fmt.Errorf("take-off: %w", err)
	}
	t := newTakeoff()
	for _, it := range items {
		t.Surfaces = append(t.Surfaces, it.Surface)
		t.add(it.Surface)
	}
	if t.Wall.GrossM2 > 0 {
		t.WindowWallRatio = t.Window.GrossM2 / t.Wall.GrossM2
	}
	t.Warnings = append(append(t.Warnings, m.warnings...), differences(items)...)
	return t, nil
}

// readSurfaces reads base surfaces first, because a subsurface may come before its base
// surface in the file, then subsurfaces; the result is in file order.
func (m *model) readSurfaces() ([]*item, error) {
	var items []*item
	var errs []error
	names := map[string]*item{}
	bases := map[string]*item{}
	keep := func(it *item, err error) {
		if err != nil {
			errs = append(errs, err)
			if ge := (*GeometryError)(nil); errors.As(err, &ge) {
				m.broken[key(ge.Name)] = true
			}
			return
		}
		if it.one > maxArea {
			errs = append(errs, geomErr(it.obj, "its area of %.3g m² is too large for a building: are the coordinates in metres?", it.one))
			return
		}
		if prev, dup := names[key(it.Name)]; dup {
			errs = append(errs, geomErr(it.obj, "surface name already used by %s at line %d", prev.Class, prev.Line))
			return
		}
		names[key(it.Name)] = it
		if it.parent == nil {
			bases[key(it.Name)] = it
		}
		items = append(items, it)
	}
	for _, o := range m.f.Objects {
		c := strings.ToLower(o.Class)
		if cls, ok := detailedBase[c]; ok {
			keep(m.readDetailedBase(o, cls))
		} else if k, ok := simpleBase[c]; ok {
			keep(m.readSimpleBase(o, k))
		}
	}
	for _, o := range m.f.Objects {
		c := strings.ToLower(o.Class)
		if c == "fenestrationsurface:detailed" {
			keep(m.readDetailedSub(o, bases))
		} else if _, ok := simpleSub[c]; ok {
			keep(m.readSimpleSub(o, bases))
		}
	}
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors], fmt.Errorf("... and %d more geometry errors", len(errs)-maxErrors))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Line < items[j].Line })
	return items, nil
}

// applyMultipliers sets the elements and the multiplied gross and net areas. A base surface's
// net area is its area less every subsurface times the subsurface's multiplier, as EnergyPlus
// computes Surface.Area; the zone multiplier scales both.
func applyMultipliers(items []*item) error {
	for _, it := range items {
		if it.parent != nil {
			it.parent.openings += it.one * float64(it.subMult)
		}
	}
	var errs []error
	for _, it := range items {
		it.Multiplier = it.zone.mult * it.subMult
		mult := float64(it.Multiplier)
		it.GrossAreaM2 = it.one * mult
		it.NetAreaM2 = it.GrossAreaM2
		it.FrameAreaM2 *= mult
		it.Orientation = orientation8(it.AzimuthDeg, it.TiltDeg)
		if it.parent == nil {
			it.Element = baseElement(it.cls, it.exp)
			if it.openings > 0 {
				if it.openings >= it.one {
					errs = append(errs, geomErr(it.obj, "its windows and doors (%.2f m²) cover all of its %.2f m²", it.openings, it.one))
					continue
				}
				it.NetAreaM2 = (it.one - it.openings) * float64(it.zone.mult)
			}
		}
	}
	for _, it := range items {
		if it.parent != nil {
			it.Element = subElement(it.cls, it.parent.Element)
		}
	}
	return errors.Join(errs...)
}

func newElementArea() ElementArea {
	return ElementArea{ByOrientation: map[string]float64{}, Constructions: map[string]float64{}}
}

func newTakeoff() *Takeoff {
	t := &Takeoff{
		Surfaces: []Surface{}, Warnings: []string{},
		Wall: newElementArea(), Roof: newElementArea(), GroundFloor: newElementArea(),
		ExposedFloor: newElementArea(), GroundWall: newElementArea(), Window: newElementArea(),
		Skylight: newElementArea(), Door: newElementArea(),
		ByFourWay: map[string]WallWindow{},
	}
	for _, o := range []string{"N", "E", "S", "W"} {
		t.ByFourWay[o] = WallWindow{}
	}
	return t
}

func (t *Takeoff) element(name string) *ElementArea {
	switch name {
	case ElementWall:
		return &t.Wall
	case ElementRoof:
		return &t.Roof
	case ElementFloor:
		return &t.GroundFloor
	case ElementExposedFloor:
		return &t.ExposedFloor
	case ElementGroundWall:
		return &t.GroundWall
	case ElementWindow:
		return &t.Window
	case ElementSkylight:
		return &t.Skylight
	case ElementDoor:
		return &t.Door
	}
	return nil
}

func (t *Takeoff) add(s Surface) {
	e := t.element(s.Element)
	if e == nil {
		return
	}
	e.GrossM2 += s.GrossAreaM2
	e.NetM2 += s.NetAreaM2
	e.ByOrientation[s.Orientation] += s.NetAreaM2
	e.Constructions[s.Construction] += s.NetAreaM2
	switch s.Element {
	case ElementWall:
		b := t.ByFourWay[orientation4(s.AzimuthDeg)]
		b.GrossWallM2 += s.GrossAreaM2
		t.ByFourWay[orientation4(s.AzimuthDeg)] = b
	case ElementWindow:
		b := t.ByFourWay[orientation4(s.AzimuthDeg)]
		b.WindowM2 += s.GrossAreaM2
		t.ByFourWay[orientation4(s.AzimuthDeg)] = b
	}
}
