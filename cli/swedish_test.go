package cli

import (
	"bytes"
	"encoding/json"
	"math"
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
	wantClass := "G"
	for _, c := range []struct {
		upTo  float64
		class string
	}{{0.5, "A"}, {0.75, "B"}, {1, "C"}, {1.35, "D"}, {1.8, "E"}, {2.35, "F"}} {
		if share <= c.upTo {
			wantClass = c.class
			break
		}
	}
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
