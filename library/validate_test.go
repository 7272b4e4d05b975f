package library

import (
	"math"
	"strings"
	"testing"
)

func validMaterial() Material {
	return Material{ID: "eps_16", Name: "EPS 16", Kind: KindMaterial, Conductivity: ptr(0.037), Density: ptr(16),
		SpecificHeat: ptr(1210), Roughness: "VeryRough", ThermalAbsorptance: ptr(0.9), SolarAbsorptance: ptr(0.7),
		VisibleAbsorptance: ptr(0.7), ThermalSource: "ASHRAE", GWPPerKg: ptr(3.29), GWPMetric: MetricCO2e, GWPSource: "ICE"}
}

func TestMaterialValidationNamesItemAndField(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Material)
		field  string
		words  string
	}{
		{"zero conductivity", func(m *Material) { m.Conductivity = ptr(0) }, "conductivity", "conductivity must be greater than 0"},
		{"missing conductivity", func(m *Material) { m.Conductivity = nil }, "conductivity", "conductivity (W/(m·K)) is missing"},
		{"negative density", func(m *Material) { m.Density = ptr(-16) }, "density", "density must be greater than 0"},
		{"specific heat below EnergyPlus's minimum", func(m *Material) { m.SpecificHeat = ptr(0.5) }, "specificHeat", "at least 100"},
		{"negative fixed thickness", func(m *Material) { m.ThicknessM = ptr(-0.01) }, "thicknessM", "fixed thickness must be greater than 0"},
		{"absorptance 0", func(m *Material) { m.SolarAbsorptance = ptr(0) }, "solarAbsorptance", "solar absorptance must be greater than 0"},
		{"absorptance above 1", func(m *Material) { m.VisibleAbsorptance = ptr(1.2) }, "visibleAbsorptance", "at most 1"},
		{"emissivity of exactly 1", func(m *Material) { m.ThermalAbsorptance = ptr(1) }, "thermalAbsorptance", "at most 0.99999"},
		{"unknown roughness", func(m *Material) { m.Roughness = "Bumpy" }, "roughness", `"Bumpy" is not one of VeryRough`},
		{"unknown kind", func(m *Material) { m.Kind = "Material:Glass" }, "kind", `"Material:Glass"`},
		{"air gap without resistance", func(m *Material) { m.Kind = KindAirGap; m.GWPPerKg = nil }, "thermalResistance", "thermal resistance (m²K/W) is missing"},
		{"no-mass below 0.001", func(m *Material) { m.Kind, m.ThermalResistance, m.GWPPerKg = KindNoMass, ptr(0.0005), nil }, "thermalResistance", "at least 0.001"},
		{"GWP per kg without a mass", func(m *Material) { m.Kind, m.ThermalResistance = KindNoMass, ptr(1) }, "gwpPerKg", "needs a mass"},
		{"GWP both ways", func(m *Material) { m.GWPPerM2 = ptr(2) }, "gwpPerKg", "both per kg and per m²"},
		{"GWP without source", func(m *Material) { m.GWPSource = "" }, "gwpSource", "the GWP has no source"},
		{"GWP without metric", func(m *Material) { m.GWPMetric = "" }, "gwpMetric", `"CO2e" or "CO2 only"`},
		{"negative GWP", func(m *Material) { m.GWPPerKg = ptr(-1) }, "gwpPerKg", "must not be negative"},
		{"cost without currency", func(m *Material) { m.CostPerM2, m.CostSource = ptr(100), "quote" }, "currency", "no currency"},
		{"thermal values without source", func(m *Material) { m.ThermalSource = "" }, "thermalSource", "no source"},
		{"id with a colon", func(m *Material) { m.ID = "eps:16" }, "id", "may only contain"},
		{"no name", func(m *Material) { m.Name = " " }, "name", "the name is empty"},
	}
	if ps := validMaterial().Validate(); len(ps) > 0 {
		t.Fatalf("the valid material has problems: %v", Problems(ps))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := validMaterial()
			tc.change(&m)
			ps := m.Validate()
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %v", Problems(ps))
			}
			p := ps[0]
			if p.Field != tc.field || !strings.Contains(p.Message, tc.words) || !strings.HasPrefix(p.Message, "material "+m.ID) {
				t.Errorf("problem %+v: want field %s and a message naming the material with %q", p, tc.field, tc.words)
			}
			// The editor shows the detail at the field: the message without the material's label.
			if !strings.Contains(p.Detail, tc.words) || p.Message != "material "+m.label()+": "+p.Detail {
				t.Errorf("detail %q of message %q: want the message after %q", p.Detail, p.Message, "material "+m.label()+": ")
			}
		})
	}
}

