package library

import (
	"fmt"
	"math"
	"strings"
)

// Roughnesses are EnergyPlus's roughness keywords.
var Roughnesses = []string{"VeryRough", "Rough", "MediumRough", "MediumSmooth", "Smooth", "VerySmooth"}

// maxLayers is EnergyPlus's limit: Construction has an outside layer and layers 2 to 10.
const maxLayers = 10

// maxIDLength keeps generated EnergyPlus names (prefix + construction id + material id) short
// enough that they rarely need shortening to EnergyPlus's 100 characters.
const maxIDLength = 64

// Validate checks every item, ids being unique, and every construction's references.
func (l *Library) Validate() []Problem {
	var out Problems
	seen := map[string]bool{}
	dup := func(item, id string) {
		key := item + "\x00" + id
		if seen[key] {
			p := &problems{item: item, id: id, label: id}
			p.add("id", "the id is used twice; ids must be unique")
			out = append(out, p.list...)
		}
		seen[key] = true
	}
	for _, m := range l.Materials {
		dup("material", m.ID)
		out = append(out, m.Validate()...)
	}
	for _, w := range l.Windows {
		dup("window system", w.ID)
		out = append(out, w.Validate()...)
	}
	for _, c := range l.Constructions {
		dup("construction", c.ID)
		out = append(out, l.ValidateConstruction(c)...)
	}
	return out
}

// Validate checks a material on its own.
func (m Material) Validate() []Problem {
	p := &problems{item: "material", id: m.ID, label: m.label()}
	checkIDName(p, m.ID, m.Name)
	switch m.Kind {
	case KindMaterial:
		positive(p, "conductivity", "conductivity", "W/(m·K)", m.Conductivity, true)
		positive(p, "density", "density", "kg/m³", m.Density, true)
		// EnergyPlus refuses Material objects below 100 J/(kg·K); catching it here beats a
		// severe error in the middle of a study.
		if m.SpecificHeat == nil {
			p.add("specificHeat", "specific heat (J/(kg·K)) is missing")
		} else if !(*m.SpecificHeat >= 100) || math.IsInf(*m.SpecificHeat, 0) {
			p.add("specificHeat", "specific heat must be at least 100 J/(kg·K) (EnergyPlus's minimum), not %g", *m.SpecificHeat)
		}
		checkRoughness(p, m.Roughness)
		checkAbsorptances(p, m)
	case KindAirGap:
		positive(p, "thermalResistance", "thermal resistance", "m²K/W", m.ThermalResistance, true)
	case KindNoMass:
		// EnergyPlus's minimum for Material:NoMass.
		if m.ThermalResistance == nil {
			p.add("thermalResistance", "thermal resistance (m²K/W) is missing")
		} else if !(*m.ThermalResistance >= 0.001) || math.IsInf(*m.ThermalResistance, 0) {
			p.add("thermalResistance", "thermal resistance must be at least 0.001 m²K/W (EnergyPlus's minimum), not %g", *m.ThermalResistance)
		}
		checkRoughness(p, m.Roughness)
		checkAbsorptances(p, m)
	default:
		p.add("kind", "kind %q is not one of %s, %s, %s", m.Kind, KindMaterial, KindAirGap, KindNoMass)
	}
	positive(p, "thicknessM", "fixed thickness", "m", m.ThicknessM, false)
	if m.ThermalSource == "" {
		p.add("thermalSource", "the thermal properties have no source; say where they come from")
	}
	checkGWP(p, m)
	checkCost(p, m.CostPerM2Per100mm, m.CostPerM2, m.Currency, m.CostSource)
	return p.list
}

func checkAbsorptances(p *problems, m Material) {
	// Blank absorptances are allowed: EnergyPlus then uses its defaults (0.9/0.7/0.7).
	// EnergyPlus caps thermal absorptance (emissivity) just below 1.
	for _, a := range []struct {
		field, name string
		v           *float64
		max         float64
	}{
		{"thermalAbsorptance", "thermal absorptance", m.ThermalAbsorptance, 0.99999},
		{"solarAbsorptance", "solar absorptance", m.SolarAbsorptance, 1},
		{"visibleAbsorptance", "visible absorptance", m.VisibleAbsorptance, 1},
	} {
		if a.v != nil && !(*a.v > 0 && *a.v <= a.max) {
			p.add(a.field, "%s must be greater than 0 and at most %g, not %g", a.name, a.max, *a.v)
		}
	}
}

