package library

import (
	"fmt"
	"strings"
)

// simulationFields are the material and window-system fields EnergyPlus reads. A problem in
// one of them makes a construction unusable in a variant; a problem elsewhere (a GWP without
// a source, say) is a data-quality issue that does not stop a simulation.
var simulationFields = map[string]bool{
	"kind": true, "thicknessM": true, "conductivity": true, "density": true, "specificHeat": true,
	"thermalResistance": true, "roughness": true, "thermalAbsorptance": true, "solarAbsorptance": true,
	"visibleAbsorptance": true, "uFactor": true, "shgc": true, "visibleTransmittance": true,
}

// Usable says why a construction cannot be used in a variant, or returns nil. Beyond the
// construction being valid, its materials need valid thermal properties and its window system
// a U-factor, SHGC and visible transmittance: EnergyPlus needs all three, and the library
// leaves them blank when no source gave them, so the user must fill them in first.
func (l *Library) Usable(c Construction) error {
	ps := Problems(l.ValidateConstruction(c))
	for _, ly := range c.Layers {
		if m, ok := l.Material(ly.MaterialID); ok {
			ps = append(ps, simulationProblems(m.Validate())...)
		}
	}
	if c.Element == ElementWindow {
		if w, ok := l.Window(c.WindowSystemID); ok {
			ps = append(ps, simulationProblems(w.Validate())...)
			var blank []string
			if w.SHGC == nil {
				blank = append(blank, "solar heat gain coefficient (SHGC)")
			}
			if w.VisibleTransmittance == nil {
				blank = append(blank, "visible transmittance")
			}
			if len(blank) > 0 {
				field := "shgc"
				if w.SHGC != nil {
					field = "visibleTransmittance"
				}
				ps = append(ps, Problem{Item: "window system", ID: w.ID, Field: field,
					Message: fmt.Sprintf("window system %s has no %s: fill it in (from the product's data sheet) before using construction %s in a variant",
						w.label(), strings.Join(blank, " and no "), c.ID)})
			}
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return fmt.Errorf("construction %s cannot be used in a variant: %w", c.label(), dedupe(ps))
}

func simulationProblems(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if simulationFields[p.Field] {
			out = append(out, p)
		}
	}
	return out
}

// dedupe drops repeats: a material used in two layers reports its problems once.
func dedupe(ps Problems) Problems {
	seen := map[string]bool{}
	var out Problems
	for _, p := range ps {
		if !seen[p.Message] {
			seen[p.Message] = true
			out = append(out, p)
		}
	}
	return out
}
