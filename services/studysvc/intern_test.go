package studysvc

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"epsm/lca"
)

// restoreMissing is what the frontend's bridge does with the interned table.
func restoreMissing(t *testing.T, rows []VariantResult, texts []string) {
	var walk func(reflect.Value)
	walk = func(x reflect.Value) {
		switch x.Kind() {
		case reflect.Pointer:
			if !x.IsNil() {
				walk(x.Elem())
			}
		case reflect.Slice:
			for i := 0; i < x.Len(); i++ {
				walk(x.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < x.NumField(); i++ {
				f := x.Field(i)
				if x.Type().Field(i).Name == "Missing" && f.Type() == reflect.TypeOf([]string(nil)) {
					for j := 0; j < f.Len(); j++ {
						k, err := strconv.Atoi(f.Index(j).String())
						if err != nil || k >= len(texts) {
							t.Fatalf("missing ref %q is not an index into %d texts", f.Index(j).String(), len(texts))
						}
						f.Index(j).SetString(texts[k])
					}
				} else if x.Type().Field(i).IsExported() {
					walk(f)
				}
			}
		}
	}
	walk(reflect.ValueOf(rows))
}

func TestInternMissingSendsEachNoteOnceAndRestoresExactly(t *testing.T) {
	price := lca.Unknown("Electricity price")
	gwp := lca.Unknown("GWP of xps_29")
	both := price.Add(gwp)
	row := func() VariantResult {
		return VariantResult{Name: "v", LCA: &lca.Result{
			EnergyCostPerYear: price, EmbodiedKgCO2e: gwp, LifeCycleCost: both,
			SimplePayback: lca.Payback{Missing: []string{"Electricity price", "GWP of xps_29"}},
		}}
	}
	var rows, want []VariantResult
	for i := 0; i < 100; i++ {
		rows, want = append(rows, row()), append(want, row())
	}
	texts := internMissing(&rows)
	if len(texts) != 2 {
		t.Fatalf("texts = %q, want the 2 distinct notes", texts)
	}
	if got := rows[50].LCA.LifeCycleCost.Missing; len(got) != 2 || got[0] == got[1] || (got[0] != "0" && got[0] != "1") || (got[1] != "0" && got[1] != "1") {
		t.Fatalf("row 50 life-cycle cost missing = %q, want the indexes 0 and 1", got)
	}
	if reflect.DeepEqual(rows, want) {
		t.Fatal("nothing was interned")
	}
	restoreMissing(t, rows, texts)
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("restored rows differ:\n%+v\nwant\n%+v", rows[0].LCA, want[0].LCA)
	}
}

func TestSlimForWindowLeavesOutOnlyWhatTheWindowNeverShows(t *testing.T) {
	full := &lca.Result{LifeCycleCost: lca.Known(5), EmbodiedKgCO2e: lca.Known(3), AnnualEnergyKWh: lca.Known(9),
		OperationalKgCO2e: lca.Known(1), EnergyCostPresentValue: lca.Known(2), Savings: lca.Savings{EnergyKWh: lca.Saving{Amount: lca.Known(4)}}}
	table := StudyTable{Rows: []VariantResult{{Name: "v", LCA: full}, {Name: "pending"}}}
	slimForWindow(&table)
	b, err := json.Marshal(table.Rows[0].LCA)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"savings", "annualEnergyKWh", "operationalKgCO2e\"", "energyCostPresentValue"} {
		if strings.Contains(string(b), gone) {
			t.Errorf("%s is still sent: %s", gone, b)
		}
	}
	for _, kept := range []string{"lifeCycleCost", "embodiedKgCO2e", "simplePayback"} {
		if !strings.Contains(string(b), kept) {
			t.Errorf("%s is missing: %s", kept, b)
		}
	}
	// The Core's result (exports, the CLI) is untouched.
	if full.Savings.EnergyKWh.Value != 4 || full.AnnualEnergyKWh.Value != 9 {
		t.Errorf("the original result was changed: %+v", full)
	}
}
