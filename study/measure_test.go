package study

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"epsm/idf"
)

func TestMeasureOptionsReadEveryJSONForm(t *testing.T) {
	var m Measure
	err := json.Unmarshal([]byte(`{"id": "cop", "fields": [{"class": "c", "field": "a"}, {"class": "c", "field": "b"}],
		"values": [[3.5, 3.0], {"value": [4, 3.5], "label": "best", "investment": 1200, "lifeYears": 18}, {"values": ["5", "4"]}]}`), &m)
	if err != nil {
		t.Fatal(err)
	}
	got := m.choices()
	want := []string{Keep, "3.5,3", "4,3.5", "5,4"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("choices %q, want %q", got, want)
	}
	o, ok := m.option("4,3.5")
	if !ok || o.Label != "best" || *o.Investment != 1200 || *o.LifeYears != 18 {
		t.Fatalf("option with costs: %+v", o)
	}
	var single Measure
	if err := json.Unmarshal([]byte(`{"id": "hr", "template": "heat-recovery", "values": [0.80, "0.8", 0.85]}`), &single); err != nil {
		t.Fatal(err)
	}
	if got := single.choices(); strings.Join(got, "|") != "keep|0.8|0.85" {
		t.Fatalf("0.80 and 0.8 are one option: %q", got)
	}
	var bad Measure
	if err := json.Unmarshal([]byte(`{"id": "x", "values": [{"value": 1, "cost": 3}]}`), &bad); err == nil || !strings.Contains(err.Error(), `unknown field "cost"`) {
		t.Fatalf("a misspelt option field must be an error, got %v", err)
	}
}

