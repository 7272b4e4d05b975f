package app

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"epsm/events"
	"epsm/internal/tempdir"
	"epsm/services/studysvc"
	"epsm/study"
)

// methodEvents hands the study:method events to a test, which waits on them.
func methodEvents() (events.Emitter, chan studysvc.MethodProgress) {
	ch := make(chan studysvc.MethodProgress, 256)
	return events.EmitterFunc(func(name events.Name, payload any) {
		if p, ok := payload.(studysvc.MethodProgress); ok && name == events.StudyMethod {
			ch <- p
		}
	}), ch
}

// waitMethod waits until a progress event satisfies done.
func waitMethod(t *testing.T, ch chan studysvc.MethodProgress, done func(studysvc.MethodProgress) bool) studysvc.MethodProgress {
	t.Helper()
	timeout := time.After(5 * time.Minute)
	for {
		select {
		case p := <-ch:
			if p.Status == studysvc.MethodFailed {
				t.Fatalf("the method failed: %s", p.Message)
			}
			if done(p) {
				return p
			}
		case <-timeout:
			t.Fatal("the method did not get there in 5 minutes")
		}
	}
}

// exteriorLights is a measure with a known effect on the 1-zone example: its exterior lights
// are electricity the building meters whatever the envelope does (the zone is uncontrolled,
// so walls and roofs change no energy at all).
func exteriorLights(values ...string) study.Measure {
	zero, life := 0.0, 15.0 // a control setting: no material, no cost
	m := study.Measure{ID: "extlights", Name: "Exterior lights", Fields: []study.FieldRef{{Class: "Exterior:Lights", Field: "Design Level"}},
		Per: study.PerFixed, GWP: &zero, Investment: &zero, LifeYears: &life}
	for _, v := range values {
		m.Values = append(m.Values, study.Option{Values: []string{v}})
	}
	return m
}

// openMethodApp opens the window's app (drivers running) on a fresh data folder, and hands the
// study:method events to the test.
func openMethodApp(t *testing.T) (*App, chan studysvc.MethodProgress) {
	engine := testEngine(t)
	emit, ch := methodEvents()
	return openWith(t, Config{DataDir: filepath.Join(tempdir.New(t), "data"), Workers: 2, Resident: true, Emitter: emit}, &engine), ch
}

// continuousLights is the exterior lights measure over 1000..4000 W.
func continuousLights() study.Measure {
	lights := exteriorLights()
	lights.Values, lights.Continuous = nil, &study.Bounds{Min: 1000, Max: 4000}
	return lights
}

// wallInsulation is a thicker insulation layer as a measure on the wall material's thermal
// resistance, with its carbon per option (the default library's walls lack GWP figures).
func wallInsulation() study.Measure {
	gwp, cost, life := 900.0, 0.0, 40.0
	return study.Measure{ID: "wallR", Name: "Wall insulation", Per: study.PerFixed,
		Fields: []study.FieldRef{{Class: "Material:NoMass", Name: "R13LAYER", Field: "Thermal Resistance"}},
		Values: []study.Option{{Values: []string{"4.5"}, GWP: &gwp, Investment: &cost, LifeYears: &life}}}
}

