package library

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"epsm/idf"
)

// FromIDF imports a model's Material, Material:NoMass, Material:AirGap and
// WindowMaterial:SimpleGlazingSystem objects and its Constructions into library items, so a
// user can reuse what a model already has. The model has no GWP or cost, so those stay blank
// (missing). Ids are the EnergyPlus names made id-safe ("C5 - 4 IN HW CONCRETE" becomes
// "c5_-_4_in_hw_concrete"); the names are kept as they are. A construction's element comes
// from the surfaces that use it. What cannot be imported (a layered glass window, a
// malformed number) is skipped and reported as a problem; every imported item is also
// validated, so its problems come back for the user to fix.
func FromIDF(f *idf.File) (*Library, []Problem) {
	im := importer{lib: &Library{}, materials: map[string]string{}, windows: map[string]string{},
		ids: map[string]bool{}}
	for _, o := range f.Objects {
		switch strings.ToLower(o.Class) {
		case "material":
			im.material(o, KindMaterial)
		case "material:nomass":
			im.material(o, KindNoMass)
		case "material:airgap":
			im.material(o, KindAirGap)
		case "windowmaterial:simpleglazingsystem":
			im.window(o)
		}
	}
	uses := surfaceUses(f)
	for _, o := range f.All("Construction") {
		im.construction(o, uses[strings.ToUpper(o.Field(0))])
	}
	for _, m := range im.lib.Materials {
		im.problems = append(im.problems, m.Validate()...)
	}
	for _, w := range im.lib.Windows {
		im.problems = append(im.problems, w.Validate()...)
	}
	for _, c := range im.lib.Constructions {
		for _, p := range im.lib.ValidateConstruction(c) {
			if p.Field == "element" && c.Element == "" {
				continue // already explained: no surface says what the construction is
			}
			im.problems = append(im.problems, p)
		}
	}
	return im.lib, im.problems
}

type importer struct {
	lib       *Library
	materials map[string]string // upper-cased EnergyPlus name -> material id
	windows   map[string]string // upper-cased EnergyPlus name -> window system id
	ids       map[string]bool   // "kind\x00id" taken
	problems  []Problem
}

func (im *importer) skip(o idf.Object, format string, args ...any) {
	im.problems = append(im.problems, Problem{Item: "IDF object", ID: o.Field(0),
		Message: fmt.Sprintf("%s %q (line %d) not imported: %s", o.Class, o.Field(0), o.Line, fmt.Sprintf(format, args...))})
}

// numbers parses the given fields; blank ones are nil. ok is false (and the object reported)
// when one is not a number.
func (im *importer) numbers(o idf.Object, idx ...int) ([]*float64, bool) {
	out := make([]*float64, len(idx))
	for i, n := range idx {
		s := o.Field(n)
		if s == "" {
			continue
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			im.skip(o, "field %d %q is not a number", n+1, s)
			return nil, false
		}
		out[i] = &v
	}
	return out, true
}

func (im *importer) material(o idf.Object, kind string) {
	name := o.Field(0)
	m := Material{Name: name, Kind: kind, Category: "imported", Origin: OriginImported,
		ThermalSource: fmt.Sprintf("imported from the model's %s object %q (line %d)", o.Class, name, o.Line)}
	absorptances := func(first int) bool {
		v, ok := im.numbers(o, first, first+1, first+2)
		if !ok {
			return false
		}
		// A blank absorptance is EnergyPlus's default, which is what the model simulated.
		defaults := []float64{0.9, 0.7, 0.7}
		for i := range v {
			if v[i] == nil {
				v[i] = ptr(defaults[i])
				m.ThermalSource += fmt.Sprintf("; absorptance field %d blank in the model: EnergyPlus default %g", first+i+1, defaults[i])
			}
		}
		m.ThermalAbsorptance, m.SolarAbsorptance, m.VisibleAbsorptance = v[0], v[1], v[2]
		return true
	}
	switch kind {
	case KindMaterial:
		v, ok := im.numbers(o, 2, 3, 4, 5)
		if !ok || !absorptances(6) {
			return
		}
		m.Roughness = canonicalRoughness(o.Field(1))
		m.ThicknessM, m.Conductivity, m.Density, m.SpecificHeat = v[0], v[1], v[2], v[3]
	case KindNoMass:
		v, ok := im.numbers(o, 2)
		if !ok || !absorptances(3) {
			return
		}
		m.Roughness = canonicalRoughness(o.Field(1))
		m.ThermalResistance = v[0]
	case KindAirGap:
		v, ok := im.numbers(o, 1)
		if !ok {
			return
		}
		m.ThermalResistance = v[0]
	}
	m.ID = im.newID("material", name)
	im.materials[strings.ToUpper(name)] = m.ID
	im.lib.Materials = append(im.lib.Materials, m)
}