func TestMeasureShapeErrorsNameTheMeasure(t *testing.T) {
	ref := []FieldRef{{Class: "ZoneInfiltration:DesignFlowRate", Field: "Air Changes per Hour"}}
	cases := []struct {
		name string
		m    Measure
		want string
	}{
		{"bad id", Measure{ID: "a b", Fields: ref, Values: []Option{{Values: []string{"1"}}}}, `measure id "a b"`},
		{"element id", Measure{ID: "wall", Fields: ref, Values: []Option{{Values: []string{"1"}}}}, "element name"},
		{"no values", Measure{ID: "ach", Fields: ref}, "exactly one of values"},
		{"two kinds", Measure{ID: "ach", Fields: ref, Values: []Option{{Values: []string{"1"}}}, Range: &Range{0, 1, 0.1}}, "exactly one of values"},
		{"width", Measure{ID: "ach", Fields: ref, Values: []Option{{Values: []string{"1", "2"}}}}, "option 1 has 2 value(s); the measure sets 1 field(s)"},
		{"separator", Measure{ID: "ach", Fields: ref, Values: []Option{{Values: []string{"1;2"}}}}, "IDF separator"},
		{"range", Measure{ID: "ach", Fields: ref, Range: &Range{1, 0, 0.1}}, "from <= to and a step > 0"},
		{"range size", Measure{ID: "ach", Fields: ref, Range: &Range{0, 1, 1e-6}}, "at most 1000"},
		{"bounds", Measure{ID: "ach", Fields: ref, Continuous: &Bounds{1, 1}}, "min < max"},
		{"template", Measure{ID: "t", Template: "solar-sail", Values: []Option{{Values: []string{"1"}}}}, `unknown template "solar-sail"`},
		{"regexp", Measure{ID: "r", Fields: []FieldRef{{Class: "Zone", Name: "/(/", Field: "x"}}, Values: []Option{{Values: []string{"1"}}}}, "not a valid regular expression"},
		{"per", Measure{ID: "p", Fields: ref, Per: "m3", Values: []Option{{Values: []string{"1"}}}}, `per "m3"`},
		{"life", Measure{ID: "p", Fields: ref, LifeYears: ptrFloat(0), Values: []Option{{Values: []string{"1"}}}}, "lifeYears must be > 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Spec{Measures: []Measure{c.m}}.Validate()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
	t.Run("continuous factorial", func(t *testing.T) {
		err := Spec{Measures: []Measure{{ID: "ach", Fields: ref, Continuous: &Bounds{0.1, 1}}}}.Validate()
		if err == nil || !strings.Contains(err.Error(), `measure "ach" is continuous`) {
			t.Fatal(err)
		}
	})
	t.Run("duplicate id", func(t *testing.T) {
		m := Measure{ID: "ach", Fields: ref, Values: []Option{{Values: []string{"1"}}}}
		err := Spec{Measures: []Measure{m, m}}.Validate()
		if err == nil || !strings.Contains(err.Error(), "used twice") {
			t.Fatal(err)
		}
	})
}

func TestMeasuresMultiplyTheFactorialAndKeepOldIDs(t *testing.T) {
	envelope := Spec{Options: map[string][]string{"wall": {"keep", "w1"}, "roof": {"keep", "r1"}}}
	old, err := envelope.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := envelope
	s.Measures = []Measure{
		{ID: "ach", Fields: []FieldRef{{Class: "ZoneInfiltration:DesignFlowRate", Field: "Air Changes per Hour"}}, Range: &Range{From: 0.1, To: 0.3, Step: 0.1}},
		{ID: "hr", Template: "heat-recovery", Values: []Option{{Values: []string{"0.8"}}}, Keep: new(false)},
	}
	// (2 x 2) walls and roofs x (keep + 3 ACH) x (0.8 only) = 16; no combination keeps all.
	if got := s.Count(); got != 16 {
		t.Fatalf("count %d, want 16", got)
	}
	vs, err := s.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 17 {
		t.Fatalf("%d variants, want baseline + 16", len(vs))
	}
	if got := s.measure("ach").choices(); strings.Join(got, "|") != "keep|0.1|0.2|0.3" {
		t.Fatalf("a range's sums are written cleanly: %q", got)
	}
	// With every measure kept, a construction variant keeps the id it had without measures.
	s.Measures[1].Keep = nil
	vs, _ = s.Variants(idResolver, nil)
	ids := map[string]Variant{}
	for _, v := range vs {
		ids[v.ID] = v
	}
	for _, v := range old {
		if _, ok := ids[v.ID]; !ok {
			t.Fatalf("variant %q lost its id %s when measures were added", v.Name, v.ID)
		}
	}
	for _, v := range vs {
		if v.Measures["hr"] == "0.8" && v.Measures["ach"] == "0.2" && v.Choices["wall"] == "w1" && v.Choices["roof"] == Keep {
			if v.Name != "Wall: w1 | Air Changes per Hour: 0.2 | Ventilation heat recovery: 0.8" {
				t.Fatalf("name %q", v.Name)
			}
			return
		}
	}
	t.Fatal("the factorial lacks wall w1 + ACH 0.2 + HR 0.8")
}

func TestListPackagesNameMeasures(t *testing.T) {
	s := Spec{
		Measures: []Measure{{ID: "hr", Template: "heat-recovery", Values: []Option{{Values: []string{"0.7"}}, {Values: []string{"0.85"}}}}},
		Sampling: Sampling{Mode: List, Packages: []map[string]string{{"hr": "0.850"}, {"wall": "w1", "hr": "keep"}}},
	}
	vs, err := s.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 3 || vs[1].Measures["hr"] != "0.85" || vs[2].Measures["hr"] != Keep {
		t.Fatalf("%+v", vs)
	}
	s.Sampling.Packages = []map[string]string{{"hr": "0.9"}}
	if _, err := s.Variants(idResolver, nil); err == nil || !strings.Contains(err.Error(), `package 1: measure "hr": "0.9" is not one of its options (keep | 0.7 | 0.85)`) {
		t.Fatalf("got %v", err)
	}
	s.Sampling.Packages = []map[string]string{{"hrr": "0.7"}}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), `unknown element or measure "hrr"`) {
		t.Fatalf("got %v", err)
	}
}

