package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/lca"
	"epsm/sim"
	"epsm/study"
)

// The README's residential example, run as a new user would (`epsm study
// examples/studies/apartment-block-envelope.json --json`, default library and settings): every
// figure of every variant is there. Every run has its energy, EP_pet, class, peak and
// overheating; operational carbon and energy cost come from the defaults (electricity only);
// embodied and life-cycle carbon from Boverket's klimatdatabas; the window's cost is a single
// published figure and the loft's the midpoint of a published range (the spec's costRanges),
// which every cost built on it names. Without costRanges the loft's cost is missing, naming the
// range: a range is never taken silently.
func TestExampleStudyFillsEveryFigureOfEveryVariant(t *testing.T) {
	requireEngine(t)
	dir := tempdir.New(t)
	var stdout, stderr bytes.Buffer
	report := filepath.Join(dir, "example.html")
	if code := Main([]string{"study", "../examples/studies/apartment-block-envelope.json", "--data-dir", filepath.Join(dir, "data"), "--json", "--report", report}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var table struct {
		Rows []studyJSONRow `json:"rows"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &table); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	// The report's assumptions say where the loft's cost came from.
	html, err := os.ReadFile(report)
	if err != nil || !strings.Contains(string(html), "Cost taken from a published range") || !strings.Contains(string(html), "the midpoint of its published range 250-350") {
		t.Errorf("the report does not name the ranged cost (%v)", err)
	}
	if len(table.Rows) != 4 {
		t.Fatalf("%d rows, want the baseline and 3 variants (2 x 2)", len(table.Rows))
	}
	const loftRange = "cost of cellulose_loosefill_50 (Cellulose fibre loose-fill (blown), 50 kg/m3): 300 SEK/m², the midpoint of its published range 250-350"
	var baseline *studyJSONRow
	for i, r := range table.Rows {
		if r.Status != sim.StatusSucceeded || r.Results == nil || r.LCA == nil {
			t.Fatalf("%s: status %s, results %v, lca %v", r.Name, r.Status, r.Results != nil, r.LCA != nil)
		}
		if r.Atemp == nil || *r.Atemp != 400 || r.PrimaryEnergyNumber == nil || r.EnergyClass == "" || r.PeakHeatingW == nil || r.OverheatingHours == nil {
			t.Errorf("%s: a Swedish figure is missing: atemp %v EP %v class %q peak %v overheating %v", r.Name, r.Atemp, r.PrimaryEnergyNumber, r.EnergyClass, r.PeakHeatingW, r.OverheatingHours)
		}
		figures := map[string]lca.Amount{"operational carbon": r.LCA.OperationalKgCO2ePerYear, "energy cost": r.LCA.EnergyCostPerYear,
			"embodied": r.LCA.EmbodiedKgCO2e, "life-cycle carbon": r.LCA.LifeCycleKgCO2e, "investment": r.LCA.InvestmentCost, "life-cycle cost": r.LCA.LifeCycleCost}
		for what, a := range figures {
			if !a.Complete || len(a.Missing) > 0 {
				t.Errorf("%s: %s is missing %q", r.Name, what, a.Missing)
			}
		}
		if r.Baseline {
			baseline = &table.Rows[i]
			continue
		}
		if !(r.LCA.InvestmentCost.Value > 0) || !(r.LCA.EmbodiedKgCO2e.Value > 0) {
			t.Errorf("%s: investment %+v, embodied %+v", r.Name, r.LCA.InvestmentCost, r.LCA.EmbodiedKgCO2e)
		}
		named := func(a lca.Amount) bool {
			return len(a.Assumed) == 1 && strings.HasPrefix(a.Assumed[0], loftRange) && strings.Contains(a.Assumed[0], "Totalbyggarna")
		}
		loft := !kept(r.Choices["roof"])
		if named(r.LCA.InvestmentCost) != loft || named(r.LCA.LifeCycleCost) != loft {
			t.Errorf("%s (loft %v): investment assumes %q, life-cycle cost %q", r.Name, loft, r.LCA.InvestmentCost.Assumed, r.LCA.LifeCycleCost.Assumed)
		}
		// 300 mm of cellulose on the attic floor saves heating; the payback is a number of years.
		if loft && !(r.Results.TotalSiteKWh < baseline.Results.TotalSiteKWh) {
			t.Errorf("%s: %.0f kWh, baseline %.0f kWh", r.Name, r.Results.TotalSiteKWh, baseline.Results.TotalSiteKWh)
		}
	}

	// The same study without costRanges: the loft's cost is missing, and says it has only a range.
	spec, err := study.LoadSpec(abs(t, "../examples/studies/apartment-block-envelope.json"))
	if err != nil {
		t.Fatal(err)
	}
	spec.CostRanges, spec.Options = "", map[string][]string{"roof": {"keep", "loft_cellulose_300"}}
	data, _ := json.Marshal(spec)
	path := filepath.Join(dir, "no-ranges.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := Main([]string{"study", path, "--data-dir", filepath.Join(dir, "data"), "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	table.Rows = nil
	if err := json.Unmarshal(stdout.Bytes(), &table); err != nil || len(table.Rows) != 2 {
		t.Fatalf("%v: %d rows", err, len(table.Rows))
	}
	for _, r := range table.Rows {
		if r.Baseline {
			continue
		}
		inv := r.LCA.InvestmentCost
		if inv.Complete || len(inv.Missing) != 1 || !strings.Contains(inv.Missing[0], "only a range is published: 250-350 SEK") || len(inv.Assumed) != 0 {
			t.Errorf("without costRanges: %+v", inv)
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