func (im *importer) window(o idf.Object) {
	v, ok := im.numbers(o, 1, 2, 3)
	if !ok {
		return
	}
	name := o.Field(0)
	w := WindowSystem{ID: im.newID("window system", name), Name: name, UFactor: v[0], SHGC: v[1],
		VisibleTransmittance: v[2], UBasis: "as entered in the model (basis not stated)", Origin: OriginImported,
		Source: fmt.Sprintf("imported from the model's %s object %q (line %d)", o.Class, name, o.Line)}
	im.windows[strings.ToUpper(name)] = w.ID
	im.lib.Windows = append(im.lib.Windows, w)
}

func (im *importer) construction(o idf.Object, use map[string]int) {
	name := o.Field(0)
	c := Construction{Name: name, Origin: OriginImported,
		Notes: fmt.Sprintf("imported from the model's Construction %q (line %d)", name, o.Line)}
	var layerNames []string
	for i := 1; i < len(o.Fields); i++ {
		if n := o.Field(i); n != "" {
			layerNames = append(layerNames, n)
		}
	}
	if len(layerNames) == 0 {
		im.skip(o, "it has no layers")
		return
	}
	if wid, ok := im.windows[strings.ToUpper(layerNames[0])]; ok {
		if len(layerNames) > 1 {
			im.skip(o, "a simple glazing system must be the only layer of a window construction")
			return
		}
		c.Element, c.WindowSystemID = ElementWindow, wid
	} else {
		for _, n := range layerNames {
			mid, ok := im.materials[strings.ToUpper(n)]
			if !ok {
				im.skip(o, "layer %q is not a Material, Material:NoMass or Material:AirGap of the model (layered glazing and other window materials are not imported: the library holds windows as simple glazing systems)", n)
				return
			}
			m, _ := im.lib.Material(mid)
			// In EnergyPlus the thickness belongs to the material; in the library to the
			// layer. Resistance-only layers have no thickness.
			d := 0.0
			if m.Kind == KindMaterial && m.ThicknessM != nil {
				d = *m.ThicknessM
			}
			c.Layers = append(c.Layers, Layer{MaterialID: mid, ThicknessM: d})
		}
		c.ID = im.newID("construction", name)
		c.Element = im.element(c, o.Line, use)
	}
	if c.ID == "" {
		c.ID = im.newID("construction", name)
	}
	im.lib.Constructions = append(im.lib.Constructions, c)
}

