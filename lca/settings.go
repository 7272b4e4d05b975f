package lca

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidSettings is wrapped by every error Validate returns.
var ErrInvalidSettings = errors.New("invalid carbon and cost settings")

// Limits of Settings. The discount rate stops below 50 %: beyond that the energy cost after the
// first couple of years vanishes and the study says nothing useful.
const (
	MinPeriodYears  = 1
	MaxPeriodYears  = 200
	MaxDiscountRate = 0.5 // exclusive
)

// FuelNames are the fuel columns of the End Uses table in EnergyPlus's
// AnnualBuildingUtilityPerformanceSummary, where a run's delivered energy by fuel comes from.
// Water is left out: it is not energy.
func FuelNames() []string {
	return []string{
		"Electricity", "Natural Gas", "District Heating Water", "District Heating Steam",
		"District Cooling", "Fuel Oil No 1", "Fuel Oil No 2", "Propane", "Coal", "Diesel",
		"Gasoline", "Other Fuel 1", "Other Fuel 2",
	}
}

// Fuel holds what one kWh of a delivered fuel emits and costs. A nil pointer is a blank the user
// has to fill in, never zero: a fuel that is used but has no factor makes the totals incomplete.
type Fuel struct {
	KgCO2ePerKWh *float64 `json:"kgCO2ePerKWh"`
	CarbonSource string   `json:"carbonSource"`
	PricePerKWh  *float64 `json:"pricePerKWh"` // in Settings.Currency
	PriceSource  string   `json:"priceSource"`
}

// Settings are the study-wide assumptions that turn energy into carbon and money.
//
// Discounting: DiscountRate is a real rate (all prices in today's money, no energy price
// escalation). The investment is paid at the start (year 0, not discounted); each year's energy
// cost is paid at the end of that year, so year t is divided by (1+r)^t, t = 1..N. Carbon is never
// discounted. A rate of 0 gives the plain sum over the period. Components wear out within the
// period: their replacements and residual value are discounted at the same rate (see Component).
type Settings struct {
	Fuels                map[string]Fuel `json:"fuels"` // keyed by FuelNames
	Currency             string          `json:"currency"`
	CurrencySource       string          `json:"currencySource"`
	AnalysisPeriodYears  int             `json:"analysisPeriodYears"`
	AnalysisPeriodSource string          `json:"analysisPeriodSource"`
	DiscountRate         float64         `json:"discountRate"` // real, per year, 0.03 = 3 %
	DiscountRateSource   string          `json:"discountRateSource"`
}

// Problem is one thing wrong with Settings. Field is the JSON path of the input that needs
// fixing ("currency", "analysisPeriodYears", "discountRate", "fuels.Electricity.kgCO2ePerKWh",
// "fuels.Electricity.pricePerKWh", or "fuels.<name>" for a fuel EnergyPlus does not have), so a
// form puts Message next to that input without reading the message.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// JSON paths of the Settings inputs, as Problem.Field names them.
const (
	FieldCurrency       = "currency"
	FieldAnalysisPeriod = "analysisPeriodYears"
	FieldDiscountRate   = "discountRate"
)

// FuelField is the JSON path of a fuel's input: FuelField("Electricity", "pricePerKWh") is
// "fuels.Electricity.pricePerKWh"; an empty input names the fuel itself ("fuels.Electricity").
func FuelField(fuel, input string) string {
	if input == "" {
		return "fuels." + fuel
	}
	return "fuels." + fuel + "." + input
}

// Problems lists every problem at once, so a settings form can mark all bad fields in one go.
func (s Settings) Problems() []Problem {
	var out []Problem
	bad := func(field, format string, a ...any) {
		out = append(out, Problem{Field: field, Message: fmt.Sprintf(format, a...)})
	}
	known := map[string]bool{}
	for _, n := range FuelNames() {
		known[n] = true
	}
	for _, name := range sortedKeys(s.Fuels) {
		f := s.Fuels[name]
		if !known[name] {
			bad(FuelField(name, ""), "unknown fuel %q (expected one of EnergyPlus's End Uses columns: %s)", name, strings.Join(FuelNames(), ", "))
		}
		if p := f.KgCO2ePerKWh; p != nil && !(isFinite(*p) && *p >= 0) {
			bad(FuelField(name, "kgCO2ePerKWh"), "%s emission factor %g kg CO2e/kWh must be a number >= 0", name, *p)
		}
		if p := f.PricePerKWh; p != nil && !(isFinite(*p) && *p >= 0) {
			bad(FuelField(name, "pricePerKWh"), "%s price %g %s/kWh must be a number >= 0", name, *p, s.Currency)
		}
	}
	if strings.TrimSpace(s.Currency) == "" {
		bad(FieldCurrency, "currency is empty")
	}
	if s.AnalysisPeriodYears < MinPeriodYears || s.AnalysisPeriodYears > MaxPeriodYears {
		bad(FieldAnalysisPeriod, "analysis period %d years is outside %d..%d", s.AnalysisPeriodYears, MinPeriodYears, MaxPeriodYears)
	}
	if !(s.DiscountRate >= 0 && s.DiscountRate < MaxDiscountRate) { // also rejects NaN
		bad(FieldDiscountRate, "discount rate %g is outside [0, %g)", s.DiscountRate, MaxDiscountRate)
	}
	return out
}

// Validate returns the Problems as one error, a line each, wrapping ErrInvalidSettings; nil
// when there is none.
func (s Settings) Validate() error {
	var errs []error
	for _, p := range s.Problems() {
		errs = append(errs, fmt.Errorf("%w: %s", ErrInvalidSettings, p.Message))
	}
	return errors.Join(errs...)
}

// periodYears is the analysis period as an Amount, so that an invalid period shows up as a named
// gap in the results instead of as a silently wrong number.
func (s Settings) periodYears() Amount {
	if s.AnalysisPeriodYears < MinPeriodYears || s.AnalysisPeriodYears > MaxPeriodYears {
		return Unknown(fmt.Sprintf("analysis period (%d..%d years)", MinPeriodYears, MaxPeriodYears))
	}
	return Known(float64(s.AnalysisPeriodYears))
}
