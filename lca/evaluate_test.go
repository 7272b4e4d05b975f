package lca

import (
	"testing"
)

// The worked example used below, by hand (testSettings: electricity 0.05 kg and 2.0 SEK per kWh,
// district heating 0.06 kg and 0.8 SEK per kWh, 50 years, undiscounted).
//
// Baseline (unchanged): 20,000 kWh electricity + 100,000 kWh district heating = 120,000 kWh.
//
//	operational carbon  1,000 + 6,000 = 7,000 kg/yr, x 50 = 350,000 kg; embodied 0
//	energy cost         40,000 + 80,000 = 120,000 SEK/yr, x 50 = 6,000,000 SEK; investment 0
//
// Variant (walls insulated): 20,000 kWh electricity + 60,000 kWh district heating = 80,000 kWh.
//
//	operational carbon  1,000 + 3,600 = 4,600 kg/yr, x 50 = 230,000 kg; + 30,000 embodied = 260,000 kg
//	energy cost         40,000 + 48,000 = 88,000 SEK/yr, x 50 = 4,400,000; + 600,000 = 5,000,000 SEK
//
// Savings: energy 40,000 kWh (33.33 %), carbon 2,400 kg/yr (34.29 %), cost 32,000 SEK/yr (26.67 %),
//
//	life-cycle carbon 90,000 kg (25.71 %), life-cycle cost 1,000,000 SEK (16.67 %).
//
// Simple payback 600,000 / 32,000 = 18.75 years; carbon payback 30,000 / 2,400 = 12.5 years.
func baselineInputs() Inputs {
	return Inputs{
		EnergyKWh: 120000,
		ByFuel:    map[string]float64{"Electricity": 20000, "District Heating Water": 100000},
		Unchanged: true, // EmbodiedKgCO2e and InvestmentCost left blank on purpose
	}
}

func variantInputs() Inputs {
	return Inputs{
		EnergyKWh:      80000,
		ByFuel:         map[string]float64{"Electricity": 20000, "District Heating Water": 60000},
		EmbodiedKgCO2e: Known(30000),
		InvestmentCost: Known(600000),
	}
}

func TestEvaluateWorkedExample(t *testing.T) {
	r := Evaluate(variantInputs(), baselineInputs(), testSettings())
	figures := []struct {
		name string
		got  Amount
		want float64
	}{
		{"annual energy", r.AnnualEnergyKWh, 80000},
		{"operational carbon per year", r.OperationalKgCO2ePerYear, 4600},
		{"operational carbon over 50 years", r.OperationalKgCO2e, 230000},
		{"embodied carbon", r.EmbodiedKgCO2e, 30000},
		{"life-cycle carbon", r.LifeCycleKgCO2e, 260000},
		{"energy cost per year", r.EnergyCostPerYear, 88000},
		{"energy cost over 50 years", r.EnergyCostPresentValue, 4400000},
		{"investment", r.InvestmentCost, 600000},
		{"life-cycle cost", r.LifeCycleCost, 5000000},
	}
	for _, f := range figures {
		assertAmount(t, f.name, f.got, f.want, true)
	}
	savings := []struct {
		name          string
		got           Saving
		absolute, pct float64
	}{
		{"energy", r.Savings.EnergyKWh, 40000, 40000.0 / 120000 * 100},
		{"operational carbon", r.Savings.OperationalKgCO2ePerYear, 2400, 2400.0 / 7000 * 100},
		{"energy cost", r.Savings.EnergyCostPerYear, 32000, 32000.0 / 120000 * 100},
		{"life-cycle carbon", r.Savings.LifeCycleKgCO2e, 90000, 90000.0 / 350000 * 100},
		{"life-cycle cost", r.Savings.LifeCycleCost, 1000000, 1000000.0 / 6000000 * 100},
	}
	for _, s := range savings {
		assertAmount(t, s.name+" saving", s.got.Amount, s.absolute, true)
		if s.got.Percent == nil || !near(*s.got.Percent, s.pct, 1e-9) {
			t.Errorf("%s saving percent = %v, want %.4f", s.name, s.got.Percent, s.pct)
		}
	}
	assertPayback(t, "simple", r.SimplePayback, f64(18.75), "", false)
	assertPayback(t, "carbon", r.CarbonPayback, f64(12.5), "", false)
	if r.Unchanged || r.Currency != "SEK" || r.AnalysisPeriodYears != 50 {
		t.Errorf("unchanged/currency/period = %v/%q/%d", r.Unchanged, r.Currency, r.AnalysisPeriodYears)
	}
}

