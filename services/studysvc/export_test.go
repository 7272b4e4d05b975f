package studysvc

import (
	"strings"
	"testing"

	"epsm/lca"
	"epsm/sim"
	"epsm/store"
)

// The Note column decides by the reason's code and writes its sentence: a sentence reworded in
// lca changes the note's words, never which notes are written.
func TestStudySheetNotesDecideByReasonCode(t *testing.T) {
	years := 12.0
	row := func(simple, carbon lca.Payback, energy lca.Saving) VariantResult {
		return VariantResult{Key: "v1", Name: "v", Status: sim.StatusSucceeded, Results: &sim.Results{TotalSiteKWh: 100},
			LCA: &lca.Result{SimplePayback: simple, CarbonPayback: carbon, Savings: lca.Savings{EnergyKWh: energy}}}
	}
	note := func(r VariantResult) string {
		t.Helper()
		tab := StudySheet(StudyTable{Rows: []VariantResult{r}}, func(id string) string { return id })
		cells := tab.Rows[0]
		return cells[len(cells)-1].(string)
	}
	never := lca.Payback{ReasonCode: lca.ReasonNoCostSaving, Reason: "reworded: this one will not pay off", Complete: true}
	zero := lca.Saving{PercentReasonCode: lca.ReasonZeroBaseline, PercentReason: "reworded: nothing to divide by"}
	got := note(row(never, lca.Payback{Years: &years, Complete: true}, zero))
	for _, want := range []string{"simple payback: reworded: this one will not pay off", "energy saving %: reworded: nothing to divide by"} {
		if !strings.Contains(got, want) {
			t.Errorf("note %q lacks %q", got, want)
		}
	}

	// Incomplete says what is missing instead, whatever its sentence reads.
	incomplete := lca.Payback{ReasonCode: lca.ReasonIncomplete, Reason: "no annual energy cost saving: never pays back", Missing: []string{"Electricity price"}}
	got = note(row(incomplete, lca.Payback{Years: &years, Complete: true}, lca.Saving{PercentReasonCode: lca.ReasonIncomplete, PercentReason: "baseline is zero"}))
	if got != "missing: Electricity price" {
		t.Errorf("note %q, want only what is missing", got)
	}
}

// The sheet has a column per measure, named after it, with the row's option: numbers as
// numbers, "keep" as the unchanged elements read.
func TestStudySheetHasAColumnPerMeasure(t *testing.T) {
	spec := `{"measures": [{"id": "extlights", "name": "Exterior lights", "fields": [{"class": "Exterior:Lights", "field": "Design Level"}], "continuous": {"min": 1000, "max": 4000}},
		{"id": "hr", "fields": [{"class": "ZoneHVAC:IdealLoadsAirSystem", "field": "Heat Recovery Type"}], "values": ["Sensible", "Enthalpy"]}]}`
	rows := []VariantResult{
		{Key: "b", Name: "Baseline", Baseline: true, Status: sim.StatusSucceeded},
		{Key: "v1", Name: "V", Measures: map[string]string{"extlights": "2500", "hr": "Enthalpy"}, Status: sim.StatusSucceeded},
	}
	tab := StudySheet(StudyTable{Study: store.Study{SpecJSON: spec}, Rows: rows}, func(id string) string { return id })
	col := func(header string) int {
		for i, c := range tab.Columns {
			if c.Header == header {
				return i
			}
		}
		t.Fatalf("no column %q in %v", header, tab.Columns)
		return -1
	}
	lights, hr := col("Exterior lights (measure)"), col("Heat Recovery Type (measure)")
	if got := tab.Rows[1][lights]; got != 2500.0 {
		t.Errorf("exterior lights of V: %#v, want the number 2500", got)
	}
	if got := tab.Rows[1][hr]; got != "Enthalpy" {
		t.Errorf("heat recovery of V: %#v", got)
	}
	if got := tab.Rows[0][lights]; got != keptLabel {
		t.Errorf("the baseline's exterior lights: %#v, want %q", got, keptLabel)
	}
	for i, r := range tab.Rows {
		if len(r) != len(tab.Columns) {
			t.Errorf("row %d has %d cells for %d columns", i, len(r), len(tab.Columns))
		}
	}
}

// A cost taken from a published range is in the sheet as a number, and the Note column says
// which range it came from, once however many figures are built on it.
func TestStudySheetNotesACostTakenFromARange(t *testing.T) {
	taken := "cost of cellulose: 300 SEK/m², the midpoint of its published range 250-350"
	a := lca.Amount{Value: 60000, Complete: true, Assumed: []string{taken}}
	r := VariantResult{Key: "v1", Name: "loft", Status: sim.StatusSucceeded, Results: &sim.Results{TotalSiteKWh: 100},
		LCA: &lca.Result{InvestmentCost: a, LifeCycleCost: a, SimplePayback: lca.Payback{Complete: true}}}
	tab := StudySheet(StudyTable{Rows: []VariantResult{r}}, func(id string) string { return id })
	cells := tab.Rows[0]
	if got := cells[len(cells)-1].(string); got != "taken from a published range: "+taken {
		t.Errorf("note %q", got)
	}
	numbers := 0
	for _, c := range cells {
		if c == any(60000.0) {
			numbers++
		}
	}
	if numbers != 2 {
		t.Errorf("%d cells hold the investment and life-cycle cost, want 2: %v", numbers, cells)
	}
}
