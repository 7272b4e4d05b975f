package study

import (
	"database/sql"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// buildWithTemplates writes a variant of a model that applies the given template options
// together, as a study's variant is built, with extra output requests appended.
func buildWithTemplates(t *testing.T, model string, options map[string][]string, outputs ...string) []byte {
	t.Helper()
	b := modelBase(t, model)
	var s Spec
	v := Variant{ID: "templates", Name: "templates", Choices: map[string]string{}, Measures: map[string]string{}}
	for id, values := range options {
		m := Measure{ID: id, Template: id, Values: []Option{{Values: values}}}
		if err := b.Check(m); err != nil {
			t.Fatal(err)
		}
		s.Measures = append(s.Measures, m)
		v.Measures[id] = strings.Join(values, ",")
	}
	built, err := s.Build(b, testLibrary(t), v)
	if err != nil {
		t.Fatal(err)
	}
	return append(built.Text, []byte("\n"+strings.Join(outputs, "\n")+"\n")...)
}

func runSQL(t *testing.T, text []byte, name string) *sql.DB {
	t.Helper()
	out, dir := runModel(t, realEngine(t), text, name, true)
	if !out.Status.Succeeded() {
		t.Fatalf("%s: %s %s; last severe %s", name, out.Status, out.Message, out.LastSevere)
	}
	for msg := range severeMessages(t, dir) {
		t.Errorf("%s: severe error: %s", name, msg)
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "eplusout.sql")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// tabular is every row of one column of one EnergyPlus report table, by row name.
func tabular(t *testing.T, db *sql.DB, report, table, column string) map[string]string {
	t.Helper()
	rows, err := db.Query(`SELECT RowName, TRIM(Value) FROM TabularDataWithStrings WHERE ReportName=? AND TableName=? AND ColumnName=?`, report, table, column)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var row, value string
		if err := rows.Scan(&row, &value); err != nil {
			t.Fatal(err)
		}
		out[row] = value
	}
	if len(out) == 0 {
		t.Fatalf("EnergyPlus reported no %s / %s / %s", report, table, column)
	}
	return out
}

// series is an output variable's values per key, in time order.
func series(t *testing.T, db *sql.DB, variable string) map[string][]float64 {
	t.Helper()
	rows, err := db.Query(`SELECT UPPER(d.KeyValue), r.Value FROM ReportData r JOIN ReportDataDictionary d ON r.ReportDataDictionaryIndex = d.ReportDataDictionaryIndex
		WHERE d.Name = ? ORDER BY r.TimeIndex`, variable)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][]float64{}
	for rows.Next() {
		var key string
		var v float64
		if err := rows.Scan(&key, &v); err != nil {
			t.Fatal(err)
		}
		out[key] = append(out[key], v)
	}
	if len(out) == 0 {
		t.Fatalf("EnergyPlus reported no %q", variable)
	}
	return out
}

