package eplusout

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
)

// Meter is a meter EnergyPlus wrote hourly into eplusout.sql for the weather-file run period.
type Meter struct {
	Name  string `json:"name"`  // e.g. "Electricity:Facility"
	Units string `json:"units"` // after conversion: kWh for energy meters (EnergyPlus writes J)
	Hours int    `json:"hours"` // hourly values, 8760 for a whole non-leap year
}

// MeterSeries is one meter's hourly values over the weather-file run period, in time order.
// Hour is EnergyPlus's hour ending, 1..24: Hour 1 covers 00:00-01:00.
type MeterSeries struct {
	Name   string    `json:"name"`
	Units  string    `json:"units"`
	Month  []int     `json:"month"`
	Day    []int     `json:"day"`
	Hour   []int     `json:"hour"`
	Values []float64 `json:"values"`
	Total  float64   `json:"total"` // sum of Values, in Units
}

// ErrNoHourlyMeter: the meter was not written hourly for a weather-file run period.
var ErrNoHourlyMeter = errors.New("no hourly values for this meter")

// joulesPerKWh converts EnergyPlus's J meters to the kWh every other figure uses.
const joulesPerKWh = 3.6e6

// Hourly values of the weather-file run periods (EnvironmentType 3), warm-up days excluded;
// design days (type 1) are sizing, not the year. hourlyMeterRows are the meters' and
// hourlyVariableRows the report variables'.
const hourlyRows = `
	FROM ReportData rd
	JOIN ReportDataDictionary d ON rd.ReportDataDictionaryIndex = d.ReportDataDictionaryIndex
	JOIN Time t ON rd.TimeIndex = t.TimeIndex
	JOIN EnvironmentPeriods e ON t.EnvironmentPeriodIndex = e.EnvironmentPeriodIndex
	WHERE d.ReportingFrequency = 'Hourly' AND e.EnvironmentType = 3
	  AND (t.WarmupFlag IS NULL OR t.WarmupFlag = 0)`

const (
	hourlyMeterRows    = hourlyRows + ` AND d.IsMeter = 1`
	hourlyVariableRows = hourlyRows + ` AND d.IsMeter = 0`
)

func openEplusSQL(sqlPath string) (*sql.DB, error) {
	if _, err := os.Stat(sqlPath); err != nil {
		return nil, fmt.Errorf("read %s: %w", sqlPath, err)
	}
	dsn := "file:" + (&url.URL{Path: sqlPath}).EscapedPath() + "?mode=ro&_query_only=1"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", sqlPath, err)
	}
	return db, nil
}

// displayUnits is the unit a meter is shown in and the factor from EnergyPlus's unit.
func displayUnits(units string) (string, float64) {
	if u := strings.TrimSpace(units); u != "J" {
		return u, 1
	}
	return "kWh", 1 / joulesPerKWh
}

// ReadMeters lists the meters eplusout.sql holds hourly for the weather-file run period,
// facility meters first, then by name. An empty list (no error) means the run wrote none: a
// design-day run, or one made before EPSM asked for hourly meters.
func ReadMeters(sqlPath string) ([]Meter, error) {
	db, err := openEplusSQL(sqlPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT d.Name, d.Units, COUNT(*)` + hourlyMeterRows + ` GROUP BY d.ReportDataDictionaryIndex`)
	if err != nil {
		return nil, fmt.Errorf("query meters in %s: %w", sqlPath, err)
	}
	defer rows.Close()
	out := []Meter{}
	for rows.Next() {
		var m Meter
		if err := rows.Scan(&m.Name, &m.Units, &m.Hours); err != nil {
			return nil, fmt.Errorf("scan meters in %s: %w", sqlPath, err)
		}
		if zoneHeatingSubMeter(m.Name) {
			continue
		}
		m.Units, _ = displayUnits(m.Units)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read meters in %s: %w", sqlPath, err)
	}
	facility := func(n string) bool { return strings.HasSuffix(strings.ToLower(n), ":facility") }
	sort.SliceStable(out, func(i, j int) bool {
		if fi, fj := facility(out[i].Name), facility(out[j].Name); fi != fj {
			return fi
		}
		// Electricity first: every model has it, so it is the natural default.
		if ei, ej := out[i].Name == "Electricity:Facility", out[j].Name == "Electricity:Facility"; ei != ej {
			return ei
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// zoneHeatingSubMeter: the run copy's Heating:* request also writes Heating:EnergyTransfer:Zone:<zone>
// for every zone; they are left out of the list (and of the packed meters that outlive
// eplusout.sql) so a 50-zone model does not bury the facility meters.
func zoneHeatingSubMeter(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "heating:") && strings.Contains(n, ":zone:")
}

// ReadMeterSeries returns one meter's hourly values (kWh for energy meters). The meter name is
// matched case-insensitively, as EnergyPlus does.
func ReadMeterSeries(sqlPath, name string) (*MeterSeries, error) {
	db, err := openEplusSQL(sqlPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT d.Name, d.Units, t.Month, t.Day, t.Hour, rd.Value`+hourlyMeterRows+
		` AND d.Name = ? COLLATE NOCASE ORDER BY t.TimeIndex`, name)
	if err != nil {
		return nil, fmt.Errorf("query meter %q in %s: %w", name, sqlPath, err)
	}
	defer rows.Close()
	s := &MeterSeries{Name: name}
	factor := 1.0
	for rows.Next() {
		var units string
		var month, day, hour int
		var v float64
		if err := rows.Scan(&s.Name, &units, &month, &day, &hour, &v); err != nil {
			return nil, fmt.Errorf("scan meter %q in %s: %w", name, sqlPath, err)
		}
		if len(s.Values) == 0 {
			s.Units, factor = displayUnits(units)
		}
		v *= factor
		s.Month = append(s.Month, month)
		s.Day = append(s.Day, day)
		s.Hour = append(s.Hour, hour)
		s.Values = append(s.Values, v)
		s.Total += v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read meter %q in %s: %w", name, sqlPath, err)
	}
	if len(s.Values) == 0 {
		return nil, fmt.Errorf("meter %q in %s: %w", name, sqlPath, ErrNoHourlyMeter)
	}
	return s, nil
}