func TestContinuousMeasuresAreSampledWithinTheirBounds(t *testing.T) {
	for _, mode := range []string{LHS, Sobol} {
		t.Run(mode, func(t *testing.T) {
			s := Spec{
				Options:  map[string][]string{"wall": {"keep", "w1"}},
				Measures: []Measure{{ID: "ach", Fields: []FieldRef{{Class: "ZoneInfiltration:DesignFlowRate", Field: "Air Changes per Hour"}}, Continuous: &Bounds{Min: 0.1, Max: 0.6}}},
				Sampling: Sampling{Mode: mode, N: 20, Seed: 3},
			}
			if s.Count() != 20 {
				t.Fatalf("count %d", s.Count())
			}
			vs, err := s.Variants(idResolver, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(vs) != 21 {
				t.Fatalf("%d variants, want 20 + baseline", len(vs))
			}
			below, above := 0, 0
			for _, v := range vs[1:] {
				x, err := strconv.ParseFloat(v.Measures["ach"], 64)
				if err != nil || x < 0.1 || x > 0.6 {
					t.Fatalf("sampled %q outside 0.1..0.6", v.Measures["ach"])
				}
				if x < 0.35 {
					below++
				} else {
					above++
				}
			}
			// Both samplers are stratified: the halves of the interval get half the points each.
			if below != 10 || above != 10 {
				t.Fatalf("%d below and %d above the middle; a stratified sample splits 10/10", below, above)
			}
			again, _ := s.Variants(idResolver, nil)
			for i := range vs {
				if vs[i].ID != again[i].ID {
					t.Fatal("the same seed must give the same variants")
				}
			}
		})
	}
}

func readTestBase(t *testing.T) *Base {
	t.Helper()
	src, err := os.ReadFile(testIDF)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBase(src)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestModelChecksNameTheMissingPart(t *testing.T) {
	b := readTestBase(t)
	cases := []struct {
		name string
		m    Measure
		want string
	}{
		{"class typo", Measure{ID: "hr", Fields: []FieldRef{{Class: "ZoneHVAC:IdealLoadAirSystem", Field: "Sensible Heat Recovery Effectiveness"}}, Values: []Option{{Values: []string{"0.8"}}}},
			`no class "ZoneHVAC:IdealLoadAirSystem"; did you mean ZoneHVAC:IdealLoadsAirSystem`},
		{"field typo", Measure{ID: "hr", Fields: []FieldRef{{Class: "ZoneHVAC:IdealLoadsAirSystem", Field: "Sensible Heat Recovery Efectiveness"}}, Values: []Option{{Values: []string{"0.8"}}}},
			`has no field "Sensible Heat Recovery Efectiveness"; did you mean "Sensible Heat Recovery Effectiveness"`},
		{"no objects", Measure{ID: "fan", Fields: []FieldRef{{Class: "Fan:VariableVolume", Field: "Fan Total Efficiency"}}, Values: []Option{{Values: []string{"0.7"}}}},
			"the model has no Fan:VariableVolume objects"},
		{"no name match", Measure{ID: "inf", Fields: []FieldRef{{Class: "ZoneInfiltration:DesignFlowRate", Name: "Attic infiltration", Field: "Flow Rate per Exterior Surface Area"}}, Values: []Option{{Values: []string{"0.0003"}}}},
			`no ZoneInfiltration:DesignFlowRate is named Attic infiltration (the model has "Infiltration_3e8d8373")`},
		{"out of bounds", Measure{ID: "hr", Fields: []FieldRef{{Class: "ZoneHVAC:IdealLoadsAirSystem", Field: "Sensible Heat Recovery Effectiveness"}}, Values: []Option{{Values: []string{"1.2"}}}},
			"1.2"},
		{"continuous bounds", Measure{ID: "hr", Fields: []FieldRef{{Class: "ZoneHVAC:IdealLoadsAirSystem", Field: "Sensible Heat Recovery Effectiveness"}}, Continuous: &Bounds{0.5, 1.5}},
			"1.5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := b.Check(c.m)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), `measure "`+c.m.ID+`"`) {
				t.Fatalf("got %v, want an error naming the measure and containing %q", err, c.want)
			}
		})
	}
}