// element picks the element most surfaces using the construction are; it reports when the
// construction is unused or used as more than one element.
func (im *importer) element(c Construction, line int, use map[string]int) string {
	var els []string
	for el := range use {
		if el != ElementWindow { // an opaque construction on a window surface says nothing
			els = append(els, el)
		}
	}
	sort.Slice(els, func(i, j int) bool {
		if use[els[i]] != use[els[j]] {
			return use[els[i]] > use[els[j]]
		}
		return els[i] < els[j]
	})
	switch {
	case len(els) == 0:
		im.problems = append(im.problems, Problem{Item: "construction", ID: c.ID, Field: "element",
			Message: fmt.Sprintf("construction %s (line %d) is used by no wall, roof or floor surface of the model: choose its element", c.label(), line)})
		return ""
	case len(els) > 1:
		var parts []string
		for _, el := range els {
			parts = append(parts, fmt.Sprintf("%s (%d surfaces)", el, use[el]))
		}
		im.problems = append(im.problems, Problem{Item: "construction", ID: c.ID, Field: "element",
			Message: fmt.Sprintf("construction %s (line %d) is used as %s: imported as a %s, check it", c.label(), line, strings.Join(parts, " and "), els[0])})
	}
	return els[0]
}

// surfaceUses counts, per upper-cased construction name, the surfaces of each element using
// it. Ceilings count as roof: like a cold-attic floor they lose heat upwards, which is the
// library's roof (Rsi 0.10). Doors are neither walls nor windows and are not counted.
func surfaceUses(f *idf.File) map[string]map[string]int {
	out := map[string]map[string]int{}
	count := func(construction, element string) {
		key := strings.ToUpper(construction)
		if out[key] == nil {
			out[key] = map[string]int{}
		}
		out[key][element]++
	}
	byType := map[string]string{"WALL": ElementWall, "ROOF": ElementRoof, "CEILING": ElementRoof,
		"FLOOR": ElementFloor, "WINDOW": ElementWindow, "GLASSDOOR": ElementWindow}
	// Simple-geometry objects: the class says the element, field 2 is the construction.
	byClass := map[string]string{
		"WALL:DETAILED": ElementWall, "WALL:EXTERIOR": ElementWall, "WALL:ADIABATIC": ElementWall,
		"WALL:UNDERGROUND": ElementWall, "WALL:INTERZONE": ElementWall,
		"ROOFCEILING:DETAILED": ElementRoof, "ROOF": ElementRoof, "CEILING:ADIABATIC": ElementRoof,
		"CEILING:INTERZONE": ElementRoof,
		"FLOOR:DETAILED":    ElementFloor, "FLOOR:GROUNDCONTACT": ElementFloor, "FLOOR:ADIABATIC": ElementFloor,
		"FLOOR:INTERZONE": ElementFloor,
		"WINDOW":          ElementWindow, "GLAZEDDOOR": ElementWindow, "WINDOW:INTERZONE": ElementWindow,
		"GLAZEDDOOR:INTERZONE": ElementWindow,
	}
	for _, o := range f.Objects {
		class := strings.ToUpper(o.Class)
		switch class {
		case "BUILDINGSURFACE:DETAILED", "FENESTRATIONSURFACE:DETAILED":
			// Surface Type and Construction Name are fields 2 and 3 in every version.
			if el, ok := byType[strings.ToUpper(o.Field(1))]; ok {
				count(o.Field(2), el)
			}
		default:
			if el, ok := byClass[class]; ok {
				count(o.Field(1), el)
			}
		}
	}
	return out
}

// newID makes an id from an EnergyPlus name: lower case, runs of other characters as "_",
// at most maxIDLength, and unique among the items of its kind.
func (im *importer) newID(kind, name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.':
			b.WriteRune(r)
		case !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	base := strings.Trim(b.String(), "_")
	if base == "" {
		base = strings.ReplaceAll(kind, " ", "_")
	}
	if len(base) > maxIDLength-4 {
		base = base[:maxIDLength-4]
	}
	id := base
	for n := 2; im.ids[kind+"\x00"+id]; n++ {
		id = fmt.Sprintf("%s_%d", base, n)
	}
	im.ids[kind+"\x00"+id] = true
	return id
}

// canonicalRoughness spells a roughness as the library does; EnergyPlus ignores case.
func canonicalRoughness(r string) string {
	for _, k := range Roughnesses {
		if strings.EqualFold(r, k) {
			return k
		}
	}
	return r
}
