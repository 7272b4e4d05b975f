package eplusout

import (
	"fmt"
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
	return &res, nil
}
