package library

import (
	"fmt"
	"slices"
	"strings"
)

// Amount is a total that may depend on blank values. When Complete is false, Value is the sum
// of the known parts only (a lower bound) and Missing names every value it lacks, e.g.
// "GWP of xps_29 (XPS (extruded polystyrene), 29 kg/m3)": a blank is never counted as zero.
type Amount struct {
	Value    float64  `json:"value"`
	Complete bool     `json:"complete"`
	Missing  []string `json:"missing"`
	// Assumed names every value taken from a published range instead of a single figure (see
	// RangeUse), with the range and its basis, so a total built on one never passes for sourced.
	Assumed []string `json:"assumed,omitempty"`
	// Ranged are the entries of Missing that a published range could fill (a study's
	// costRanges), so a checklist tells them apart without reading their words.
	Ranged []string `json:"ranged,omitempty"`
}

func (a *Amount) add(v float64) { a.Value += v }

func (a *Amount) miss(what string) {
	for _, m := range a.Missing {
		if m == what {
			return // a material used in two layers is missing once
		}
	}
	a.Missing = append(a.Missing, what)
	a.Complete = false
}

// LayerFigures are one layer's figures. GWP and Cost are nil when the layer's value is missing.
type LayerFigures struct {
	MaterialID string   `json:"materialId"`
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	ThicknessM float64  `json:"thicknessM"`
	R          float64  `json:"r"`        // m²K/W: d/λ, or the material's fixed resistance
	MassKgM2   *float64 `json:"massKgM2"` // nil for air gaps and no-mass layers
	GWP        *float64 `json:"gwp"`      // per m² of construction
	Cost       *float64 `json:"cost"`     // per m² of construction
	Existing   bool     `json:"existing"` // kept by the renovation: not in the GWP or cost totals
}

// Figures are a construction's computed figures, per m² of construction.
type Figures struct {
	ConstructionID string         `json:"constructionId"`
	Element        string         `json:"element"`
	Layers         []LayerFigures `json:"layers"`
	// HeatFlow is the direction the surface resistances are for: horizontal, upward or
	// downward. For windows it is empty and Rsi, Rse are 0: a glazing system's rated U-factor
	// already includes its films.
	HeatFlow string  `json:"heatFlow"`
	Rsi      float64 `json:"rsi"`
	Rse      float64 `json:"rse"`
	RLayers  float64 `json:"rLayers"` // sum of the layers' R
	RTotal   float64 `json:"rTotal"`  // Rsi + RLayers + Rse (windows: 1/U)
	U        float64 `json:"u"`       // W/(m²·K), with surface films
	// UNoFilms is 1/RLayers, what EnergyPlus reports as "U-Factor no Film"; nil for windows.
	UNoFilms *float64 `json:"uNoFilms"`
	// Window systems only.
	SHGC                 *float64 `json:"shgc"`
	VisibleTransmittance *float64 `json:"visibleTransmittance"`
	UBasis               string   `json:"uBasis"`

	GWPPerM2 Amount `json:"gwpPerM2"` // kg per m² (A1-A3)
	// GWPMetric is "CO2e", "CO2 only", or "CO2e and CO2 only" when the layers' sources differ;
	// for windows see GWPBasis.
	GWPMetric string `json:"gwpMetric"`
	GWPBasis  string `json:"gwpBasis"`
	CostPerM2 Amount `json:"costPerM2"`
	Currency  string `json:"currency"`
}

// Surface resistances in m²K/W from EN ISO 6946:2017 Table 7 (flat surfaces, normal
// emissivity, windspeed 4 m/s). The heat-flow direction follows the element's use in a
// heating-dominated study: walls horizontal, roofs (and cold-attic floors) upward, floors
// downward.
//
// Ground-contact floors (and basement walls): ISO 6946's Rse describes outdoor air and does
// not apply to a face against soil; the soil's own resistance belongs to EN ISO 13370 (and to
// EnergyPlus's ground boundary), not to the construction. The library's U is therefore the
// construction's alone with Rse = 0.04 kept, which is how EN ISO 13370 itself adds the floor
// construction into its equivalent thickness (d_t = w + λ(Rsi + Rf + Rse)). Compare a
// ground surface's UNoFilms with EnergyPlus's "U-Factor no Film".
//
// Air layers are taken as the layers say (a fixed resistance); ISO 6946's rule for
// well-ventilated cavities (ignore the cavity and everything outside it) is not applied,
// because EnergyPlus simulates the layers as written and the two must agree.
var surfaceResistances = map[string]struct {
	flow     string
	rsi, rse float64
}{
	ElementWall:  {"horizontal", 0.13, 0.04},
	ElementRoof:  {"upward", 0.10, 0.04},
	ElementFloor: {"downward", 0.17, 0.04},
}

