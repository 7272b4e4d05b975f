package lca

import (
	"math"
	"testing"
)

// testSettings: round numbers so the hand calculations stay readable.
func testSettings() Settings {
	return Settings{
		Fuels: map[string]Fuel{
			"Electricity":            {KgCO2ePerKWh: f64(0.05), PricePerKWh: f64(2.0)},
			"District Heating Water": {KgCO2ePerKWh: f64(0.06), PricePerKWh: f64(0.8)},
			"Natural Gas":            {KgCO2ePerKWh: f64(0.2)}, // price left blank
		},
		Currency:            "SEK",
		AnalysisPeriodYears: 50,
	}
}

func TestOperational(t *testing.T) {
	cases := []struct {
		name          string
		byFuel        map[string]float64
		carbon, cost  float64
		carbonMissing []string
		costMissing   []string
	}{
		{
			// 20,000 * 0.05 + 100,000 * 0.06 = 1,000 + 6,000 = 7,000 kg
			// 20,000 * 2.0 + 100,000 * 0.8 = 40,000 + 80,000 = 120,000 SEK
			name:   "all factors known",
			byFuel: map[string]float64{"Electricity": 20000, "District Heating Water": 100000},
			carbon: 7000, cost: 120000,
		},
		{
			name:   "no energy at all",
			byFuel: map[string]float64{},
			carbon: 0, cost: 0,
		},
		{
			// Coal has no factor and no price in testSettings, but nothing is burnt.
			name:   "zero use needs no factor",
			byFuel: map[string]float64{"Electricity": 1000, "Coal": 0},
			carbon: 50, cost: 2000,
		},
		{
			// Gas: 10,000 * 0.2 = 2,000 kg; no price. Electricity 1,000 * 0.05 = 50 kg, * 2 = 2,000 SEK.
			name:   "used fuel without price",
			byFuel: map[string]float64{"Electricity": 1000, "Natural Gas": 10000},
			carbon: 2050, cost: 2000, costMissing: []string{"Natural Gas price"},
		},
		{
			name:   "used fuel not in settings at all",
			byFuel: map[string]float64{"Electricity": 1000, "Propane": 500},
			carbon: 50, cost: 2000,
			carbonMissing: []string{"Propane emission factor"}, costMissing: []string{"Propane price"},
		},
		{
			name:   "non-finite use",
			byFuel: map[string]float64{"Electricity": math.NaN()},
			carbon: 0, cost: 0,
			carbonMissing: []string{"Electricity use is not a finite number"},
			costMissing:   []string{"Electricity use is not a finite number"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			carbon, cost := Operational(c.byFuel, testSettings())
			assertAmount(t, "carbon", carbon, c.carbon, len(c.carbonMissing) == 0, c.carbonMissing...)
			assertAmount(t, "cost", cost, c.cost, len(c.costMissing) == 0, c.costMissing...)
		})
	}
}

// A caller that skipped Validate still gets a named gap, not a negative emission.
func TestOperationalTreatsInvalidRateAsMissing(t *testing.T) {
	s := testSettings()
	s.Fuels["Electricity"] = Fuel{KgCO2ePerKWh: f64(-1), PricePerKWh: f64(math.Inf(1))}
	carbon, cost := Operational(map[string]float64{"Electricity": 10}, s)
	assertAmount(t, "carbon", carbon, 0, false, "Electricity emission factor")
	assertAmount(t, "cost", cost, 0, false, "Electricity price")
}

func TestOperationalWithDefaults(t *testing.T) {
	// 10,000 kWh electricity * 0.059 = 590 kg; 5,000 kWh gas * 0.20196 = 1,009.8 kg.
	// Only electricity has a default price (2.18 SEK/kWh): the cost counts its 21,800 SEK as a
	// lower bound and names the gas price it lacks.
	carbon, cost := Operational(map[string]float64{"Electricity": 10000, "Natural Gas": 5000}, DefaultSettings())
	assertAmount(t, "carbon", carbon, 1599.8, true)
	assertAmount(t, "cost", cost, 21800, false, "Natural Gas price")
}