func checkGWP(p *problems, m Material) {
	if m.GWPPerKg != nil && m.GWPPerM2 != nil {
		p.add("gwpPerKg", "GWP is given both per kg and per m²; keep one")
	}
	if m.GWPPerKg != nil && (m.Kind == KindAirGap || m.Kind == KindNoMass) {
		p.add("gwpPerKg", "GWP per kg needs a mass, and a %s has none; give GWP per m² instead", m.Kind)
	}
	nonNegative(p, "gwpPerKg", "GWP per kg", m.GWPPerKg)
	nonNegative(p, "gwpPerM2", "GWP per m²", m.GWPPerM2)
	if m.GWPPerKg == nil && m.GWPPerM2 == nil {
		return
	}
	if m.GWPMetric != MetricCO2e && m.GWPMetric != MetricCO2 {
		p.add("gwpMetric", "say whether the GWP counts %q or %q (not %q)", MetricCO2e, MetricCO2, m.GWPMetric)
	}
	if m.GWPSource == "" {
		p.add("gwpSource", "the GWP has no source; say where it comes from")
	}
}

func checkCost(p *problems, per100mm, perM2 *float64, currency, source string) {
	if per100mm != nil && perM2 != nil {
		p.add("costPerM2", "cost is given both per m² and per m² per 100 mm; keep one")
	}
	nonNegative(p, "costPerM2Per100mm", "cost per m² per 100 mm", per100mm)
	nonNegative(p, "costPerM2", "cost per m²", perM2)
	if per100mm == nil && perM2 == nil {
		return
	}
	if currency == "" {
		p.add("currency", "the cost has no currency")
	}
	if source == "" {
		p.add("costSource", "the cost has no source; say where it comes from")
	}
}

// Validate checks a window system on its own. Blank SHGC or visible transmittance is not a
// problem here (the system is still a valid library entry); Usable refuses it in a variant.
func (w WindowSystem) Validate() []Problem {
	p := &problems{item: "window system", id: w.ID, label: w.label()}
	checkIDName(p, w.ID, w.Name)
	positive(p, "uFactor", "U-factor", "W/(m²·K)", w.UFactor, true)
	fraction(p, "shgc", "solar heat gain coefficient (SHGC)", w.SHGC)
	fraction(p, "visibleTransmittance", "visible transmittance", w.VisibleTransmittance)
	if w.Source == "" && (w.UFactor != nil || w.SHGC != nil || w.VisibleTransmittance != nil) {
		p.add("source", "U-factor, SHGC and visible transmittance have no source; say where they come from")
	}
	nonNegative(p, "gwpPerM2", "GWP per m²", w.GWPPerM2)
	if w.GWPPerM2 != nil && w.GWPSource == "" {
		p.add("gwpSource", "the GWP has no source; say where it comes from")
	}
	checkCost(p, nil, w.CostPerM2, w.Currency, w.CostSource)
	return p.list
}

// ValidateConstruction checks a construction and what it refers to in l.
func (l *Library) ValidateConstruction(c Construction) []Problem {
	p := &problems{item: "construction", id: c.ID, label: c.label()}
	checkIDName(p, c.ID, c.Name)
	switch c.Element {
	case ElementWindow:
		if len(c.Layers) > 0 {
			p.add("layers", "a window construction has a window system, not layers")
		}
		if c.WindowSystemID == "" {
			p.add("windowSystemId", "choose the window system of this window construction")
		} else if _, ok := l.Window(c.WindowSystemID); !ok {
			p.add("windowSystemId", "window system %q does not exist", c.WindowSystemID)
		}
	case ElementWall, ElementRoof, ElementFloor:
		if c.WindowSystemID != "" {
			p.add("windowSystemId", "a %s has layers, not a window system", c.Element)
		}
		l.checkLayers(p, c)
	case "":
		p.add("element", "choose the element: %s", strings.Join(Elements, ", "))
	default:
		p.add("element", "element %q is not one of %s", c.Element, strings.Join(Elements, ", "))
	}
	return p.list
}

