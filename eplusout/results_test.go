package eplusout

import (
	"database/sql"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/sim"
)

// fakeTabularDB writes an eplusout.sql-shaped database holding only the rows ReadResults
// reads, in the units a default (GJ) or a JtoKWH run writes; Value is space-padded TEXT as
// EnergyPlus stores it.
func fakeTabularDB(t *testing.T, rows [][5]string) string {
	t.Helper()
	path := filepath.Join(tempdir.New(t), "eplusout.sql")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE TabularDataWithStrings (Value TEXT, ReportName TEXT, ReportForString TEXT,
		TableName TEXT, RowName TEXT, ColumnName TEXT, Units TEXT)`); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if _, err := db.Exec(`INSERT INTO TabularDataWithStrings VALUES (?, 'AnnualBuildingUtilityPerformanceSummary', 'Entire Facility', ?, ?, ?, ?)`,
			r[4], r[0], r[1], r[2], r[3]); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestReadResultsConvertsUnits(t *testing.T) {
	path := fakeTabularDB(t, [][5]string{
		{"Site and Source Energy", "Total Site Energy", "Total Energy", "GJ", "       82.42"},
		{"Site and Source Energy", "Net Site Energy", "Total Energy", "GJ", "       80.00"},
		{"Site and Source Energy", "Total Source Energy", "Total Energy", "GJ", "      261.02"},
		{"Site and Source Energy", "Total Site Energy", "Energy Per Total Building Area", "MJ/m2", "  354.86"},
		{"Building Area", "Total Building Area", "Area", "m2", "  232.26"},
		{"Building Area", "Net Conditioned Building Area", "Area", "m2", "    0.00"},
		{"End Uses", "Heating", "District Heating Water", "GJ", "   36.00"},
		{"End Uses", "Interior Lighting", "Electricity", "GJ", "   10.00"},
		{"End Uses", "Cooling", "Electricity", "GJ", "    0.00"},
		{"End Uses", "Total End Uses", "Electricity", "GJ", "   10.00"},
		{"End Uses", "Water Systems", "Water", "m3", "   99.00"},
		{"Comfort and Setpoint Not Met Summary", "Time Setpoint Not Met During Occupied Heating", "Facility", "Hours", "  12.50"},
		{"Comfort and Setpoint Not Met Summary", "Time Setpoint Not Met During Occupied Cooling", "Facility", "Hours", "   3.00"},
	})
	got, err := ReadResults(path)
	if err != nil {
		t.Fatal(err)
	}
	const gj = 277.7777777777778
	checks := []struct {
		name      string
		got, want float64
	}{
		{"total site", got.TotalSiteKWh, 82.42 * gj},
		{"net site", got.NetSiteKWh, 80 * gj},
		{"total source", got.TotalSourceKWh, 261.02 * gj},
		{"area", got.TotalAreaM2, 232.26},
		{"conditioned area", got.ConditionedAreaM2, 0},
		{"EUI", got.EUIKWhPerM2, 82.42 * gj / 232.26},
		{"unmet heating", got.UnmetHeatingHours, 12.5},
		{"unmet cooling", got.UnmetCoolingHours, 3},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-6*math.Max(1, math.Abs(c.want)) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	// Zero cells, totals and water (m3, not energy) are left out.
	want := []sim.EndUse{{EndUse: "Heating", Fuel: "District Heating Water", KWh: 36 * gj}, {EndUse: "Interior Lighting", Fuel: "Electricity", KWh: 10 * gj}}
	if len(got.EndUses) != len(want) {
		t.Fatalf("end uses = %+v", got.EndUses)
	}
	for i, e := range want {
		g := got.EndUses[i]
		if g.EndUse != e.EndUse || g.Fuel != e.Fuel || math.Abs(g.KWh-e.KWh) > 1e-6 {
			t.Errorf("end use %d = %+v, want %+v", i, g, e)
		}
	}
}

func TestReadResultsKWhAndIP(t *testing.T) {
	path := fakeTabularDB(t, [][5]string{
		{"Site and Source Energy", "Total Site Energy", "Total Energy", "kWh", "   564429.45"},
		{"Building Area", "Total Building Area", "Area", "ft2", "  10000.00"},
	})
	got, err := ReadResults(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.TotalSiteKWh != 564429.45 {
		t.Errorf("total site = %v", got.TotalSiteKWh)
	}
	if math.Abs(got.TotalAreaM2-929.0304) > 1e-9 {
		t.Errorf("area = %v m2, want 929.0304", got.TotalAreaM2)
	}
}

func TestReadResultsErrors(t *testing.T) {
	if _, err := ReadResults(filepath.Join(tempdir.New(t), "missing.sql")); err == nil || !strings.Contains(err.Error(), "missing.sql") {
		t.Errorf("missing file: err = %v", err)
	}
	empty := fakeTabularDB(t, nil)
	if _, err := ReadResults(empty); err == nil || !strings.Contains(err.Error(), "SimpleAndTabular") {
		t.Errorf("no tabular data: err = %v", err)
	}
}
