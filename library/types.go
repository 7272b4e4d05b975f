package library

import "strings"

// Material kinds: the EnergyPlus object a material becomes.
const (
	KindMaterial = "Material"        // conductivity, density, specific heat; thickness per layer
	KindAirGap   = "Material:AirGap" // thermal resistance only; layer thickness is informational
	KindNoMass   = "Material:NoMass" // thermal resistance, roughness, absorptances; no mass
)

// Elements a construction can be used for.
const (
	ElementWall   = "wall"
	ElementRoof   = "roof"
	ElementFloor  = "floor"
	ElementWindow = "window"
)

// Elements lists the valid elements in display order.
var Elements = []string{ElementWall, ElementRoof, ElementFloor, ElementWindow}

// GWP metrics: what a GWP figure counts.
const (
	MetricCO2e = "CO2e"
	MetricCO2  = "CO2 only" // the source gives carbon dioxide only, not all greenhouse gases
)

// Origins: where an item came from, so the UI can tell shipped data from the user's own.
const (
	OriginDefault  = "default"
	OriginUser     = "user"
	OriginImported = "imported"
)

// Material is an opaque layer material. Optional numbers are pointers: nil means blank, i.e.
// missing (or not applicable to the kind), never zero.
type Material struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
	Kind     string `json:"kind"` // KindMaterial, KindAirGap or KindNoMass
	// ThicknessM is set only for fixed-thickness products (board, film, tile); otherwise each
	// construction layer chooses the thickness.
	ThicknessM *float64 `json:"thicknessM"`
	// Conductivity W/(m·K), density kg/m³, specific heat J/(kg·K): KindMaterial only.
	Conductivity *float64 `json:"conductivity"`
	Density      *float64 `json:"density"`
	SpecificHeat *float64 `json:"specificHeat"`
	// ThermalResistance m²K/W: KindAirGap and KindNoMass only.
	ThermalResistance  *float64 `json:"thermalResistance"`
	Roughness          string   `json:"roughness"` // EnergyPlus keyword, e.g. MediumRough
	ThermalAbsorptance *float64 `json:"thermalAbsorptance"`
	SolarAbsorptance   *float64 `json:"solarAbsorptance"`
	VisibleAbsorptance *float64 `json:"visibleAbsorptance"`
	ThermalSource      string   `json:"thermalSource"`

	// GWP A1-A3: exactly one of GWPPerKg (kg per kg of material, times the layer's mass) or
	// GWPPerM2 (kg per m² of layer, whatever its thickness) is used.
	GWPPerKg  *float64 `json:"gwpPerKg"`
	GWPPerM2  *float64 `json:"gwpPerM2"`
	GWPMetric string   `json:"gwpMetric"` // MetricCO2e or MetricCO2
	GWPSource string   `json:"gwpSource"`

	// Cost: at most one of CostPerM2Per100mm (per m² of a 100 mm layer, scaled with the
	// layer's thickness: the CSV's normalised figure) or CostPerM2 (per m² of layer, whatever
	// its thickness: fixed products, installed prices). CostRange keeps a published "low-high"
	// range as text: a range is not a figure and is never summed.
	CostPerM2Per100mm *float64 `json:"costPerM2Per100mm"`
	CostPerM2         *float64 `json:"costPerM2"`
	CostRange         string   `json:"costRange"`
	CostBasis         string   `json:"costBasis"`
	Currency          string   `json:"currency"`
	CostSource        string   `json:"costSource"`

	Notes  string `json:"notes"`
	Origin string `json:"origin"`
}

// WindowSystem is a glazing system as EnergyPlus's WindowMaterial:SimpleGlazingSystem sees it.
type WindowSystem struct {
	ID                   string   `json:"id"`
	Name                 string   `json:"name"`
	UFactor              *float64 `json:"uFactor"` // W/(m²·K), including surface films
	SHGC                 *float64 `json:"shgc"`
	VisibleTransmittance *float64 `json:"visibleTransmittance"`
	UBasis               string   `json:"uBasis"` // centre-of-glass, whole window, ...
	Source               string   `json:"source"` // of U, SHGC and VT
	GWPPerM2             *float64 `json:"gwpPerM2"`
	GWPBasis             string   `json:"gwpBasis"`
	GWPSource            string   `json:"gwpSource"`
	CostPerM2            *float64 `json:"costPerM2"`
	Currency             string   `json:"currency"`
	CostSource           string   `json:"costSource"`
	Notes                string   `json:"notes"`
	Origin               string   `json:"origin"`
}

