package lca

// Operational is a run's yearly operational carbon (kg CO2e) and energy cost (Settings.Currency)
// from its delivered energy by fuel (kWh, keyed by End Uses column name).
//
// A fuel with zero use needs no factor or price. A fuel with use but no factor (or no price, or an
// invalid one) leaves that result incomplete and names the fuel, e.g. "District Heating Water
// emission factor"; the other fuels still add up in Value. Use is taken as given, sign included.
func Operational(byFuel map[string]float64, s Settings) (carbonPerYear Amount, costPerYear Amount) {
	carbonPerYear, costPerYear = Known(0), Known(0)
	for _, name := range sortedKeys(byFuel) {
		kwh := byFuel[name]
		if kwh == 0 {
			continue
		}
		if !isFinite(kwh) {
			bad := Unknown(name + " use is not a finite number")
			carbonPerYear, costPerYear = carbonPerYear.Add(bad), costPerYear.Add(bad)
			continue
		}
		f := s.Fuels[name] // an absent fuel is as missing as a blank one
		carbonPerYear = carbonPerYear.Add(perKWh(kwh, f.KgCO2ePerKWh, name+" emission factor"))
		costPerYear = costPerYear.Add(perKWh(kwh, f.PricePerKWh, name+" price"))
	}
	return carbonPerYear, costPerYear
}

// perKWh treats a negative or non-finite rate like a blank one: Validate would have refused it,
// and a caller that skipped Validate must still get a result that says what is wrong.
func perKWh(kwh float64, rate *float64, name string) Amount {
	if rate == nil || !isFinite(*rate) || *rate < 0 {
		return Unknown(name)
	}
	return Known(kwh * *rate)
}
