package study

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"epsm/idf"
)

const (
	pthpIDF       = "testdata/1ZonePTHP.idf"
	evapCoolerIDF = "../../shared/testdata/energyplus/1ZoneEvapCooler.idf"
	uncontrolled  = "../examples/1ZoneUncontrolled.idf"
)

func modelBase(t *testing.T, path string) *Base {
	t.Helper()
	src, _ := baseModel(t, path)
	b, err := NewBase(src)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// applyTemplate applies one option of a template to a model and parses the result back, as a
// variant's IDF is written.
func applyTemplate(t *testing.T, b *Base, id string, values ...string) (Change, *idf.File) {
	t.Helper()
	m := Measure{ID: "m", Template: id, Values: []Option{{Values: values}}}
	if err := b.Check(m); err != nil {
		t.Fatal(err)
	}
	c, err := b.Apply(m, values)
	if err != nil {
		t.Fatal(err)
	}
	out, err := idf.EditFields(b.Text, c.Edits, strings.Join(c.Objects, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := idf.Parse(out)
	if err != nil {
		t.Fatalf("the edited model does not parse: %v", err)
	}
	return c, f
}

// field is an object's field by its IDD name.
func field(t *testing.T, b *Base, o idf.Object, name string) string {
	t.Helper()
	i, _, err := b.fieldIndex(o.Class, name)
	if err != nil {
		t.Fatal(err)
	}
	return o.Field(i)
}

type fieldWant struct{ class, field, want string }

func TestTemplatesEditTheRealObjects(t *testing.T) {
	cases := []struct {
		name     string
		model    string
		template string
		values   []string
		want     []fieldWant // every object of the class has the field at want
		units    int
		objects  int // objects added
		kW       float64
	}{
		{name: "ACH on test.idf", model: testIDF, template: "infiltration-ach", values: []string{"0.2"}, units: 1,
			want: []fieldWant{{infiltrationClass, infiltrationCalc, "AirChanges/Hour"}, {infiltrationClass, "Air Changes per Hour", "0.2"},
				// EnergyPlus reads only the chosen method's field; the old one stays as written.
				{infiltrationClass, "Flow Rate per Exterior Surface Area", "0.00045"}}},
		{name: "ACH on a Flow/Zone model", model: evapCoolerIDF, template: "infiltration-ach", values: []string{"0.5"}, units: 1,
			want: []fieldWant{{infiltrationClass, infiltrationCalc, "AirChanges/Hour"}, {infiltrationClass, "Air Changes per Hour", "0.5"}}},
		{name: "flow per area", model: testIDF, template: "infiltration-flow-per-area", values: []string{"0.0002"}, units: 1,
			want: []fieldWant{{infiltrationClass, infiltrationCalc, "Flow/ExteriorArea"}, {infiltrationClass, "Flow Rate per Exterior Surface Area", "0.0002"}}},
		{name: "heating setpoint, dual", model: testIDF, template: "heating-setpoint", values: []string{"21"}, units: 4, objects: 1,
			want: []fieldWant{{"ThermostatSetpoint:DualSetpoint", "Heating Setpoint Temperature Schedule Name", "EPSM heating setpoint 21"}}},
		{name: "cooling setpoint, dual", model: testIDF, template: "cooling-setpoint", values: []string{"26.5"}, units: 4, objects: 1,
			want: []fieldWant{{"ThermostatSetpoint:DualSetpoint", "Cooling Setpoint Temperature Schedule Name", "EPSM cooling setpoint 26.5"}}},
		{name: "heating setpoint, single", model: evapCoolerIDF, template: "heating-setpoint", values: []string{"19"}, units: 1, objects: 1,
			want: []fieldWant{{"ThermostatSetpoint:SingleHeating", "Setpoint Temperature Schedule Name", "EPSM heating setpoint 19"},
				{"Schedule:Constant", "Hourly Value", "19"}}},
		{name: "heat pump COP", model: pthpIDF, template: "heat-pump-cop", values: []string{"4.2", "3.6"}, units: 1,
			want: []fieldWant{{"Coil:Heating:DX:SingleSpeed", "Gross Rated Heating COP", "4.2"}, {"Coil:Cooling:DX:SingleSpeed", "Gross Rated Cooling COP", "3.6"}}},
		{name: "fan on/off", model: pthpIDF, template: "fan-efficiency", values: []string{"0.8"}, units: 1,
			want: []fieldWant{{"Fan:OnOff", "Fan Total Efficiency", "0.8"}, {"Fan:OnOff", "Motor Efficiency", "0.9"}}},
		{name: "fan constant volume", model: evapCoolerIDF, template: "fan-efficiency", values: []string{"0.65"}, units: 1,
			want: []fieldWant{{"Fan:ConstantVolume", "Fan Total Efficiency", "0.65"}}},
		{name: "heat recovery", model: testIDF, template: "heat-recovery", values: []string{"0.75"}, units: 4,
			want: []fieldWant{{"ZoneHVAC:IdealLoadsAirSystem", "Heat Recovery Type", "Sensible"}, {"ZoneHVAC:IdealLoadsAirSystem", "Sensible Heat Recovery Effectiveness", "0.75"}}},
		{name: "roof PV", model: uncontrolled, template: "roof-pv", values: []string{"12"}, units: 1, objects: 4, kW: 12,
			want: []fieldWant{{pvClass, "DC System Capacity", "12000"}, {pvClass, "Surface Name", "Zn001:Roof001"}, {pvClass, "Array Geometry Type", "Surface"},
				{"ElectricLoadCenter:Distribution", "Electrical Buss Type", "DirectCurrentWithInverter"},
				{"ElectricLoadCenter:Distribution", "Inverter Name", "EPSM PV inverter"},
				{"ElectricLoadCenter:Generators", "Generator 1 Name", "EPSM PV Zn001:Roof001"}}},
		// test.idf's roof is two 15° pitches, south (166°) and north-northwest (346°): the PV
		// goes on the south one only.
		{name: "roof PV on a pitched roof", model: testIDF, template: "roof-pv", values: []string{"20"}, units: 1, objects: 4, kW: 20,
			want: []fieldWant{{pvClass, "Surface Name", "Jttestensgatan_3_19_Floor4_Room1..Face6"}, {pvClass, "DC System Capacity", "20000"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := modelBase(t, c.model)
			ch, f := applyTemplate(t, b, c.template, c.values...)
			for _, w := range c.want {
				objects := f.All(w.class)
				if len(objects) == 0 {
					t.Fatalf("the edited model has no %s", w.class)
				}
				for _, o := range objects {
					if got := field(t, b, o, w.field); got != w.want {
						t.Errorf("%s %q: %s = %q, want %q", w.class, o.Field(0), w.field, got, w.want)
					}
				}
			}
			if c.units > 0 && ch.Units != c.units {
				t.Errorf("units %d, want %d", ch.Units, c.units)
			}
			if c.objects > 0 && len(ch.Objects) != c.objects {
				t.Errorf("%d objects added, want %d", len(ch.Objects), c.objects)
			}
			if c.kW > 0 && (ch.KW == nil || *ch.KW != c.kW) {
				t.Errorf("kW %v, want %g", ch.KW, c.kW)
			}
		})
	}
}

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	x, err := parseNumber(s)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func parseNumber(s string) (float64, error) {
	return (TemplateValue{Name: "number"}).number(s)
}

// The quantities costs are counted per: infiltration per m2 of the exterior envelope, roof PV
// per kW with the roof area it covers.
func TestTemplateQuantities(t *testing.T) {
	b := modelBase(t, uncontrolled)
	// The 1-zone example: four 15.24 x 4.572 m walls, a 15.24 m square roof, an adiabatic floor.
	walls, roof := 4*15.24*4.572, 15.24*15.24
	inf := modelBase(t, evapCoolerIDF)
	c, _ := applyTemplate(t, inf, "infiltration-ach", "0.3")
	envelope := inf.Takeoff.Wall.GrossM2 + inf.Takeoff.Roof.GrossM2 + inf.Takeoff.GroundFloor.GrossM2 + inf.Takeoff.ExposedFloor.GrossM2 + inf.Takeoff.GroundWall.GrossM2
	if c.AreaM2 == nil || math.Abs(*c.AreaM2-envelope) > 1e-9 || envelope <= 0 {
		t.Fatalf("infiltration area %v, want the envelope's %g m2", c.AreaM2, envelope)
	}
	pv, _ := applyTemplate(t, b, "roof-pv", "10")
	if pv.AreaM2 == nil || math.Abs(*pv.AreaM2-roof) > 0.01 {
		t.Fatalf("PV area %v, want the roof's %g m2", pv.AreaM2, roof)
	}
	if math.Abs(b.envelopeAreaM2()-(walls+roof)) > 0.01 {
		t.Fatalf("1-zone envelope %g m2, want walls + roof = %g (its floor is adiabatic)", b.envelopeAreaM2(), walls+roof)
	}
	a := applied(Measure{ID: "pv", Template: "roof-pv", Investment: ptrFloat(1200)}, "10", pv)
	if q, err := a.Quantity(); err != nil || q != 10 || a.Per != PerKW {
		t.Fatalf("PV costs per %s, quantity %g (%v); want per kW, 10", a.Per, q, err)
	}
}

func TestTemplatesThatDoNotApplySaySo(t *testing.T) {
	cases := []struct {
		model, template, missing string
	}{
		{uncontrolled, "infiltration-ach", "it has no ZoneInfiltration:DesignFlowRate"},
		{uncontrolled, "infiltration-flow-per-area", "it has no ZoneInfiltration:DesignFlowRate"},
		{uncontrolled, "heating-setpoint", "it has no ThermostatSetpoint:DualSetpoint and no ThermostatSetpoint:SingleHeating"},
		{uncontrolled, "cooling-setpoint", "it has no ThermostatSetpoint:DualSetpoint and no ThermostatSetpoint:SingleCooling"},
		{uncontrolled, "heat-pump-cop", "it has none of Coil:Heating:DX:SingleSpeed,"},
		{uncontrolled, "fan-efficiency", "it has none of Fan:ConstantVolume, Fan:VariableVolume, Fan:OnOff"},
		{uncontrolled, "heat-recovery", "it has no ZoneHVAC:IdealLoadsAirSystem"},
		{evapCoolerIDF, "cooling-setpoint", "no ThermostatSetpoint:SingleCooling"},
		{evapCoolerIDF, "heat-pump-cop", "it has none of"},
		{testIDF, "fan-efficiency", "it has none of Fan:"},
	}
	for _, c := range cases {
		t.Run(c.template+" on "+c.model, func(t *testing.T) {
			b := modelBase(t, c.model)
			tmpl, _ := templateByID(c.template)
			err := tmpl.applies(b)
			if !errors.Is(err, ErrTemplateDoesNotApply) || !strings.Contains(err.Error(), c.missing) {
				t.Fatalf("got %v, want does-not-apply naming %q", err, c.missing)
			}
			// A study using it is refused before any run, naming the measure.
			m := Measure{ID: "x", Template: c.template, Values: tmpl.Suggested[:1]}
			if err := b.Check(m); !errors.Is(err, ErrTemplateDoesNotApply) || !strings.Contains(err.Error(), `measure "x"`) {
				t.Fatalf("Check: %v", err)
			}
		})
	}
	t.Run("builder offers only what fits", func(t *testing.T) {
		fits := map[string]TemplateFit{}
		for _, f := range modelBase(t, uncontrolled).TemplateFits() {
			fits[f.ID] = f
		}
		if len(fits) != len(Templates()) {
			t.Fatalf("%d fits for %d templates", len(fits), len(Templates()))
		}
		for id, f := range fits {
			if f.Applies != (id == "roof-pv") {
				t.Errorf("%s: applies %v (%s); on the uncontrolled 1-zone model only roof PV fits", id, f.Applies, f.Reason)
			}
			if !f.Applies && !strings.Contains(f.Reason, "does not apply to this model: it has no") {
				t.Errorf("%s: reason %q", id, f.Reason)
			}
		}
		pthp := map[string]bool{}
		for _, f := range modelBase(t, pthpIDF).TemplateFits() {
			pthp[f.ID] = f.Applies
		}
		for _, id := range []string{"heating-setpoint", "cooling-setpoint", "heat-pump-cop", "fan-efficiency", "roof-pv"} {
			if !pthp[id] {
				t.Errorf("%s must fit the PTHP model", id)
			}
		}
	})
	t.Run("north-facing pitched roof", func(t *testing.T) {
		src, err := os.ReadFile(uncontrolled)
		if err != nil {
			t.Fatal(err)
		}
		// Raise the roof's south edge: it then slopes down to the north and faces north.
		flat := "0.000000,0.000000,4.572,  !- X,Y,Z ==> Vertex 2 {m}\n    15.24000,0.000000,4.572,  !- X,Y,Z ==> Vertex 3 {m}"
		pitched := "0.000000,0.000000,8.0,  !- X,Y,Z ==> Vertex 2 {m}\n    15.24000,0.000000,8.0,  !- X,Y,Z ==> Vertex 3 {m}"
		text := strings.Replace(strings.ReplaceAll(string(src), "\r\n", "\n"), flat, pitched, 1)
		if text == string(src) {
			t.Fatal("the roof's vertices were not found")
		}
		b, err := NewBase([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		tmpl, _ := templateByID("roof-pv")
		if err := tmpl.applies(b); !errors.Is(err, ErrTemplateDoesNotApply) || !strings.Contains(err.Error(), "all face north") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestTemplateValuesAreChecked(t *testing.T) {
	cases := []struct {
		model, template string
		values          []string
		want            string
	}{
		{testIDF, "heating-setpoint", []string{"210"}, "Heating setpoint: 210 °C is outside 5..30 °C"},
		{testIDF, "cooling-setpoint", []string{"warm"}, `Cooling setpoint: "warm" is not a number`},
		{testIDF, "infiltration-ach", []string{"-1"}, "-1"},
		{testIDF, "infiltration-flow-per-area", []string{"lots"}, "lots"},
		{pthpIDF, "fan-efficiency", []string{"1.2"}, "1.2"},
		{pthpIDF, "heat-pump-cop", []string{"4", "abc"}, `Cooling COP: "abc" is not a number`},
		{pthpIDF, "heat-pump-cop", []string{"40", "3"}, "Heating COP: 40 W/W is outside 1..10 W/W"},
		{pthpIDF, "heat-pump-cop", []string{"4"}, "template heat-pump-cop takes 2 value(s) (Heating COP, Cooling COP), got 1"},
		{uncontrolled, "roof-pv", []string{"100"}, "100 kW on 232 m2 of sunny roof is 431 W/m2; modules give at most about 250 W/m2, so at most 58.1 kW fit"},
		{uncontrolled, "roof-pv", []string{"0"}, "DC System Capacity"},
	}
	for _, c := range cases {
		t.Run(c.template+" "+strings.Join(c.values, ","), func(t *testing.T) {
			b := modelBase(t, c.model)
			err := b.Check(Measure{ID: "bad", Template: c.template, Values: []Option{{Values: c.values}}})
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), `measure "bad"`) {
				t.Fatalf("got %v, want an error naming the measure and containing %q", err, c.want)
			}
		})
	}
}

// Heating and cooling setpoints applied together, with every template's suggested options
// valid on a model it fits.
func TestSuggestedOptionsApply(t *testing.T) {
	models := map[string]*Base{}
	for _, p := range []string{testIDF, pthpIDF, uncontrolled} {
		models[p] = modelBase(t, p)
	}
	for _, tmpl := range Templates() {
		applied := false
		for p, b := range models {
			if tmpl.applies(b) != nil {
				continue
			}
			applied = true
			if err := b.Check(Measure{ID: "s", Template: tmpl.ID, Values: tmpl.Suggested}); err != nil {
				t.Errorf("%s on %s: %v", tmpl.ID, p, err)
			}
		}
		if !applied {
			t.Errorf("%s fits none of the test models", tmpl.ID)
		}
	}
}
