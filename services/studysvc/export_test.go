package studysvc

import (
	"strings"
	"testing"

	"epsm/lca"
	"epsm/sim"
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