func TestBuildAppliesFieldMeasuresAndTemplates(t *testing.T) {
	b := readTestBase(t)
	lib := testLibrary(t)
	s := Spec{
		Options: map[string][]string{"roof": {"keep", "flat_roof_concrete_pir120"}},
		Measures: []Measure{
			{ID: "hr", Template: "heat-recovery", Values: []Option{{Values: []string{"0.8"}, Investment: ptrFloat(25000), LifeYears: ptrFloat(20)}}},
			{ID: "inf", Fields: []FieldRef{{Class: "ZoneInfiltration:DesignFlowRate", Name: "/^infiltration_/", Field: "Flow Rate per Exterior Surface Area {m3/s-m2}"}},
				Values: []Option{{Values: []string{"0.0002"}}}, Per: PerFixed, Investment: ptrFloat(40000)},
		},
		Sampling: Sampling{Mode: List, Packages: []map[string]string{{"roof": "flat_roof_concrete_pir120", "hr": "0.8", "inf": "0.0002"}}},
	}
	for _, m := range s.Measures {
		if err := b.Check(m); err != nil {
			t.Fatal(err)
		}
	}
	vs, err := s.Variants(func(_, o string) (string, error) { return o, nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	built, err := s.Build(b, lib, vs[1])
	if err != nil {
		t.Fatal(err)
	}
	f, err := idf.Parse(built.Text)
	if err != nil {
		t.Fatal(err)
	}
	ideal := f.All("ZoneHVAC:IdealLoadsAirSystem")
	if len(ideal) != 4 {
		t.Fatalf("%d ideal loads systems", len(ideal))
	}
	for _, o := range ideal {
		if o.Field(24) != "Sensible" || o.Field(25) != "0.8" {
			t.Fatalf("%s: heat recovery %q at %q, want Sensible at 0.8", o.Field(0), o.Field(24), o.Field(25))
		}
	}
	if inf, _ := f.First("ZoneInfiltration:DesignFlowRate"); inf.Field(6) != "0.0002" {
		t.Fatalf("infiltration per exterior area %q, want 0.0002", inf.Field(6))
	}
	if len(built.Measures) != 2 || built.Measures[0].Units != 4 || built.Measures[1].Units != 1 {
		t.Fatalf("applied %+v", built.Measures)
	}
	if q, err := built.Measures[0].Quantity(); err != nil || q != 4 || *built.Measures[0].Investment != 25000 || *built.Measures[0].LifeYears != 20 {
		t.Fatalf("heat recovery: quantity %g (%v), costs %+v", q, err, built.Measures[0])
	}
	if q, _ := built.Measures[1].Quantity(); q != 1 {
		t.Fatalf("a fixed cost counts once, got %g", q)
	}
	// The base model's other bytes are untouched, and the user's file is never written.
	if !strings.Contains(string(built.Text), "Flr1_Jttestensgatan_3_19_Floor2_Room1 Ideal Loads Air System,  !- Name") {
		t.Fatal("comments and names of the base model must survive")
	}
	out := filepath.Join(t.TempDir(), "v.idf")
	if err := os.WriteFile(out, built.Text, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAMeasureAndAConstructionCannotSetOneField(t *testing.T) {
	b := readTestBase(t)
	lib := testLibrary(t)
	roof := b.Takeoff.ExteriorSurfaces("roof")[0]
	s := Spec{
		Options:  map[string][]string{"roof": {"flat_roof_concrete_pir120"}},
		Measures: []Measure{{ID: "c", Fields: []FieldRef{{Class: roof.Class, Name: roof.Name, Field: "Construction Name"}}, Values: []Option{{Values: []string{"Other"}}}, Keep: new(false)}},
	}
	vs, err := s.Variants(func(_, o string) (string, error) { return o, nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Build(b, lib, vs[1]); err == nil || !strings.Contains(err.Error(), `measure "c" and the roof construction both set`) {
		t.Fatalf("got %v", err)
	}
}

func TestListCountDropsRepeatsAndTheBaseline(t *testing.T) {
	s := Spec{
		Measures: []Measure{{ID: "hr", Template: "heat-recovery", Values: []Option{{Values: []string{"0.8"}}}}},
		Sampling: Sampling{Mode: List, Packages: []map[string]string{
			{"wall": "w1"}, {"wall": " W1 "}, {"wall": "keep", "hr": "keep"}, {"hr": "0.80"}, {"hr": "0.8", "roof": ""},
		}},
	}
	// The library matches names ignoring letter case.
	vs, err := s.Variants(func(_, o string) (string, error) { return strings.ToLower(o), nil }, nil)
	if err != nil {
		t.Fatal(err)
	}
	// w1 written twice, the all-keep package, and 0.80 = 0.8: two variants.
	if got := s.Count(); got != 2 || len(vs) != 3 {
		t.Fatalf("count %d and %d variants besides the baseline, want 2 and 2", got, len(vs)-1)
	}
}

func TestLatinHypercubeCountIsTheNumberMade(t *testing.T) {
	for seed := int64(0); seed < 20; seed++ {
		s := Spec{Options: map[string][]string{"wall": {"keep", "a", "b"}, "roof": {"keep", "c"}},
			Measures: []Measure{{ID: "hr", Template: "heat-recovery", Values: []Option{{Values: []string{"0.8"}}}}},
			Sampling: Sampling{Mode: LHS, N: 5, Seed: seed}}
		vs, err := s.Variants(idResolver, nil)
		if err != nil {
			t.Fatal(err)
		}
		if s.Count() != len(vs)-1 {
			t.Fatalf("seed %d: count %d, made %d", seed, s.Count(), len(vs)-1)
		}
	}
}