// On the residential test model, in one variant as a study builds it: infiltration at 0.3
// air changes per hour, setpoints 21 / 26 °C, heat recovery at 0.8 and 10 kW of roof PV; in a
// second, infiltration per exterior area and 5 kW of PV. Each is read back from EnergyPlus's
// own reports of the design-day runs.
func TestTemplatesOnTheEngineResidential(t *testing.T) {
	text := buildWithTemplates(t, testIDF, map[string][]string{
		"infiltration-ach": {"0.3"}, "heating-setpoint": {"21"}, "cooling-setpoint": {"26"}, "heat-recovery": {"0.8"}, "roof-pv": {"10"},
	},
		"Output:Variable,*,Zone Thermostat Heating Setpoint Temperature,timestep;",
		"Output:Variable,*,Zone Thermostat Cooling Setpoint Temperature,timestep;",
		"Output:Variable,*,Zone Ideal Loads Heat Recovery Sensible Heating Rate,timestep;",
		"Output:Variable,*,Zone Ideal Loads Outdoor Air Mass Flow Rate,timestep;",
		"Output:Variable,*,Zone Mean Air Temperature,timestep;",
		"Output:Variable,*,Site Outdoor Air Drybulb Temperature,timestep;",
		"Output:Variable,*,Generator Produced DC Electricity Rate,timestep;",
	)
	db := runSQL(t, text, "residential")

	t.Run("infiltration", func(t *testing.T) {
		ach := tabular(t, db, "InitializationSummary", "ZoneInfiltration Airflow Stats Nominal", "ACH - Air Changes per Hour")
		for row, v := range ach {
			if parseFloat(t, v) != 0.3 {
				t.Errorf("%s: EnergyPlus reports %s air changes per hour, want 0.3", row, v)
			}
		}
		t.Logf("%d infiltration rows at 0.3 ACH", len(ach))
	})
	t.Run("setpoints", func(t *testing.T) {
		for variable, want := range map[string]float64{"Zone Thermostat Heating Setpoint Temperature": 21, "Zone Thermostat Cooling Setpoint Temperature": 26} {
			zones := series(t, db, variable)
			for zone, values := range zones {
				for _, v := range values {
					if v != want {
						t.Fatalf("%s %s: %g, want %g at every timestep", zone, variable, v, want)
					}
				}
			}
			if len(zones) != 4 {
				t.Errorf("%s for %d zones, want the model's 4", variable, len(zones))
			}
		}
	})
	t.Run("heat recovery", func(t *testing.T) {
		// The ideal loads system's sensible recovery: Q = eff * m_oa * cp * (T_zone - T_out).
		q := series(t, db, "Zone Ideal Loads Heat Recovery Sensible Heating Rate")
		m := series(t, db, "Zone Ideal Loads Outdoor Air Mass Flow Rate")
		zoneT := series(t, db, "Zone Mean Air Temperature")
		out := series(t, db, "Site Outdoor Air Drybulb Temperature")["ENVIRONMENT"]
		checked := 0
		for system, rates := range q {
			zone := strings.TrimSuffix(system, " IDEAL LOADS AIR SYSTEM")
			for i, rate := range rates {
				dT := zoneT[zone][i] - out[i]
				if dT < 10 || m[system][i] <= 0 {
					continue // a cold hour with outdoor air flowing
				}
				eff := rate / (m[system][i] * 1006 * dT)
				if math.Abs(eff-0.8) > 0.02 {
					t.Fatalf("%s, timestep %d: effectiveness %.3f from EnergyPlus's rates, want 0.8", system, i, eff)
				}
				checked++
			}
		}
		if checked == 0 {
			t.Fatal("no cold timestep with outdoor air to check the heat recovery on")
		}
		t.Logf("%d timesteps at effectiveness 0.8 +- 0.02", checked)
	})
	// A second variant: the other infiltration method, and half the PV. PVWatts's DC output is
	// proportional to the capacity (the cell temperature depends on the sun, not the size), so
	// the peaks of the two runs are 10 : 5.
	half := runSQL(t, buildWithTemplates(t, testIDF, map[string][]string{"infiltration-flow-per-area": {"0.0002"}, "roof-pv": {"5"}},
		"Output:Variable,*,Generator Produced DC Electricity Rate,timestep;"), "residential-2")
	t.Run("infiltration per exterior area", func(t *testing.T) {
		for row, v := range tabular(t, half, "InitializationSummary", "ZoneInfiltration Airflow Stats Nominal", "Volume Flow Rate/Exterior Surface Area {m3/s-m2}") {
			if parseFloat(t, v) != 0.0002 {
				t.Errorf("%s: EnergyPlus reports %s m3/s-m2, want 0.0002", row, v)
			}
		}
	})
	t.Run("roof PV", func(t *testing.T) {
		peak := func(db *sql.DB) float64 {
			dc := series(t, db, "Generator Produced DC Electricity Rate")
			if _, ok := dc["EPSM PV JTTESTENSGATAN_3_19_FLOOR4_ROOM1..FACE6"]; !ok || len(dc) != 1 {
				t.Fatalf("generators %v, want one on the south pitch", keys(dc))
			}
			p := 0.0
			for _, values := range dc {
				for _, v := range values {
					p = max(p, v)
				}
			}
			return p
		}
		full, half := peak(db), peak(half)
		// PVWatts never gives more than the DC capacity; a design day's sun gives a good part.
		if full <= 3000 || full > 10000 || math.Abs(full/half-2) > 0.01 {
			t.Fatalf("peak DC output %.0f W at 10 kW and %.0f W at 5 kW; want 3..10 kW and twice the 5 kW peak", full, half)
		}
		t.Logf("peak DC output %.0f W at 10 kW, %.0f W at 5 kW", full, half)
	})
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// On a packaged terminal heat pump: the rated COPs and the fan efficiency, as EnergyPlus's
// Equipment Summary reports them.
func TestTemplatesOnTheEngineHeatPump(t *testing.T) {
	text := buildWithTemplates(t, pthpIDF, map[string][]string{"heat-pump-cop": {"4.2", "3.6"}, "fan-efficiency": {"0.55"}})
	db := runSQL(t, text, "pthp")
	for _, c := range []struct{ table, row, column, want string }{
		{"Heating Coils", "ZONE ONE PTHP HEATING COIL", "Nominal Efficiency", "4.20"},
		{"Cooling Coils", "ZONE ONE PTHP COOLING COIL", "Nominal Efficiency", "3.60"},
		{"Fans", "ZONE ONE PTHP SUPPLY FAN", "Total Efficiency", "0.55"},
	} {
		if got := tabular(t, db, "EquipmentSummary", c.table, c.column)[c.row]; got != c.want {
			t.Errorf("Equipment Summary %s %s %s: %q, want %s", c.table, c.row, c.column, got, c.want)
		}
	}
}
