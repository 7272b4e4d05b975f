package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/lca"
	"epsm/sim"
)

// The README's residential example, run as a new user would (`epsm study
// examples/studies/apartment-block-envelope.json --json`, default library and settings): every
// run succeeds with energy, EP_pet and class; operational carbon and energy cost are filled in
// for every row from the defaults (electricity only); every variant's embodied and life-cycle
// carbon is complete (Boverket's klimatdatabas gives every new layer and the triple window a
// GWP); the baseline's life-cycle figures are all there; and a variant's cost is blank only where
// the default library has no sourced price, each blank naming it (the library README lists what
// was searched for and not found).
func TestExampleStudyFillsEveryFigureTheDefaultDataAllows(t *testing.T) {
	requireEngine(t)
	dir := tempdir.New(t)
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"study", "../examples/studies/apartment-block-envelope.json", "--data-dir", filepath.Join(dir, "data"), "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var table struct {
		Rows []studyJSONRow `json:"rows"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &table); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if len(table.Rows) != 8 {
		t.Fatalf("%d rows, want the baseline and 7 variants (2 x 2 x 2)", len(table.Rows))
	}
	// What the default library lacks for these measures, as the totals name it.
	gaps := map[string][]string{
		"cost": {"cost of bitumen_membrane", "cost of pir_32_foil", "cost of eps_24"},
	}
	var baseline float64
	for _, r := range table.Rows {
		if r.Status != sim.StatusSucceeded || r.Results == nil || r.LCA == nil {
			t.Fatalf("%s: status %s, results %v, lca %v", r.Name, r.Status, r.Results != nil, r.LCA != nil)
		}
		if r.Atemp == nil || *r.Atemp != 400 || r.PrimaryEnergyNumber == nil || r.EnergyClass == "" || r.PeakHeatingW == nil || r.OverheatingHours == nil {
			t.Errorf("%s: a Swedish figure is missing: atemp %v EP %v class %q peak %v overheating %v", r.Name, r.Atemp, r.PrimaryEnergyNumber, r.EnergyClass, r.PeakHeatingW, r.OverheatingHours)
		}
		for what, a := range map[string]lca.Amount{"operational carbon": r.LCA.OperationalKgCO2ePerYear, "energy cost": r.LCA.EnergyCostPerYear} {
			if !a.Complete || !(a.Value > 0) {
				t.Errorf("%s: %s %+v: the defaults price and weigh electricity, the model's only fuel", r.Name, what, a)
			}
		}
		if r.Baseline {
			baseline = r.Results.TotalSiteKWh
			for what, a := range map[string]lca.Amount{"embodied": r.LCA.EmbodiedKgCO2e, "life-cycle carbon": r.LCA.LifeCycleKgCO2e, "life-cycle cost": r.LCA.LifeCycleCost} {
				if !a.Complete {
					t.Errorf("baseline: %s missing %v", what, a.Missing)
				}
			}
			continue
		}
		for what, a := range map[string]lca.Amount{"embodied": r.LCA.EmbodiedKgCO2e, "cost": r.LCA.InvestmentCost} {
			if a.Complete {
				continue
			}
			for _, m := range a.Missing {
				known := false
				for _, g := range gaps[what] {
					known = known || strings.Contains(m, g)
				}
				if !known {
					t.Errorf("%s: %s is missing %q, a value the default library should have", r.Name, what, m)
				}
			}
		}
		if !r.LCA.EmbodiedKgCO2e.Complete || !r.LCA.LifeCycleKgCO2e.Complete || !(r.LCA.EmbodiedKgCO2e.Value > 0) {
			t.Errorf("%s: embodied %+v, life-cycle carbon %+v", r.Name, r.LCA.EmbodiedKgCO2e, r.LCA.LifeCycleKgCO2e)
		}
	}
	// Insulating the roof and the floor over the basement saves energy in every combination.
	for _, r := range table.Rows {
		if (!kept(r.Choices["roof"]) || !kept(r.Choices["floor"])) && !(r.Results.TotalSiteKWh < baseline) {
			t.Errorf("%s: %.0f kWh, baseline %.0f kWh", r.Name, r.Results.TotalSiteKWh, baseline)
		}
	}
}

// kept: an element a variant leaves as it is, whether its choice says "keep" or is left out.
func kept(choice string) bool { return choice == "" || choice == "keep" }

// studyJSONRow is the part of a row of `epsm study --json` these tests read.
type studyJSONRow struct {
	Name                string            `json:"name"`
	Baseline            bool              `json:"baseline"`
	Choices             map[string]string `json:"choices"`
	Status              sim.Status        `json:"status"`
	Results             *sim.Results      `json:"results"`
	LCA                 *lca.Result       `json:"lca"`
	Atemp               *float64          `json:"atemp"`
	PrimaryEnergyNumber *float64          `json:"primaryEnergyNumber"`
	EnergyClass         string            `json:"energyClass"`
	PeakHeatingW        *float64          `json:"peakHeatingW"`
	OverheatingHours    *float64          `json:"overheatingHours"`
}
