package studysvc

import (
	"math"
	"strings"
	"testing"

	"epsm/lca"
	"epsm/sim"
	"epsm/study"
)

// row is a variant's row with one weather file: its site energy and life-cycle cost.
func row(weather string, kwh, lcc float64, status sim.Status) VariantResult {
	return VariantResult{Label: "V1", Name: "Wall: ETICS", WeatherName: weather, Status: status,
		Results: &sim.Results{TotalSiteKWh: kwh}, LCA: &lca.Result{LifeCycleCost: lca.Known(lcc)}}
}

func TestEvaluateAggregatesWeathersAndCountsConstraints(t *testing.T) {
	two := []VariantResult{row("Stockholm", 100, 50, sim.StatusSucceeded), row("Kiruna", 300, 70, sim.StatusSucceeded)}
	cases := []struct {
		name      string
		rows      []VariantResult
		method    study.Method
		objective []float64
		violation float64
	}{
		{"the mean over the weather files", two, study.Method{Objectives: []string{"siteEnergyKWh", "lifeCycleCost"}, Weather: study.WeatherMean},
			[]float64{200, 60}, 0},
		{"the worst of them, robust to the climate", two, study.Method{Objectives: []string{"siteEnergyKWh", "lifeCycleCost"}, Weather: study.WeatherWorst},
			[]float64{300, 70}, 0},
		{"a constraint met adds nothing", two, study.Method{Objectives: []string{"siteEnergyKWh", "lifeCycleCost"}, Weather: study.WeatherMean,
			Constraints: []study.Constraint{{Figure: "siteEnergyKWh", Max: 250}}}, []float64{200, 60}, 0},
		{"a limit of 20 exceeded by 50 is a violation of 2.5: relative to the limit", two, study.Method{Objectives: []string{"siteEnergyKWh", "lifeCycleCost"}, Weather: study.WeatherWorst,
			Constraints: []study.Constraint{{Figure: "lifeCycleCost", Max: 20}}}, []float64{300, 70}, 2.5},
		{"a failed run makes the variant infeasible, far behind any other",
			[]VariantResult{row("Stockholm", 100, 50, sim.StatusSucceeded), row("Kiruna", 0, 0, sim.StatusFatal)},
			study.Method{Objectives: []string{"siteEnergyKWh", "lifeCycleCost"}}, []float64{0, 0}, failedViolation},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := evaluate(c.rows, c.method)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range c.objective {
				if math.Abs(r.Objectives[i]-want) > 1e-9 {
					t.Errorf("objective %d = %g, want %g", i, r.Objectives[i], want)
				}
			}
			if math.Abs(r.Violation-c.violation) > 1e-9 {
				t.Errorf("violation %g, want %g", r.Violation, c.violation)
			}
		})
	}
}

func TestAnIncompleteObjectiveNamesTheVariantWeatherAndGap(t *testing.T) {
	r := row("Stockholm", 100, 0, sim.StatusSucceeded)
	r.LCA.LifeCycleCost = lca.Unknown("cost of pir_32_foil (PIR)")
	_, err := evaluate([]VariantResult{r}, study.Method{Objectives: []string{"siteEnergyKWh", "lifeCycleCost"}})
	if err == nil || !strings.Contains(err.Error(), "V1 (Wall: ETICS) with Stockholm: lifeCycleCost is incomplete") || !strings.Contains(err.Error(), "cost of pir_32_foil") {
		t.Fatalf("got %v", err)
	}
	r.PrimaryEnergyNumber = nil
	if _, err := evaluate([]VariantResult{r}, study.Method{Objectives: []string{"primaryEnergyNumber", "siteEnergyKWh"}}); err == nil || !strings.Contains(err.Error(), "Atemp") {
		t.Fatalf("a missing EP_pet must say where to set Atemp, got %v", err)
	}
}