func TestNSGA2StudyRunsGenerationsSurvivesARestartAndNeverRunsAVariantTwice(t *testing.T) {
	engine := testEngine(t)
	data := filepath.Join(tempdir.New(t), "data")
	emit, ch := methodEvents()
	c := openWith(t, Config{DataDir: data, Workers: 2, Resident: true, Emitter: emit}, &engine)
	spec := study.Spec{Name: "nsga2 study", Model: "../examples/1ZoneUncontrolled.idf",
		Weather:  []string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"},
		Options:  map[string][]string{"roof": {"keep", "flat_roof_concrete_pir120"}},
		Measures: []study.Measure{exteriorLights("1000", "2500"), wallInsulation()},
		Method:   &study.Method{Kind: study.MethodNSGA2, Objectives: []string{"siteEnergyKWh", "embodiedKgCO2e"}, Population: 6, Generations: 3, Seed: 7},
	}
	abs(t, &spec)
	info, err := c.StudiesService.CreateStudyOn(spec, "")
	if err != nil {
		t.Fatal(err)
	}
	waitMethod(t, ch, func(p studysvc.MethodProgress) bool { return p.Generation >= 1 })
	// Closed in the middle of the second generation, as a user quitting the app would.
	c.Close()
	c = openWith(t, Config{DataDir: data, Workers: 2, Resident: true, Emitter: emit}, &engine)
	defer c.Close()
	waitMethod(t, ch, func(p studysvc.MethodProgress) bool { return p.Status == studysvc.MethodDone })
	view, err := c.Studies.Method(info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	if view.Generation != 3 || len(view.Fronts) != 3 {
		t.Fatalf("generation %d with %d fronts, want 3 and 3", view.Generation, len(view.Fronts))
	}
	table, err := c.Studies.Table(info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	// One row per distinct variant (one weather file): nothing was simulated twice.
	seen := map[string]bool{}
	for _, r := range table.Rows {
		if seen[r.Key] {
			t.Fatalf("variant %s has two rows", r.Key)
		}
		seen[r.Key] = true
		if !r.Status.Succeeded() {
			t.Fatalf("%s %s: %s", r.Label, r.Status, r.Message)
		}
	}
	if len(table.Rows) > 1+6*3 {
		t.Fatalf("%d rows: more than the baseline and 3 generations of 6", len(table.Rows))
	}
	// The last front is non-dominated among everything evaluated, on the figures the table shows.
	type point struct{ energy, embodied float64 }
	byLabel := map[string]point{}
	for _, r := range table.Rows {
		byLabel[r.Label] = point{r.Results.TotalSiteKWh, r.LCA.EmbodiedKgCO2e.Value}
	}
	last := view.Fronts[len(view.Fronts)-1]
	if len(last) == 0 {
		t.Fatal("an empty final front")
	}
	for _, l := range last {
		p := byLabel[l]
		for other, q := range byLabel {
			if q.energy <= p.energy && q.embodied <= p.embodied && (q.energy < p.energy-1e-6 || q.embodied < p.embodied-1e-6) {
				t.Errorf("front member %s (%.1f kWh, %.1f kg) is dominated by %s (%.1f kWh, %.1f kg)", l, p.energy, p.embodied, other, q.energy, q.embodied)
			}
		}
	}
	// Elitism keeps every non-dominated variant found: the final front is exactly the
	// non-dominated set of all variants the optimiser evaluated (the baseline is not one).
	var want []string
	for l, p := range byLabel {
		dominated := false
		for other, q := range byLabel {
			if other != "B" && q.energy <= p.energy && q.embodied <= p.embodied && (q.energy < p.energy-1e-6 || q.embodied < p.embodied-1e-6) {
				dominated = true
			}
		}
		if l != "B" && !dominated {
			want = append(want, l)
		}
	}
	sort.Strings(want)
	got := slices.Clone(last)
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("final front %v, want the non-dominated variants %v", got, want)
	}
	// The export marks the final front and says which generation asked for each variant.
	out := filepath.Join(tempdir.New(t), "front.csv")
	if err := c.Studies.ExportResults(info.Study.ID, out, ""); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(records[0], "On the NSGA-II final front")
	gen := slices.Index(records[0], "NSGA-II generation")
	if col < 0 || gen < 0 {
		t.Fatalf("no front or generation column in %v", records[0])
	}
	keyLabel := map[string]string{}
	for _, r := range table.Rows {
		keyLabel[r.Key] = r.Label
	}
	var exported []string
	for _, rec := range records[1:] {
		label := keyLabel[rec[0]]
		if rec[col] == "true" {
			exported = append(exported, label)
		}
		if want := strconv.Itoa(view.GenerationOf[label]); rec[gen] != want {
			t.Errorf("%s: generation %q, want %s", label, rec[gen], want)
		}
	}
	sort.Strings(exported)
	if !slices.Equal(exported, want) {
		t.Errorf("exported front %v, want %v", exported, want)
	}
}

func TestMorrisScreeningRanksTheMeasureThatChangesEnergy(t *testing.T) {
	c, ch := openMethodApp(t)
	defer c.Close()
	lights := continuousLights()
	spec := study.Spec{Name: "morris study", Model: "../examples/1ZoneUncontrolled.idf",
		Weather:  []string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"},
		Options:  map[string][]string{"roof": {"keep", "flat_roof_concrete_pir120"}},
		Measures: []study.Measure{lights, wallInsulation()},
		Method:   &study.Method{Kind: study.MethodMorris, Objectives: []string{"siteEnergyKWh", "embodiedKgCO2e"}, Trajectories: 4, Seed: 3},
	}
	abs(t, &spec)
	info, err := c.StudiesService.CreateStudyOn(spec, "")
	if err != nil {
		t.Fatal(err)
	}
	waitMethod(t, ch, func(p studysvc.MethodProgress) bool { return p.Status == studysvc.MethodDone })
	view, err := c.Studies.Method(info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(view.Screening) != 2 {
		t.Fatalf("%d screenings, want one per objective", len(view.Screening))
	}
	energy, embodied := view.Screening[0], view.Screening[1]
	if energy.Missing != 0 || len(energy.Effects) != 3 {
		t.Fatalf("energy screening: %+v", energy)
	}
	// Exterior lights are the only factor that changes energy in an uncontrolled zone: they
	// rank first, and the constructions have no effect at all.
	if energy.Effects[0].Factor != "Exterior lights" || energy.Effects[0].MuStar == nil || *energy.Effects[0].MuStar <= 0 {
		t.Fatalf("energy ranking %+v", energy.Effects)
	}
	for _, e := range energy.Effects[1:] {
		if e.MuStar == nil || math.Abs(*e.MuStar) > 1e-6**energy.Effects[0].MuStar {
			t.Errorf("%s moves energy by mu* %v; it cannot in an uncontrolled zone", e.Factor, e.MuStar)
		}
	}
	if !strings.HasPrefix(energy.Summary, "Matters most: Exterior lights") {
		t.Errorf("summary %q", energy.Summary)
	}
	// Embodied carbon: the lights add none, the wall and roof do.
	names := []string{}
	for _, e := range embodied.Effects {
		if e.MuStar != nil && *e.MuStar > 0 {
			names = append(names, e.Factor)
		}
	}
	sort.Strings(names)
	if strings.Join(names, ",") != "Wall insulation,roof" {
		t.Errorf("factors with an embodied-carbon effect: %v, want the wall insulation and the roof", names)
	}
	// The screening's effect of the lights is the energy of the extra watts: a linear output
	// has the same elementary effect everywhere, so sigma is ~0 and mu* is the range's energy.
	if s := energy.Effects[0].Sigma; s == nil || *s > 0.01**energy.Effects[0].MuStar {
		t.Errorf("sigma %v for a linear factor", s)
	}
}

// abs makes a spec's paths absolute, as the window sends them.
func abs(t *testing.T, spec *study.Spec) {
	t.Helper()
	p, err := filepath.Abs(spec.Model)
	if err != nil {
		t.Fatal(err)
	}
	spec.Model = p
	for i, w := range spec.Weather {
		if spec.Weather[i], err = filepath.Abs(w); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSobolIndicesGiveTheWholeVarianceToTheOnlyFactorThatMatters(t *testing.T) {
	c, ch := openMethodApp(t)
	defer c.Close()
	lights := continuousLights()
	spec := study.Spec{Name: "sobol study", Model: "../examples/1ZoneUncontrolled.idf",
		Weather:  []string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"},
		Options:  map[string][]string{"roof": {"keep", "flat_roof_concrete_pir120"}},
		Measures: []study.Measure{lights},
		Method:   &study.Method{Kind: study.MethodSobolIndices, Objectives: []string{"siteEnergyKWh"}, Samples: 8, Seed: 2},
	}
	abs(t, &spec)
	if spec.Count() != 8*(2+2) {
		t.Fatalf("budget %d, want N(k+2) = 32", spec.Count())
	}
	info, err := c.StudiesService.CreateStudyOn(spec, "")
	if err != nil {
		t.Fatal(err)
	}
	waitMethod(t, ch, func(p studysvc.MethodProgress) bool { return p.Status == studysvc.MethodDone })
	view, err := c.Studies.Method(info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(view.Indices) != 1 || view.Indices[0].Missing != 0 || len(view.Indices[0].Indices) != 2 {
		t.Fatalf("indices %+v", view.Indices)
	}
	x := view.Indices[0]
	// Only the exterior lights change energy in an uncontrolled zone: the other factors'
	// indices are exactly 0 (their runs give the same energy), and the lights take the variance.
	top := x.Indices[0]
	if top.Factor != "Exterior lights" || top.ST == nil || *top.ST < 0.5 {
		for _, i := range x.Indices {
			t.Logf("%s: S1 %v ST %v", i.Factor, deref(i.S1), deref(i.ST))
		}
		t.Fatal("the lights must rank first with most of the variance")
	}
	for _, i := range x.Indices[1:] {
		if i.S1 == nil || i.ST == nil || *i.S1 != 0 || *i.ST != 0 {
			t.Errorf("%s: S1 %v ST %v, want exactly 0", i.Factor, i.S1, i.ST)
		}
	}
	if !strings.Contains(x.Summary, "Exterior lights") {
		t.Errorf("summary %q", x.Summary)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestCancellingAMethodsRunsStopsItAndContinueGoesOn(t *testing.T) {
	engine := testEngine(t)
	emit, ch := methodEvents()
	c := openWith(t, Config{DataDir: filepath.Join(tempdir.New(t), "data"), Workers: 1, Resident: true, Emitter: emit}, &engine)
	defer c.Close()
	spec := study.Spec{Name: "stopped nsga2", Model: "../examples/1ZoneUncontrolled.idf",
		Weather:  []string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"},
		Options:  map[string][]string{"roof": {"keep", "flat_roof_concrete_pir120"}},
		Measures: []study.Measure{exteriorLights("1000", "2500")},
		Method:   &study.Method{Kind: study.MethodNSGA2, Objectives: []string{"siteEnergyKWh", "embodiedKgCO2e"}, Population: 4, Generations: 2, Seed: 3},
	}
	abs(t, &spec)
	info, err := c.StudiesService.CreateStudyOn(spec, "")
	if err != nil {
		t.Fatal(err)
	}
	if n := c.Queue.CancelBatch(info.Study.BatchID); n == 0 {
		t.Fatal("nothing to cancel")
	}
	stopped := waitMethod(t, ch, func(p studysvc.MethodProgress) bool { return p.Status == studysvc.MethodStopped })
	if stopped.Generation != 0 || !strings.Contains(stopped.Message, "cancelled") {
		t.Fatalf("stopped at generation %d: %q", stopped.Generation, stopped.Message)
	}
	if err := c.StudiesService.ContinueStudyMethod(info.Study.ID); err != nil {
		t.Fatal(err)
	}
	waitMethod(t, ch, func(p studysvc.MethodProgress) bool { return p.Status == studysvc.MethodDone })
	table, err := c.Studies.Table(info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range table.Rows {
		if !r.Status.Succeeded() {
			t.Errorf("%s %s after continuing", r.Label, r.Status)
		}
	}
}
