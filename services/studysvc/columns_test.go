package studysvc

import (
	"encoding/json"
	"reflect"
	"testing"

	"epsm/lca"
	"epsm/sim"
	"epsm/store"
)

// The window's columns carry every row's figures at the same index, each missing note once,
// and only the first rows when a first screenful is asked for.
func TestColumnsKeepEveryRowsFigures(t *testing.T) {
	years := 7.5
	atemp := 200.0
	rows := []VariantResult{
		{VariantID: 1, Key: "vb", Label: "B", Name: "Baseline", Baseline: true, WeatherID: 3, WeatherName: "Lund.epw", RunID: 10,
			Choices: map[string]string{"wall": "keep", "roof": "keep"}, Status: sim.StatusSucceeded, Atemp: &atemp, EnergyClass: "D",
			Results: &sim.Results{TotalSiteKWh: 1000, EUIKWhPerM2: 5, EndUses: []sim.EndUse{{EndUse: "Heating", Fuel: "District Heating Water", KWh: 600}, {EndUse: "Fans", Fuel: "Electricity", KWh: 0}}},
			LCA:     &lca.Result{Unchanged: true, EmbodiedKgCO2e: lca.Known(0), LifeCycleCost: lca.Unknown("Electricity price")}},
		{VariantID: 2, Key: "v2", Label: "V1", Name: "Wall: ETICS", WeatherID: 3, WeatherName: "Lund.epw", RunID: 11,
			Choices: map[string]string{"wall": "etics", "roof": "keep"}, Areas: map[string]float64{"wall": 120}, Status: sim.StatusSucceeded,
			Results: &sim.Results{TotalSiteKWh: 800}, ParetoCarbonCost: true,
			LCA: &lca.Result{EmbodiedKgCO2e: lca.Unknown("GWP of eps"), LifeCycleCost: lca.Unknown("Electricity price", "cost of eps"),
				SimplePayback: lca.Payback{Years: &years, Complete: true}}},
		{VariantID: 3, Key: "v3", Label: "V2", Name: "Roof", WeatherID: 3, WeatherName: "Lund.epw", RunID: 12, Status: sim.StatusFatal, Headline: "Severe: no zones"},
	}
	c := toColumns(StudyTable{Rows: rows, Finished: 2, Total: 3}, 0)
	if c.Rows != 3 || c.AllRows != 3 || !reflect.DeepEqual(c.Label, []string{"B", "V1", "V2"}) || c.WeatherNames[3] != "Lund.epw" {
		t.Fatalf("columns %+v", c)
	}
	if !reflect.DeepEqual(c.FuelsUsed, []string{"District Heating Water"}) {
		t.Errorf("fuels used %v, want the one with energy", c.FuelsUsed)
	}
	if !reflect.DeepEqual(c.Elements, []string{"roof", "wall"}) || c.Texts[c.Choices[1][1]] != "etics" || c.Texts[c.Choices[0][1]] != "keep" || *c.Areas["wall"][1] != 120 || c.Areas["wall"][0] != nil {
		t.Errorf("choices %v, areas %v", c.Choices, c.Areas)
	}
	if !c.HasResults[1] || c.SiteKWh[1] != 800 || c.HasResults[2] || c.HasLCA[2] || !c.Unchanged[0] {
		t.Errorf("results/lca flags wrong: %v %v %v %v", c.HasResults, c.SiteKWh, c.HasLCA, c.Unchanged)
	}
	lcc := c.Amounts["lifeCycleCost"]
	text := func(refs []int) (out []string) {
		for _, r := range refs {
			out = append(out, c.Texts[r])
		}
		return out
	}
	if got := text(lcc.Missing[1]); !reflect.DeepEqual(got, []string{"Electricity price", "cost of eps"}) {
		t.Errorf("row 2's life-cycle cost lacks %v", got)
	}
	// Each string once: "keep", "etics", three notes, the empty string (messages, headlines,
	// payback reasons) and row 3's headline.
	if len(c.Texts) != 7 || c.Texts[c.Headline[2]] != "Severe: no zones" || c.Texts[c.Message[2]] != c.Texts[c.Headline[0]] {
		t.Errorf("each string once: %q", c.Texts)
	}
	if pb := c.Paybacks["simplePayback"]; *pb.Years[1] != 7.5 || !pb.Complete[1] {
		t.Errorf("payback %+v", pb)
	}
	if !c.ParetoCarbonCost[1] || c.ParetoCarbonCost[0] {
		t.Errorf("pareto %v", c.ParetoCarbonCost)
	}

	first := toColumns(StudyTable{Rows: rows}, 2)
	if first.Rows != 2 || first.AllRows != 3 || len(first.VariantID) != 2 || len(first.Amounts["embodiedKgCO2e"].Value) != 2 {
		t.Errorf("first screenful: %d of %d rows, %d ids", first.Rows, first.AllRows, len(first.VariantID))
	}
	// In columns, the field names are not repeated per row: the JSON is far smaller than the rows'.
	asRows, _ := json.Marshal(rows)
	asColumns, _ := json.Marshal(c)
	if len(asColumns) >= len(asRows) {
		t.Errorf("columns %d bytes, rows %d", len(asColumns), len(asRows))
	}
}

// Each measure a row sets is a column of its readable name, in the spec's order, the row's
// option read as its label or values, "keep" where the row leaves the model's value.
func TestColumnsCarryMeasureChoices(t *testing.T) {
	spec := `{"measures": [
		{"id": "hr", "name": "Heat recovery", "fields": [{"class": "ZoneHVAC:IdealLoadsAirSystem", "field": "Sensible Heat Recovery Effectiveness"}], "values": [{"value": 0.8, "label": "good HRV"}, 0.6]},
		{"id": "unused", "fields": [{"class": "Zone", "field": "Multiplier"}], "values": [2]},
		{"id": "extlights", "name": "Exterior lights", "fields": [{"class": "Exterior:Lights", "field": "Design Level"}], "continuous": {"min": 1000, "max": 4000}}]}`
	rows := []VariantResult{
		{Key: "b", Label: "B", Baseline: true},
		{Key: "v1", Label: "V1", Measures: map[string]string{"extlights": "2500", "hr": "0.8"}},
		{Key: "v2", Label: "V2", Measures: map[string]string{"extlights": "1000", "hr": "keep", "gone": "3"}},
	}
	c := toColumns(StudyTable{Study: store.Study{SpecJSON: spec}, Rows: rows}, 0)
	if !reflect.DeepEqual(c.MeasureIDs, []string{"hr", "extlights", "gone"}) || !reflect.DeepEqual(c.MeasureNames, []string{"Heat recovery", "Exterior lights", "gone"}) {
		t.Fatalf("measures %v named %v", c.MeasureIDs, c.MeasureNames)
	}
	read := func(k int) (out []string) {
		for _, ref := range c.MeasureChoices[k] {
			out = append(out, c.Texts[ref])
		}
		return out
	}
	for k, want := range [][]string{{"keep", "good HRV", "keep"}, {"keep", "2500", "1000"}, {"keep", "keep", "3"}} {
		if got := read(k); !reflect.DeepEqual(got, want) {
			t.Errorf("measure %s: %v, want %v", c.MeasureIDs[k], got, want)
		}
	}

	// A study without measures has none, and its JSON says so with empty lists.
	plain := toColumns(StudyTable{Rows: rows[:1]}, 0)
	if len(plain.MeasureIDs) != 0 || len(plain.MeasureChoices) != 0 {
		t.Errorf("a study without measures: %v %v", plain.MeasureIDs, plain.MeasureChoices)
	}
}