// Figures computes a construction's U-value, GWP and cost per m² from its layers (or its
// window system). It fails only when U cannot be computed (unknown element or material, no
// layers, a missing conductivity, ...); blank GWP and cost values make those amounts
// incomplete instead.
func (l *Library) Figures(c Construction) (Figures, error) {
	return l.FiguresUsing(c, RangeBlank)
}

// FiguresUsing is Figures with a rule for costs published only as a range: RangeBlank leaves
// them missing, as Figures does; RangeLow, RangeMid and RangeHigh take that point of the range
// and name it in CostPerM2.Assumed.
func (l *Library) FiguresUsing(c Construction, ranges RangeUse) (Figures, error) {
	f := Figures{ConstructionID: c.ID, Element: c.Element,
		GWPPerM2: Amount{Complete: true}, CostPerM2: Amount{Complete: true}}
	if c.Element == ElementWindow {
		return l.windowFigures(c, f)
	}
	films, ok := surfaceResistances[c.Element]
	if !ok {
		return f, figuresProblem(c, "element", "construction %s: element %q is not one of %s", c.label(), c.Element, strings.Join(Elements, ", "))
	}
	if len(c.Layers) == 0 {
		return f, figuresProblem(c, "layers", "construction %s has no layers", c.label())
	}
	f.HeatFlow, f.Rsi, f.Rse = films.flow, films.rsi, films.rse
	metrics := map[string]bool{}
	for i, ly := range c.Layers {
		m, ok := l.Material(ly.MaterialID)
		if !ok {
			return f, figuresProblem(c, fmt.Sprintf("layers[%d].materialId", i), "construction %s, layer %d: material %q does not exist", c.label(), i+1, ly.MaterialID)
		}
		lf, field, err := layerFigures(m, ly.ThicknessM)
		if err != nil {
			return f, figuresProblem(c, fmt.Sprintf("layers[%d].%s", i, field), "construction %s, layer %d: %v", c.label(), i+1, err)
		}
		f.RLayers += lf.R
		lf.Existing = ly.Existing
		if ly.Existing {
			f.Layers = append(f.Layers, lf)
			continue // already built and paid for
		}
		if lf.GWP != nil {
			f.GWPPerM2.add(*lf.GWP)
			if m.Kind != KindAirGap {
				metrics[m.GWPMetric] = true
			}
		} else {
			f.GWPPerM2.miss(gwpMissing(m))
		}
		assumed := ""
		if lf.Cost == nil {
			lf.Cost, assumed = rangeCost(m, ranges)
		}
		if addCost(&f, m, lf) && assumed != "" {
			f.CostPerM2.Assumed = append(f.CostPerM2.Assumed, assumed)
		}
		f.Layers = append(f.Layers, lf)
	}
	f.RTotal = f.Rsi + f.RLayers + f.Rse
	f.U = 1 / f.RTotal
	f.UNoFilms = ptr(1 / f.RLayers)
	switch {
	case metrics[MetricCO2e] && metrics[MetricCO2]:
		f.GWPMetric = "CO2e and CO2 only"
	case metrics[MetricCO2]:
		f.GWPMetric = MetricCO2
	case metrics[MetricCO2e]:
		f.GWPMetric = MetricCO2e
	}
	return f, nil
}

// figuresProblem is why Figures cannot compute construction c, as library.Problems holding the
// one Problem at the construction's field to fix (layer i: "layers[i].thicknessM"): code that
// prints the error reads the message, an editor finds the field with errors.As.
func figuresProblem(c Construction, field, format string, args ...any) error {
	return Problems{{Item: "construction", ID: c.ID, Field: field, Message: fmt.Sprintf(format, args...)}}
}

