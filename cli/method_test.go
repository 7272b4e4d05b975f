package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/services/studysvc"
	"epsm/study"
)

// The Morris example as a user runs it (`epsm study examples/studies/apartment-block-morris.json
// --json`), with 2 trajectories instead of 8 to keep the test short: the whole design runs, and
// each objective's screening ranks the factors by what the model and the spec make them do.
func TestMorrisExampleScreensEveryFactorForEachObjective(t *testing.T) {
	requireEngine(t)
	dir := tempdir.New(t)
	spec, err := study.LoadSpec(abs(t, "../examples/studies/apartment-block-morris.json"))
	if err != nil {
		t.Fatal(err)
	}
	spec.Method.Trajectories = 2
	data, _ := json.Marshal(spec)
	path := filepath.Join(dir, "morris.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"study", path, "--data-dir", filepath.Join(dir, "data"), "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var out struct {
		Method *studysvc.MethodView `json:"method"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil || out.Method == nil {
		t.Fatalf("no method in the JSON (%v): %.500s", err, stdout.String())
	}
	m := out.Method
	if m.Kind != "morris" || m.Status != studysvc.MethodDone || len(m.Screening) != 2 {
		t.Fatalf("method %s %s with %d screenings", m.Kind, m.Status, len(m.Screening))
	}
	muStar := func(sc studysvc.Screening, factor string) float64 {
		for _, e := range sc.Effects {
			if e.Factor == factor {
				if e.MuStar == nil {
					t.Fatalf("%s: %s has no mu* (%d effects, %d dropped)", sc.Objective.ID, factor, e.Effects, e.Dropped)
				}
				return *e.MuStar
			}
		}
		t.Fatalf("%s: no factor %s in %+v", sc.Objective.ID, factor, sc.Effects)
		return 0
	}
	energy, embodied := m.Screening[0], m.Screening[1]
	if energy.Missing != 0 || embodied.Missing != 0 {
		t.Fatalf("points without a value: %d (%s), %d (%s)", energy.Missing, energy.Why, embodied.Missing, embodied.Why)
	}
	// Heat recovery and infiltration change the heating the ideal loads deliver.
	for _, f := range []string{"Heat recovery", "Infiltration", "Glazing U-factor"} {
		if muStar(energy, f) <= 0 {
			t.Errorf("%s does not move the primary energy number", f)
		}
	}
	// The measures are continuous, so every variant applies them with the same carbon: only
	// the roof and floor constructions, kept or not, move the embodied carbon.
	for _, f := range []string{"Infiltration", "Heat recovery", "Glazing U-factor"} {
		if v := muStar(embodied, f); v != 0 {
			t.Errorf("embodied mu* of %s is %g; an always-applied measure's carbon does not vary", f, v)
		}
	}
	if r, f := muStar(embodied, "roof"), muStar(embodied, "floor"); r <= 0 || f <= 0 {
		t.Errorf("embodied mu*: roof %g, floor %g, want > 0", r, f)
	}
	if !strings.HasPrefix(energy.Summary, "Matters most: "+energy.Effects[0].Factor) {
		t.Errorf("the summary %q should name the top factor %s first", energy.Summary, energy.Effects[0].Factor)
	}
}

// An NSGA-II spec on the CLI: the optimiser's generations run and the front after each is printed.
func TestNSGA2SpecPrintsItsFrontPerGeneration(t *testing.T) {
	requireEngine(t)
	dir := tempdir.New(t)
	spec := `{"name": "cli nsga2", "model": "` + filepath.ToSlash(abs(t, "../examples/1ZoneUncontrolled.idf")) + `",
	  "weather": ["` + filepath.ToSlash(abs(t, "../examples/USA_CO_Golden-NREL.724666_TMY3.epw")) + `"],
	  "options": {"roof": ["keep", "flat_roof_concrete_pir120"]},
	  "measures": [{"id": "lights", "name": "Exterior lights", "fields": [{"class": "Exterior:Lights", "field": "Design Level"}],
	    "values": [1000, 2500], "per": "fixed", "investment": 0, "gwpKgCO2e": 0, "lifeYears": 15}],
	  "method": {"kind": "nsga2", "objectives": ["siteEnergyKWh", "embodiedKgCO2e"], "population": 4, "generations": 2, "seed": 2}}`
	path := filepath.Join(dir, "spec.json")
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	var count, stdout, stderr bytes.Buffer
	if Main([]string{"study", path, "--count"}, &count, &stderr) != 0 || !strings.Contains(count.String(), "8 variants") {
		t.Fatalf("--count: %s %s", count.String(), stderr.String())
	}
	if code := Main([]string{"study", path, "--data-dir", filepath.Join(dir, "data")}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"NSGA-II: 2 of 2 generations", "front after generation 1: ", "front after generation 2: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