// Same example at a 3 % real rate: present value factor (1 - 1.03^-50)/0.03 = 25.729764.
// Baseline energy cost 120,000 * 25.729764 = 3,087,571.68; variant 88,000 * 25.729764 =
// 2,264,219.23, + 600,000 = 2,864,219.23; saving 223,352.45 SEK. Carbon is not discounted and the
// simple payback stays undiscounted: 18.75 years.
func TestEvaluateDiscounted(t *testing.T) {
	s := testSettings()
	s.DiscountRate = 0.03
	r := Evaluate(variantInputs(), baselineInputs(), s)
	if !near(r.EnergyCostPresentValue.Value, 2264219.23, 1e-8) || !near(r.LifeCycleCost.Value, 2864219.23, 1e-8) {
		t.Errorf("energy cost PV %.2f, LCC %.2f; want 2,264,219.23 and 2,864,219.23", r.EnergyCostPresentValue.Value, r.LifeCycleCost.Value)
	}
	if !near(r.Savings.LifeCycleCost.Value, 223352.45, 1e-8) {
		t.Errorf("LCC saving %.2f, want 223,352.45", r.Savings.LifeCycleCost.Value)
	}
	assertAmount(t, "life-cycle carbon", r.LifeCycleKgCO2e, 260000, true)
	assertPayback(t, "simple", r.SimplePayback, f64(18.75), "", false)
	if r.DiscountRate != 0.03 {
		t.Errorf("result does not echo the rate: %g", r.DiscountRate)
	}
}

func TestEvaluateIncompleteAndEdgeCases(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(v, b *Inputs, s *Settings)
		check func(t *testing.T, r Result)
	}{
		{
			name: "missing investment cost: LCC and simple payback incomplete, named",
			edit: func(v, _ *Inputs, _ *Settings) { v.InvestmentCost = Unknown("ETICS 150 mm cost per m2") },
			check: func(t *testing.T, r Result) {
				assertAmount(t, "LCC", r.LifeCycleCost, 4400000, false, "ETICS 150 mm cost per m2")
				assertPayback(t, "simple", r.SimplePayback, nil, ReasonIncomplete, false, "ETICS 150 mm cost per m2")
				assertAmount(t, "LC carbon", r.LifeCycleKgCO2e, 260000, true)
				assertPayback(t, "carbon", r.CarbonPayback, f64(12.5), "", false)
				if r.Savings.LifeCycleCost.Percent != nil || r.Savings.LifeCycleCost.PercentReasonCode != ReasonIncomplete {
					t.Errorf("LCC saving percent %v (%q), want null, incomplete", r.Savings.LifeCycleCost.Percent, r.Savings.LifeCycleCost.PercentReasonCode)
				}
			},
		},
		{
			name: "blank embodied carbon is missing, not zero",
			edit: func(v, _ *Inputs, _ *Settings) { v.EmbodiedKgCO2e = Amount{} },
			check: func(t *testing.T, r Result) {
				assertAmount(t, "embodied", r.EmbodiedKgCO2e, 0, false, "embodied carbon")
				assertAmount(t, "LC carbon", r.LifeCycleKgCO2e, 230000, false, "embodied carbon")
				assertPayback(t, "carbon", r.CarbonPayback, nil, ReasonIncomplete, false, "embodied carbon")
			},
		},
		{
			name: "fuel without a factor makes operational figures incomplete, naming the fuel",
			edit: func(_, _ *Inputs, s *Settings) { s.Fuels["District Heating Water"] = Fuel{PricePerKWh: f64(0.8)} },
			check: func(t *testing.T, r Result) {
				assertAmount(t, "op carbon", r.OperationalKgCO2ePerYear, 1000, false, "District Heating Water emission factor")
				assertAmount(t, "LC carbon", r.LifeCycleKgCO2e, 80000, false, "District Heating Water emission factor")
				assertPayback(t, "carbon", r.CarbonPayback, nil, ReasonIncomplete, false, "District Heating Water emission factor")
				assertAmount(t, "LCC", r.LifeCycleCost, 5000000, true)
			},
		},
		{
			// 20,000 * 2.0 + 120,000 * 0.8 = 136,000 SEK/yr > baseline 120,000: no saving.
			name: "a variant that costs more to run never pays back, even with its investment unknown",
			edit: func(v, _ *Inputs, _ *Settings) {
				v.ByFuel = map[string]float64{"Electricity": 20000, "District Heating Water": 120000}
				v.InvestmentCost = Unknown("Window cost")
			},
			check: func(t *testing.T, r Result) {
				assertPayback(t, "simple", r.SimplePayback, nil, ReasonNoCostSaving, false)
				assertPayback(t, "carbon", r.CarbonPayback, nil, ReasonNoCarbonSaving, false)
				assertAmount(t, "cost saving", r.Savings.EnergyCostPerYear.Amount, -16000, true)
			},
		},
		{
			name:  "no extra investment with a saving pays back at once",
			edit:  func(v, _ *Inputs, _ *Settings) { v.InvestmentCost = Known(0) },
			check: func(t *testing.T, r Result) { assertPayback(t, "simple", r.SimplePayback, f64(0), "", false) },
		},
		{
			// 18.75 years > 10.
			name:  "payback beyond the analysis period is flagged",
			edit:  func(_, _ *Inputs, s *Settings) { s.AnalysisPeriodYears = 10 },
			check: func(t *testing.T, r Result) { assertPayback(t, "simple", r.SimplePayback, f64(18.75), "", true) },
		},
		{
			name: "a zero baseline has no percentage",
			edit: func(v, b *Inputs, _ *Settings) { b.EnergyKWh, v.EnergyKWh = 0, 0 },
			check: func(t *testing.T, r Result) {
				s := r.Savings.EnergyKWh
				if s.Percent != nil || s.PercentReasonCode != ReasonZeroBaseline || s.Value != 0 || !s.Complete {
					t.Errorf("saving %+v, want 0, complete, null percent (%q)", s, ReasonZeroBaseline)
				}
			},
		},
		{
			name: "an invalid period is a named gap, not a wrong number",
			edit: func(_, _ *Inputs, s *Settings) { s.AnalysisPeriodYears = 0 },
			check: func(t *testing.T, r Result) {
				assertAmount(t, "op carbon over period", r.OperationalKgCO2e, 0, false, "analysis period (1..200 years)")
				assertAmount(t, "op carbon per year", r.OperationalKgCO2ePerYear, 4600, true)
				assertPayback(t, "simple", r.SimplePayback, f64(18.75), "", false)
			},
		},
		{
			name: "an invalid discount rate is a named gap",
			edit: func(_, _ *Inputs, s *Settings) { s.DiscountRate = 0.7 },
			check: func(t *testing.T, r Result) {
				assertAmount(t, "LCC", r.LifeCycleCost, 600000, false, "discount rate in [0, 0.5)")
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, b, s := variantInputs(), baselineInputs(), testSettings()
			c.edit(&v, &b, &s)
			c.check(t, Evaluate(v, b, s))
		})
	}
}