func (l *Library) checkLayers(p *problems, c Construction) {
	if len(c.Layers) == 0 {
		p.add("layers", "a %s needs at least one layer", c.Element)
	}
	if len(c.Layers) > maxLayers {
		p.add("layers", "%d layers: EnergyPlus allows at most %d", len(c.Layers), maxLayers)
	}
	for i, ly := range c.Layers {
		field := fmt.Sprintf("layers[%d]", i)
		m, ok := l.Material(ly.MaterialID)
		if !ok {
			p.add(field+".materialId", "layer %d: material %q does not exist", i+1, ly.MaterialID)
			continue
		}
		d := ly.ThicknessM
		switch {
		case math.IsNaN(d) || math.IsInf(d, 0) || d < 0:
			p.add(field+".thicknessM", "layer %d (%s): thickness must not be negative, not %g m", i+1, m.ID, d)
		case d == 0 && m.Kind == KindMaterial:
			p.add(field+".thicknessM", "layer %d (%s): thickness must be greater than 0 m", i+1, m.ID)
		case d > 5:
			// No building layer is this thick: almost always millimetres typed as metres.
			p.add(field+".thicknessM", "layer %d (%s): thickness %g m is implausible; thicknesses are in metres (100 mm = 0.1)", i+1, m.ID, d)
		}
		// EnergyPlus stops with a severe error on an air gap facing a surface: it has no
		// surface properties (absorptances) to face the outdoors or the room with.
		if m.Kind == KindAirGap && (i == 0 || i == len(c.Layers)-1) {
			p.add(field+".materialId", "layer %d (%s): an air gap cannot be the outside or inside layer", i+1, m.ID)
		}
	}
}

func checkIDName(p *problems, id, name string) {
	if msg := idProblem(id); msg != "" {
		p.add("id", "%s", msg)
	}
	if strings.TrimSpace(name) == "" {
		p.add("name", "the name is empty")
	}
}

// idProblem explains what is wrong with an id, or returns "". Ids appear in the CSV layer
// list ("id:thickness;...") and in EnergyPlus object names, so they keep to a plain set.
func idProblem(id string) string {
	if id == "" {
		return "the id is empty"
	}
	if len(id) > maxIDLength {
		return fmt.Sprintf("the id is %d characters long; at most %d", len(id), maxIDLength)
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return fmt.Sprintf("the id %q may only contain letters, digits, '_', '-' and '.', not %q", id, r)
		}
	}
	return ""
}

func positive(p *problems, field, name, unit string, v *float64, required bool) {
	switch {
	case v == nil:
		if required {
			p.add(field, "%s (%s) is missing", name, unit)
		}
	case !(*v > 0) || math.IsInf(*v, 0):
		p.add(field, "%s must be greater than 0 %s, not %g", name, unit, *v)
	}
}

func nonNegative(p *problems, field, name string, v *float64) {
	if v != nil && (!(*v >= 0) || math.IsInf(*v, 0)) {
		p.add(field, "%s must not be negative, not %g", name, *v)
	}
}

// fraction checks an optional value strictly between 0 and 1, as EnergyPlus requires of SHGC
// and visible transmittance.
func fraction(p *problems, field, name string, v *float64) {
	if v != nil && !(*v > 0 && *v < 1) {
		p.add(field, "%s must be between 0 and 1 (exclusive), not %g", name, *v)
	}
}

func checkRoughness(p *problems, r string) {
	for _, k := range Roughnesses {
		if r == k {
			return
		}
	}
	if r == "" {
		p.add("roughness", "roughness is missing (one of %s)", strings.Join(Roughnesses, ", "))
		return
	}
	p.add("roughness", "roughness %q is not one of %s", r, strings.Join(Roughnesses, ", "))
}
