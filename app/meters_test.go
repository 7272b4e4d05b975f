package app

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"epsm/eplusout"
	"epsm/internal/tempdir"
	"epsm/services/runsvc"
	"epsm/sim"
)

// One real annual run of the bundled example (and a design-day run of it), shared by the
// subtests: the hourly meters that the run copy asks for reach the UI intact.
func TestHourlyMetersOfARealAnnualRun(t *testing.T) {
	engine := testEngine(t)
	c := openCore(t, tempdir.New(t), &engine, nil)
	defer c.Close()
	rep := c.Importer.ImportExample()
	if len(rep.Models) != 1 || len(rep.Weather) != 1 {
		t.Fatalf("example import: %+v", rep)
	}
	req := runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherID: rep.Weather[0].ID}
	annual, err := c.Queue.StartRuns(req)
	if err != nil {
		t.Fatal(err)
	}
	req.DesignDaysOnly = true
	req.KeepAll = true // the test reads its eplusout.sql
	dd, err := c.Queue.StartRuns(req)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := c.Queue.Wait(ctx, []int64{annual[0].ID, dd[0].ID}); err != nil {
		t.Fatal(err)
	}
	d, err := c.Queue.RunDetails(annual[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Run.Status != sim.StatusSucceeded || d.Results == nil {
		t.Fatalf("annual run: %s %q", d.Run.Status, d.Run.Message)
	}

	t.Run("the added meters cost no warning", func(t *testing.T) {
		// A meter the model lacks would make EnergyPlus warn "invalid Key Name"; the example
		// uses electricity only.
		if d.Run.Warnings != 0 {
			t.Errorf("example run has %d warnings, want 0", d.Run.Warnings)
		}
	})

	t.Run("meters listed with electricity first", func(t *testing.T) {
		m, err := c.Queue.RunMeters(annual[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Reason != "" || len(m.Meters) == 0 {
			t.Fatalf("meters = %+v", m)
		}
		first := m.Meters[0]
		if first.Name != "Electricity:Facility" || first.Units != "kWh" || first.Hours != 8760 {
			t.Errorf("first meter = %+v, want Electricity:Facility, kWh, 8760 hours", first)
		}
		for _, x := range m.Meters {
			if strings.HasPrefix(x.Name, "NaturalGas") {
				t.Errorf("the example burns no gas, yet %s is listed", x.Name)
			}
		}
	})

	t.Run("electricity hourly sums to the annual end uses", func(t *testing.T) {
		s, err := c.Queue.MeterSeries(annual[0].ID, "electricity:facility")
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Values) != 8760 || len(s.Month) != 8760 || len(s.Day) != 8760 || len(s.Hour) != 8760 {
			t.Fatalf("%d values, want 8760", len(s.Values))
		}
		if s.Month[0] != 1 || s.Day[0] != 1 || s.Hour[0] != 1 || s.Month[8759] != 12 || s.Day[8759] != 31 || s.Hour[8759] != 24 {
			t.Errorf("series runs from %d/%d h%d to %d/%d h%d", s.Month[0], s.Day[0], s.Hour[0], s.Month[8759], s.Day[8759], s.Hour[8759])
		}
		annualKWh := 0.0
		for _, e := range d.Results.EndUses {
			if e.Fuel == "Electricity" {
				annualKWh += e.KWh
			}
		}
		sum := 0.0
		for _, v := range s.Values {
			sum += v
		}
		if annualKWh <= 0 || math.Abs(sum-annualKWh)/annualKWh > 0.001 {
			t.Errorf("hourly sum %.1f kWh, stored annual electricity %.1f kWh: differ by more than 0.1%%", sum, annualKWh)
		}
		if math.Abs(s.Total-sum) > 1e-6*sum {
			t.Errorf("total %.3f != sum %.3f", s.Total, sum)
		}
	})

	t.Run("a meter the run lacks is a clear error", func(t *testing.T) {
		_, err := c.Queue.MeterSeries(annual[0].ID, "NaturalGas:Facility")
		if !errors.Is(err, eplusout.ErrNoHourlyMeter) || !strings.Contains(err.Error(), "NaturalGas:Facility") {
			t.Errorf("error = %v", err)
		}
	})

	// Last: it rewrites the annual run's run copy.
	defer t.Run("a run made before hourly meters says re-run", func(t *testing.T) {
		// Its run copy lacked the Output:Meter requests: put such a copy (the model as it was,
		// with its own MeterFileOnly meters) where the run left its in.idf.
		r, _ := c.Store.Run(annual[0].ID)
		old, err := os.ReadFile("../examples/1ZoneUncontrolled.idf")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(r.Dir, "in.idf"), old, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := c.Queue.RunMeters(annual[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.Reason, "Re-run to get hourly data") || !strings.Contains(m.Reason, "Electricity:Facility") {
			t.Errorf("reason = %q", m.Reason)
		}
	})

	t.Run("a design-day run says why it has no hourly year", func(t *testing.T) {
		m, err := c.Queue.RunMeters(dd[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Meters) != 0 || !strings.Contains(m.Reason, "design days") {
			t.Errorf("design-day run meters = %+v", m)
		}
		// Its eplusout.sql has the meter for the design days only: no weather-file hours.
		r, _ := c.Store.Run(dd[0].ID)
		if got, err := eplusout.ReadMeters(filepath.Join(r.Dir, "eplusout.sql")); err != nil || len(got) != 0 {
			t.Errorf("design-day eplusout.sql meters = %+v, %v", got, err)
		}
	})
}