// layerFigures fails with the Layer field to fix: its thickness, or its material.
func layerFigures(m Material, d float64) (LayerFigures, string, error) {
	lf := LayerFigures{MaterialID: m.ID, Name: m.Name, Kind: m.Kind, ThicknessM: d}
	switch m.Kind {
	case KindMaterial:
		if !(d > 0) {
			return lf, "thicknessM", fmt.Errorf("material %s: thickness must be greater than 0 m, not %g", m.label(), d)
		}
		if m.Conductivity == nil || !(*m.Conductivity > 0) {
			return lf, "materialId", fmt.Errorf("material %s has no valid conductivity", m.label())
		}
		lf.R = d / *m.Conductivity
		if m.Density != nil {
			lf.MassKgM2 = ptr(*m.Density * d)
		}
	case KindAirGap, KindNoMass:
		if m.ThermalResistance == nil || !(*m.ThermalResistance > 0) {
			return lf, "materialId", fmt.Errorf("material %s has no valid thermal resistance", m.label())
		}
		lf.R = *m.ThermalResistance
	default:
		return lf, "materialId", fmt.Errorf("material %s: kind %q is not one of %s, %s, %s", m.label(), m.Kind, KindMaterial, KindAirGap, KindNoMass)
	}
	switch {
	case m.GWPPerM2 != nil:
		lf.GWP = ptr(*m.GWPPerM2)
	case m.GWPPerKg != nil && lf.MassKgM2 != nil:
		lf.GWP = ptr(*m.GWPPerKg * *lf.MassKgM2)
	case m.Kind == KindAirGap:
		// An air space is not a product: the library marks its GWP "not applicable", so it
		// adds nothing and is not missing.
		lf.GWP = ptr(0)
	}
	switch {
	case m.CostPerM2 != nil:
		lf.Cost = ptr(*m.CostPerM2)
	case m.CostPerM2Per100mm != nil:
		lf.Cost = ptr(*m.CostPerM2Per100mm * d / 0.1)
	case m.Kind == KindAirGap:
		lf.Cost = ptr(0) // as for GWP: nothing is bought
	}
	return lf, "", nil
}

func gwpMissing(m Material) string {
	if m.GWPPerKg != nil {
		return "density of " + m.label() + " (its GWP is per kg)"
	}
	return "GWP of " + m.label()
}

// addCost adds a layer's cost unless it is missing or in another currency than the layers
// before it (amounts in two currencies cannot be added), and says whether it did.
func addCost(f *Figures, m Material, lf LayerFigures) bool {
	if lf.Cost == nil {
		what := "cost of " + m.label()
		if m.CostRange != "" {
			what += fmt.Sprintf(" (only a range is published: %s %s)", m.CostRange, m.Currency)
			if !slices.Contains(f.CostPerM2.Ranged, what) {
				f.CostPerM2.Ranged = append(f.CostPerM2.Ranged, what)
			}
		}
		f.CostPerM2.miss(what)
		return false
	}
	if *lf.Cost == 0 && m.Currency == "" {
		return true
	}
	if f.Currency == "" {
		f.Currency = m.Currency
	} else if m.Currency != f.Currency {
		f.CostPerM2.miss(fmt.Sprintf("cost of %s in %s (the other layers are in %s)", m.label(), m.Currency, f.Currency))
		return false
	}
	f.CostPerM2.add(*lf.Cost)
	return true
}

func (l *Library) windowFigures(c Construction, f Figures) (Figures, error) {
	w, ok := l.Window(c.WindowSystemID)
	if !ok {
		return f, figuresProblem(c, "windowSystemId", "construction %s: window system %q does not exist", c.label(), c.WindowSystemID)
	}
	if w.UFactor == nil || !(*w.UFactor > 0) {
		return f, figuresProblem(c, "windowSystemId", "construction %s: window system %s has no valid U-factor", c.label(), w.label())
	}
	// The rated U-factor of a glazing system includes both surface films.
	f.U = *w.UFactor
	f.RTotal = 1 / f.U
	f.SHGC, f.VisibleTransmittance, f.UBasis = w.SHGC, w.VisibleTransmittance, w.UBasis
	f.GWPBasis = w.GWPBasis
	if w.GWPPerM2 != nil {
		f.GWPPerM2.add(*w.GWPPerM2)
	} else {
		f.GWPPerM2.miss("GWP of window system " + w.label())
	}
	if w.CostPerM2 != nil {
		f.CostPerM2.add(*w.CostPerM2)
		f.Currency = w.Currency
	} else {
		f.CostPerM2.miss("cost of window system " + w.label())
	}
	return f, nil
}