func TestWindowSystemValidation(t *testing.T) {
	ok := WindowSystem{ID: "w", Name: "Triple", UFactor: ptr(0.785), SHGC: ptr(0.474), VisibleTransmittance: ptr(0.661), Source: "E+"}
	cases := []struct {
		name   string
		change func(*WindowSystem)
		field  string
		words  string
	}{
		{"U zero", func(w *WindowSystem) { w.UFactor = ptr(0) }, "uFactor", "U-factor must be greater than 0"},
		{"U missing", func(w *WindowSystem) { w.UFactor = nil }, "uFactor", "U-factor (W/(m²·K)) is missing"},
		{"SHGC 1", func(w *WindowSystem) { w.SHGC = ptr(1) }, "shgc", "between 0 and 1"},
		{"VT negative", func(w *WindowSystem) { w.VisibleTransmittance = ptr(-0.1) }, "visibleTransmittance", "between 0 and 1"},
		{"NaN SHGC", func(w *WindowSystem) { w.SHGC = ptr(math.NaN()) }, "shgc", "between 0 and 1"},
		{"GWP without source", func(w *WindowSystem) { w.GWPPerM2 = ptr(12) }, "gwpSource", "no source"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := ok
			tc.change(&w)
			ps := w.Validate()
			if len(ps) != 1 || ps[0].Field != tc.field || !strings.Contains(ps[0].Message, tc.words) ||
				!strings.HasPrefix(ps[0].Message, "window system w (Triple)") {
				t.Errorf("problems %v: want one on %s with %q", Problems(ps), tc.field, tc.words)
			}
		})
	}
	// Blank SHGC and VT are valid library data; Usable is what refuses them.
	w := ok
	w.SHGC, w.VisibleTransmittance = nil, nil
	if ps := w.Validate(); len(ps) > 0 {
		t.Errorf("blank SHGC/VT: %v", Problems(ps))
	}
}

func TestConstructionValidation(t *testing.T) {
	lib := loadShared(t)
	wall, _ := lib.Construction("wall_concrete_etics_sw100")
	eleven := Construction{ID: "thick", Name: "Eleven layers", Element: ElementWall}
	for range 11 {
		eleven.Layers = append(eleven.Layers, Layer{"eps_16", 0.01, false})
	}
	cases := []struct {
		name  string
		c     Construction
		field string
		words string
	}{
		{"unknown material", with(wall, func(c *Construction) { c.Layers[1].MaterialID = "stone_wool" }),
			"layers[1].materialId", `layer 2: material "stone_wool" does not exist`},
		{"negative thickness", with(wall, func(c *Construction) { c.Layers[2].ThicknessM = -0.15 }),
			"layers[2].thicknessM", "layer 3 (concrete_normal_2240): thickness must not be negative"},
		{"zero thickness", with(wall, func(c *Construction) { c.Layers[0].ThicknessM = 0 }),
			"layers[0].thicknessM", "greater than 0 m"},
		{"millimetres as metres", with(wall, func(c *Construction) { c.Layers[1].ThicknessM = 100 }),
			"layers[1].thicknessM", "100 mm = 0.1"},
		{"unknown element", with(wall, func(c *Construction) { c.Element = "ceiling" }),
			"element", `element "ceiling" is not one of wall, roof, floor, window`},
		{"no layers", with(wall, func(c *Construction) { c.Layers = nil }), "layers", "at least one layer"},
		{"air gap facing out", with(wall, func(c *Construction) { c.Layers[0].MaterialID = "air_gap_wall" }),
			"layers[0].materialId", "air gap cannot be the outside or inside layer"},
		{"eleven layers", eleven, "layers", "at most 10"},
		{"window without system", Construction{ID: "win", Name: "Win", Element: ElementWindow},
			"windowSystemId", "choose the window system"},
		{"window with unknown system", Construction{ID: "win", Name: "Win", Element: ElementWindow, WindowSystemID: "quad"},
			"windowSystemId", `window system "quad" does not exist`},
	}
	if ps := lib.ValidateConstruction(wall); len(ps) > 0 {
		t.Fatal(Problems(ps))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps := lib.ValidateConstruction(tc.c)
			if len(ps) != 1 || ps[0].Field != tc.field || !strings.Contains(ps[0].Message, tc.words) ||
				!strings.HasPrefix(ps[0].Message, "construction "+tc.c.ID) {
				t.Errorf("problems %v: want one on %s with %q", Problems(ps), tc.field, tc.words)
			}
		})
	}
}

func TestLibraryValidationFindsRepeatedIDs(t *testing.T) {
	lib := loadShared(t)
	lib.Materials = append(lib.Materials, lib.Materials[0])
	ps := lib.Validate()
	if len(ps) != 1 || ps[0].ID != "glass_wool_batt_19" || ps[0].Field != "id" || !strings.Contains(ps[0].Message, "used twice") ||
		ps[0].Detail != "the id is used twice; ids must be unique" {
		t.Errorf("problems %v", Problems(ps))
	}
}

// with returns a copy of c (layers included) changed by f.
func with(c Construction, f func(*Construction)) Construction {
	c.Layers = append([]Layer(nil), c.Layers...)
	f(&c)
	return c
}
