package eplusout_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/eplusout"
	"epsm/internal/enginetest"
	"epsm/runner"
	"epsm/sim"
)

// The Swedish figures' raw inputs from real runs: the office model (a Swedish residential
// building in fact: ideal loads on district heating, People present at all hours, no cooling:
// it overheats in a Chicago summer) and the example (one zone, no HVAC, no
// People: every hour counts, nothing heats, and asking for it costs no warning).
func TestPeakHeatingAndZoneTemperaturesFromARealRun(t *testing.T) {
	engine := enginetest.Require(t)
	tests := []struct {
		name, model, weather string
		zones                int
		occupied, heats      bool
	}{
		{"office", "../../shared/testdata/epsm/test.idf", "../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw", 4, true, true},
		{"example", "../examples/1ZoneUncontrolled.idf", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw", 1, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "run")
			quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
			out := (&runner.Runner{Engine: engine, Log: quiet}).Run(context.Background(),
				runner.Job{ID: 1, Dir: dir, Model: tt.model, Weather: tt.weather, ForceAnnual: true}, func(runner.Update) {})
			if !out.Status.Succeeded() {
				t.Fatalf("EnergyPlus run %s: %s (last severe %q)", out.Status, out.Message, out.LastSevere)
			}
			r := out.Results
			sqlPath := filepath.Join(dir, "eplusout.sql")
			if r.PeakHeatingW == nil || r.PeakHeatingDailyW == nil {
				t.Fatal("no peak heating from a run with hourly meters")
			}
			// The peak is the highest hour of the delivered heating meters, as the chart shows them.
			meters, err := eplusout.ReadAllMeterSeries(sqlPath)
			if err != nil {
				t.Fatal(err)
			}
			var heating []float64
			for _, m := range meters {
				if strings.Contains(strings.ToLower(m.Name), ":zone:") {
					t.Errorf("per-zone sub-meter %s listed", m.Name)
				}
				if strings.HasPrefix(m.Name, "Heating:") && m.Name != "Heating:EnergyTransfer" {
					if heating == nil {
						heating = make([]float64, len(m.Values))
					}
					for i, v := range m.Values {
						heating[i] += v
					}
				}
			}
			peakKWh := 0.0
			for _, v := range heating {
				peakKWh = max(peakKWh, v)
			}
			if !tt.heats {
				if *r.PeakHeatingW != 0 || heating != nil {
					t.Errorf("an unheated model has a heating peak of %g W (meters %v)", *r.PeakHeatingW, heating != nil)
				}
			} else {
				if peakKWh == 0 || !enginetest.Same4(*r.PeakHeatingW, peakKWh*1000) {
					t.Errorf("peak heating %g W, the hourly meters' highest hour is %g kWh", *r.PeakHeatingW, peakKWh)
				}
				if d := *r.PeakHeatingDailyW; !(d > 0 && d < *r.PeakHeatingW) {
					t.Errorf("daily peak %g W is not below the hourly %g W", d, *r.PeakHeatingW)
				}
			}

			if len(r.Zones) != tt.zones {
				t.Fatalf("%d zones, want %d: %+v", len(r.Zones), tt.zones, r.Zones)
			}
			for _, z := range r.Zones {
				if z.Occupied != tt.occupied || len(z.Above) != sim.ZoneTempSteps {
					t.Errorf("zone %s: occupied %v, %d thresholds", z.Zone, z.Occupied, len(z.Above))
				}
				if !tt.occupied && z.Hours != 8760 {
					t.Errorf("zone %s: %d hours counted without People, want all 8760", z.Zone, z.Hours)
				}
				if tt.occupied && (z.Hours == 0 || z.Hours > 8760) {
					t.Errorf("zone %s: %d occupied hours", z.Zone, z.Hours)
				}
				for i := 1; i < len(z.Above); i++ {
					if z.Above[i] > z.Above[i-1] {
						t.Fatalf("zone %s: more hours above %g than above %g", z.Zone, sim.ZoneTempThreshold(i), sim.ZoneTempThreshold(i-1))
					}
				}
			}
			// The uncooled building overheats in summer: some zone has occupied hours above 26 °C.
			worst := 0
			for _, z := range r.Zones {
				worst = max(worst, z.Above[60])
			}
			if tt.occupied && worst == 0 {
				t.Error("no occupied hour above 26 °C in an uncooled building in Chicago")
			}
			errText, err := os.ReadFile(filepath.Join(dir, "eplusout.err"))
			if err != nil {
				t.Fatal(err)
			}
			// The model's own requests may warn (test.idf's do); what the run copy adds must not.
			for _, bad := range []string{"ZONE OPERATIVE TEMPERATURE", "ZONE PEOPLE OCCUPANT COUNT", "HEATING:*"} {
				if strings.Contains(strings.ToUpper(string(errText)), bad) {
					t.Errorf("the run copy's request for %s costs a warning in eplusout.err", bad)
				}
			}
		})
	}
}