// The baseline compared with itself: everything saved is zero, nothing to pay back, and its
// blank embodied carbon and investment are zero because nothing is renovated.
func TestEvaluateBaselineAgainstItself(t *testing.T) {
	b := baselineInputs()
	r := Evaluate(b, b, testSettings())
	if !r.Unchanged {
		t.Error("the baseline is not marked unchanged")
	}
	assertAmount(t, "embodied", r.EmbodiedKgCO2e, 0, true)
	assertAmount(t, "investment", r.InvestmentCost, 0, true)
	assertAmount(t, "LC carbon", r.LifeCycleKgCO2e, 350000, true)
	assertAmount(t, "LCC", r.LifeCycleCost, 6000000, true)
	for name, s := range map[string]Saving{
		"energy": r.Savings.EnergyKWh, "carbon": r.Savings.OperationalKgCO2ePerYear,
		"cost": r.Savings.EnergyCostPerYear, "LC carbon": r.Savings.LifeCycleKgCO2e, "LCC": r.Savings.LifeCycleCost,
	} {
		if s.Value != 0 || !s.Complete || s.Percent == nil || *s.Percent != 0 {
			t.Errorf("%s saving %+v, want 0 and 0 %%", name, s)
		}
	}
	assertPayback(t, "simple", r.SimplePayback, nil, ReasonBaseline, false)
	assertPayback(t, "carbon", r.CarbonPayback, nil, ReasonBaseline, false)
}

func assertPayback(t *testing.T, what string, got Payback, years *float64, reason ReasonCode, beyond bool, missing ...string) {
	t.Helper()
	switch {
	case years == nil && got.Years != nil:
		t.Errorf("%s payback = %g years, want none (%s)", what, *got.Years, reason)
	case years != nil && got.Years == nil:
		t.Errorf("%s payback = none (%s), want %g years", what, got.Reason, *years)
	case years != nil && !near(*got.Years, *years, 1e-12):
		t.Errorf("%s payback = %g years, want %g", what, *got.Years, *years)
	}
	if got.ReasonCode != reason || got.Reason != reason.Sentence() {
		t.Errorf("%s payback reason %q (%q), want %q (%q)", what, got.ReasonCode, got.Reason, reason, reason.Sentence())
	}
	if got.BeyondPeriod != beyond {
		t.Errorf("%s payback beyondPeriod = %v, want %v", what, got.BeyondPeriod, beyond)
	}
	if got.Complete != (len(missing) == 0) || len(got.Missing) != len(missing) {
		t.Errorf("%s payback complete=%v missing=%q, want missing %q", what, got.Complete, got.Missing, missing)
	}
}
