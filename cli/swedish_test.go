package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/sim"
)

// `epsm run --json` carries the Swedish figures of a real run of the office model (district
// heating by ideal loads, hot water, People, no cooling): EP_pet is what BBR 9:12 gives from the
// run's own end uses with BBR 29's factors, worked out here independently of package bbr.
func TestRunJSONCarriesTheSwedishFigures(t *testing.T) {
	requireEngine(t)
	data := filepath.Join(tempdir.New(t), "data")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"run", "--data-dir", data, "--annual", "--weather", "../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
		"../../shared/testdata/epsm/test.idf", "--json"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var rows []runResult
	if err := json.Unmarshal(stdout.Bytes(), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("stdout: %v\n%s", err, stdout.String())
	}
	r := rows[0]
	if r.Status != sim.StatusSucceeded || r.Results == nil || r.Swedish == nil {
		t.Fatalf("run = %+v", r)
	}
	// No Atemp entered: EnergyPlus's conditioned floor area stands in, and says so.
	if r.Atemp == nil || *r.Atemp != r.Results.ConditionedAreaM2 || !r.Swedish.AtempFromModel {
		t.Fatalf("atemp %v, conditioned area %g, from model %v", r.Atemp, r.Results.ConditionedAreaM2, r.Swedish.AtempFromModel)
	}
	weight := map[string]float64{"Electricity": 1.8, "District Heating Water": 0.7, "District Cooling": 0.6, "Natural Gas": 1.8}
	counted := map[string]bool{"Heating": true, "Cooling": true, "Water Systems": true, "Fans": true, "Pumps": true, "Heat Recovery": true, "Heat Rejection": true, "Humidification": true, "Exterior Lighting": true, "Exterior Equipment": true}
	weighted, heating := 0.0, 0.0
	for _, e := range r.Results.EndUses {
		w, ok := weight[e.Fuel]
		if !ok {
			t.Fatalf("a fuel this test has no factor for: %+v", e)
		}
		if counted[e.EndUse] { // F_geo is 1.0: heating is not scaled
			weighted += e.KWh * w
		}
		if e.EndUse == "Heating" {
			heating += e.KWh
		}
	}
	wantEP := weighted / *r.Atemp
	if r.PrimaryEnergyNumber == nil || math.Abs(*r.PrimaryEnergyNumber-wantEP) > 1e-6*wantEP {
		t.Fatalf("EP_pet %v, BBR 9:12 from the end uses gives %g", r.PrimaryEnergyNumber, wantEP)
	}
	share := wantEP / 75 // a multi-family house, the default
	wantClass := classFor(share)
	if r.EnergyClass != wantClass {
		t.Errorf("class %q, want %q (EP_pet %.1f is %.0f %% of 75)", r.EnergyClass, wantClass, wantEP, 100*share)
	}
	// The peak is an hour's power: below the year's heating spread over one hour, above its mean.
	if r.PeakHeatingW == nil || *r.PeakHeatingW <= heating*1000/8760 || *r.PeakHeatingW >= heating*1000 {
		t.Errorf("peak heating %v W against %g kWh of heating a year", r.PeakHeatingW, heating)
	}
	if r.OverheatingHours == nil || *r.OverheatingHours <= 0 || *r.OverheatingHours > 8760 || r.Swedish.OverheatingZone == "" {
		t.Errorf("overheating %v h in %q", r.OverheatingHours, r.Swedish.OverheatingZone)
	}
	// The text table has them too.
	var text bytes.Buffer
	if Main([]string{"run", "--data-dir", data, "--annual", "--weather", "../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw", "../../shared/testdata/epsm/test.idf"}, &text, &stderr) != 0 {
		t.Fatalf("second run: %s", stderr.String())
	}
	if !strings.Contains(text.String(), "EP_pet kWh/m2") || !strings.Contains(text.String(), " "+wantClass+" ") {
		t.Errorf("the table lacks EP_pet or the class:\n%s", text.String())
	}
}

// `epsm study --json` carries the Swedish figures per variant row, with the Atemp, building type
// and mapping the spec gives its base model: the example's only energy is its exterior lighting,
// property electricity, so EP_pet is that lighting × 1.8 over the spec's Atemp, and its class
// compares with the single-family requirement (90). Its fans, mapped to business electricity by
// the spec, would not count (it has none: the mapping is stored all the same).
func TestStudyJSONCarriesTheSwedishFiguresOfTheSpecsModelSettings(t *testing.T) {
	requireEngine(t)
	dir := tempdir.New(t)
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	spec := map[string]any{
		"name":    "swedish",
		"model":   abs("../examples/1ZoneUncontrolled.idf"),
		"weather": []string{abs("../examples/USA_CO_Golden-NREL.724666_TMY3.epw")},
		"options": map[string][]string{"wall": {"keep", "wall_concrete_etics_sw100"}},
		"modelSettings": map[string]any{"atempM2": 250, "atempSource": "test", "buildingType": "singleFamily",
			"mapping": map[string]any{"purposes": map[string]string{"Fans": "businessElectricity"}}},
	}
	js, _ := json.Marshal(spec)
	path := filepath.Join(dir, "spec.json")
	if err := os.WriteFile(path, js, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"study", path, "--data-dir", filepath.Join(dir, "data"), "--json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var table struct {
		Rows []studyJSONRow `json:"rows"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &table); err != nil || len(table.Rows) != 2 {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	for _, r := range table.Rows {
		if r.Results == nil || r.Atemp == nil || *r.Atemp != 250 {
			t.Fatalf("%s: atemp %v", r.Name, r.Atemp)
		}
		lighting := 0.0
		for _, e := range r.Results.EndUses {
			if e.EndUse == "Exterior Lighting" {
				lighting += e.KWh
			}
		}
		want := lighting * 1.8 / 250
		if lighting == 0 || r.PrimaryEnergyNumber == nil || math.Abs(*r.PrimaryEnergyNumber-want) > 1e-9*want {
			t.Fatalf("%s: EP_pet %v, want %g (lighting %g kWh as property electricity)", r.Name, r.PrimaryEnergyNumber, want, lighting)
		}
		if share := want / 90; r.EnergyClass != classFor(share) {
			t.Errorf("%s: class %q for %.0f %% of the single-family requirement, want %s", r.Name, r.EnergyClass, 100*share, classFor(share))
		}
		// No heating in the example: a peak of 0, not a missing one; every hour counts (no People).
		if r.PeakHeatingW == nil || *r.PeakHeatingW != 0 || r.OverheatingHours == nil {
			t.Errorf("%s: peak %v overheating %v", r.Name, r.PeakHeatingW, r.OverheatingHours)
		}
	}
}

// classFor is the energy declaration's class of a share of the requirement, written out here
// apart from package bbr.
func classFor(share float64) string {
	for _, c := range []struct {
		upTo  float64
		class string
	}{{0.5, "A"}, {0.75, "B"}, {1, "C"}, {1.35, "D"}, {1.8, "E"}, {2.35, "F"}} {
		if share <= c.upTo {
			return c.class
		}
	}
	return "G"
}