// Layer is one layer of an opaque construction. For air gaps and no-mass materials the
// thickness is informational: their thermal resistance is fixed.
type Layer struct {
	MaterialID string  `json:"materialId"`
	ThicknessM float64 `json:"thicknessM"`
	// Existing marks a layer the renovation keeps (the existing wall behind new insulation):
	// it counts in the U-value and is written to the variant IDF, but it is not produced or
	// bought, so it adds no embodied carbon and no cost.
	Existing bool `json:"existing"`
}

// Construction is an opaque construction (Layers, outside to inside; for floors the ground or
// unheated side is outside) or a window (WindowSystemID, no layers).
type Construction struct {
	ID             string  `json:"id"`
	Name           string  `json:"name"`
	Element        string  `json:"element"` // ElementWall, ElementRoof, ElementFloor or ElementWindow
	Layers         []Layer `json:"layers"`
	WindowSystemID string  `json:"windowSystemId"`
	Notes          string  `json:"notes"`
	Origin         string  `json:"origin"`
}

// Library is a set of materials, window systems and constructions.
type Library struct {
	Materials     []Material     `json:"materials"`
	Windows       []WindowSystem `json:"windows"`
	Constructions []Construction `json:"constructions"`
}

// Material finds a material by id. (A linear scan: libraries hold tens of items, and an
// index would go stale whenever a caller edits the slices.)
func (l *Library) Material(id string) (Material, bool) {
	for _, m := range l.Materials {
		if m.ID == id {
			return m, true
		}
	}
	return Material{}, false
}

// Window finds a window system by id.
func (l *Library) Window(id string) (WindowSystem, bool) {
	for _, w := range l.Windows {
		if w.ID == id {
			return w, true
		}
	}
	return WindowSystem{}, false
}

// Construction finds a construction by id.
func (l *Library) Construction(id string) (Construction, bool) {
	for _, c := range l.Constructions {
		if c.ID == id {
			return c, true
		}
	}
	return Construction{}, false
}

// FindConstruction finds a construction by id, or else by name ignoring case, because study
// specs written by hand may name a construction instead of giving its id.
func (l *Library) FindConstruction(idOrName string) (Construction, bool) {
	if c, ok := l.Construction(idOrName); ok {
		return c, true
	}
	for _, c := range l.Constructions {
		if strings.EqualFold(strings.TrimSpace(c.Name), strings.TrimSpace(idOrName)) {
			return c, true
		}
	}
	return Construction{}, false
}

// ConstructionsUsing lists the ids of the constructions with a layer of the material.
func (l *Library) ConstructionsUsing(materialID string) []string {
	var out []string
	for _, c := range l.Constructions {
		for _, ly := range c.Layers {
			if ly.MaterialID == materialID {
				out = append(out, c.ID)
				break
			}
		}
	}
	return out
}

// ConstructionsUsingWindow lists the ids of the window constructions of a window system.
func (l *Library) ConstructionsUsingWindow(windowID string) []string {
	var out []string
	for _, c := range l.Constructions {
		if c.WindowSystemID == windowID {
			out = append(out, c.ID)
		}
	}
	return out
}

// label is how messages name a material: its id, and its name when it has one, so the user
// recognises it either way.
func (m Material) label() string { return label(m.ID, m.Name) }

func (w WindowSystem) label() string { return label(w.ID, w.Name) }

func (c Construction) label() string { return label(c.ID, c.Name) }

func label(id, name string) string {
	if name == "" || name == id {
		return id
	}
	return id + " (" + name + ")"
}

func ptr(v float64) *float64 { return &v }
