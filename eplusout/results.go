package eplusout

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"epsm/sim"

	_ "github.com/mattn/go-sqlite3" // driver for reading eplusout.sql
)

// energyToKWh converts the energy units EnergyPlus's tabular reports use.
var energyToKWh = map[string]float64{
	"GJ":   1e9 / 3.6e6,
	"MJ":   1e6 / 3.6e6,
	"kWh":  1,
	"kBtu": 0.29307107,
	"MBtu": 293.07107,
	"J":    1 / 3.6e6,
}

var areaToM2 = map[string]float64{"m2": 1, "ft2": 0.09290304}

// ReadResults extracts Results from an eplusout.sql. Table and column names are matched by
// name, never by position, because they change between EnergyPlus versions.
func ReadResults(sqlPath string) (*sim.Results, error) {
	db, err := openEplusSQL(sqlPath)
	if err != nil {
		return nil, fmt.Errorf("results: %w", err)
	}
	defer db.Close()

	rows, err := db.Query(`SELECT TableName, RowName, ColumnName, Units, CAST(Value AS REAL)
		FROM TabularDataWithStrings
		WHERE ReportName = 'AnnualBuildingUtilityPerformanceSummary' AND ReportForString = 'Entire Facility'
		  AND TableName IN ('Site and Source Energy', 'Building Area', 'End Uses', 'Comfort and Setpoint Not Met Summary')`)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", sqlPath, err)
	}
	defer rows.Close()

	var res sim.Results
	found := false
	for rows.Next() {
		var table, row, col, units string
		var v float64
		if err := rows.Scan(&table, &row, &col, &units, &v); err != nil {
			return nil, fmt.Errorf("scan %s: %w", sqlPath, err)
		}
		found = true
		units = strings.TrimSpace(units)
		switch table {
		case "Site and Source Energy":
			f, ok := energyToKWh[units]
			if !ok || col != "Total Energy" {
				continue
			}
			switch row {
			case "Total Site Energy":
				res.TotalSiteKWh = v * f
			case "Net Site Energy":
				res.NetSiteKWh = v * f
			case "Total Source Energy":
				res.TotalSourceKWh = v * f
			}
		case "Building Area":
			f, ok := areaToM2[units]
			if !ok {
				continue
			}
			switch row {
			case "Total Building Area":
				res.TotalAreaM2 = v * f
			case "Net Conditioned Building Area":
				res.ConditionedAreaM2 = v * f
			}
		case "End Uses":
			f, ok := energyToKWh[units]
			if !ok || row == "" || row == "Total End Uses" || v == 0 {
				continue // water (m3) is not energy
			}
			res.EndUses = append(res.EndUses, sim.EndUse{EndUse: row, Fuel: col, KWh: v * f})
		case "Comfort and Setpoint Not Met Summary":
			switch row {
			case "Time Setpoint Not Met During Occupied Heating":
				res.UnmetHeatingHours = v
			case "Time Setpoint Not Met During Occupied Cooling":
				res.UnmetCoolingHours = v
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", sqlPath, err)
	}
	if !found {
		return nil, fmt.Errorf("%s has no AnnualBuildingUtilityPerformanceSummary: the run wrote no tabular data (Output:SQLite must be SimpleAndTabular)", sqlPath)
	}
	if res.TotalAreaM2 > 0 {
		res.EUIKWhPerM2 = res.TotalSiteKWh / res.TotalAreaM2
	}
	if res.PeakHeatingW, res.PeakHeatingDailyW, err = readPeakHeating(db); err != nil {
		return nil, fmt.Errorf("%s: %w", sqlPath, err)
	}
	if res.Zones, err = readZoneTemperatures(db); err != nil {
		return nil, fmt.Errorf("%s: %w", sqlPath, err)
	}
	return &res, nil
}

// readPeakHeating returns the highest hourly and daily mean power, in W, of space heating
// summed over fuels: the Heating:<fuel> meters (Heating:EnergyTransfer is heat delivered to the
// zones, not energy bought, and its per-zone sub-meters have more colons). Both nil when the run
// wrote no hourly meters at all; 0 when it has meters but nothing heats.
func readPeakHeating(db *sql.DB) (hourly, daily *float64, err error) {
	if ok, err := hasReportData(db); !ok || err != nil {
		return nil, nil, err
	}
	var meters int
	if err := db.QueryRow(`SELECT COUNT(*) FROM ReportDataDictionary WHERE IsMeter = 1 AND ReportingFrequency = 'Hourly'`).Scan(&meters); err != nil {
		return nil, nil, fmt.Errorf("count hourly meters: %w", err)
	}
	if meters == 0 {
		return nil, nil, nil
	}
	rows, err := db.Query(`SELECT t.Month, t.Day, SUM(rd.Value)` + hourlyMeterRows + `
		  AND d.Name LIKE 'Heating:%' AND d.Name NOT LIKE 'Heating:%:%' AND d.Name <> 'Heating:EnergyTransfer' COLLATE NOCASE
		GROUP BY t.TimeIndex ORDER BY t.TimeIndex`)
	if err != nil {
		return nil, nil, fmt.Errorf("query heating meters: %w", err)
	}
	defer rows.Close()
	var peak, peakDay, day float64
	lastMonth, lastDay, hours := -1, -1, 0
	closeDay := func() {
		if hours > 0 && day/(float64(hours)*3600) > peakDay {
			peakDay = day / (float64(hours) * 3600)
		}
	}
	for rows.Next() {
		var month, dom int
		var joules float64
		if err := rows.Scan(&month, &dom, &joules); err != nil {
			return nil, nil, fmt.Errorf("scan heating meters: %w", err)
		}
		if month != lastMonth || dom != lastDay {
			closeDay()
			day, hours, lastMonth, lastDay = 0, 0, month, dom
		}
		day += joules
		hours++
		if w := joules / 3600; w > peak {
			peak = w
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read heating meters: %w", err)
	}
	closeDay()
	return &peak, &peakDay, nil
}

// readZoneTemperatures counts each zone's hours above every threshold of sim.ZoneTempThreshold
// from the hourly Zone Operative Temperature. When the run has occupant counts (the model has
// People) only occupied hours count, and zones nobody occupies are left out (a plenum or an
// attic is not overheating anyone); otherwise every hour of every zone counts.
func readZoneTemperatures(db *sql.DB) ([]sim.ZoneTemperatures, error) {
	if ok, err := hasReportData(db); !ok || err != nil {
		return nil, err
	}
	rows, err := db.Query(`SELECT d.Name, UPPER(d.KeyValue), t.TimeIndex, rd.Value`+hourlyVariableRows+`
		  AND d.Name IN (?, ?) COLLATE NOCASE ORDER BY t.TimeIndex`, "Zone Operative Temperature", "Zone People Occupant Count")
	if err != nil {
		return nil, fmt.Errorf("query zone temperatures: %w", err)
	}
	defer rows.Close()
	type hour struct {
		temp, people float64
		hasTemp      bool
	}
	zones := map[string]map[int64]*hour{}
	withPeople := map[string]bool{}
	at := func(zone string, ti int64) *hour {
		z := zones[zone]
		if z == nil {
			z = map[int64]*hour{}
			zones[zone] = z
		}
		h := z[ti]
		if h == nil {
			h = &hour{}
			z[ti] = h
		}
		return h
	}
	for rows.Next() {
		var name, zone string
		var ti int64
		var v float64
		if err := rows.Scan(&name, &zone, &ti, &v); err != nil {
			return nil, fmt.Errorf("scan zone temperatures: %w", err)
		}
		h := at(zone, ti)
		if strings.EqualFold(name, "Zone Operative Temperature") {
			h.temp, h.hasTemp = v, true
		} else {
			h.people = v
			withPeople[zone] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read zone temperatures: %w", err)
	}
	occupied := len(withPeople) > 0
	var out []sim.ZoneTemperatures
	for zone, hours := range zones {
		if occupied && !withPeople[zone] {
			continue
		}
		z := sim.ZoneTemperatures{Zone: zone, Occupied: occupied, Above: make([]int, sim.ZoneTempSteps)}
		for _, h := range hours {
			if !h.hasTemp || (occupied && h.people <= 0) {
				continue
			}
			z.Hours++
			for i := 0; i < sim.ZoneTempSteps && h.temp > sim.ZoneTempThreshold(i); i++ {
				z.Above[i]++
			}
		}
		out = append(out, z)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Zone < out[j].Zone })
	return out, nil
}

// hasReportData: an eplusout.sql with only tabular data (a fixture, or Output:SQLite's
// SimpleAndTabular written by a run that reported nothing hourly) has no report tables.
func hasReportData(db *sql.DB) (bool, error) {
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('ReportData', 'ReportDataDictionary', 'Time', 'EnvironmentPeriods')`).Scan(&n); err != nil {
		return false, fmt.Errorf("list tables: %w", err)
	}
	return n == 4, nil
}
