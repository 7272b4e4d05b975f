package lca

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// hrv is the component of the hand calculations: a heat recovery unit of 10,000 SEK and 500 kg
// CO2e, with the service life each case gives it.
func hrv(life *float64) Component {
	return Component{Name: "HRV unit", Investment: Known(10000), EmbodiedKgCO2e: Known(500), LifeYears: life}
}

// Each case is the worked example's variant (600,000 SEK and 30,000 kg at year 0, 88,000 SEK and
// 4,600 kg a year) plus components; the figures below are the components' alone, by hand.
//
// 20-year life over 50 years at 3 %: replacements at 20 and 40, 10000/1.03^20 + 10000/1.03^40 =
// 5,536.76 + 3,065.57 = 8,602.33 SEK; the third unit, bought at 40, has 10 of its 20 years left at
// 50: 10000 × 10/20 / 1.03^50 = 1,140.55 SEK; carbon 500 + 2 × 500 = 1,500 kg, none credited back.
func TestComponentReplacementsAndResidualValue(t *testing.T) {
	pow := math.Pow
	cases := []struct {
		name       string
		components []Component
		period     int
		rate       float64
		// the components' own figures
		replacementCost, residual, replacementKg float64
		costMissing, carbonMissing               []string // nil: complete
	}{
		{
			name:       "20-year life over 50 years at 3 %: replaced at 20 and 40, half a life left",
			components: []Component{hrv(f64(20))},
			period:     50, rate: 0.03,
			replacementCost: 10000/pow(1.03, 20) + 10000/pow(1.03, 40),
			residual:        10000 * 10.0 / 20 / pow(1.03, 50),
			replacementKg:   1000,
		},
		{
			name:       "same at 0 %: plain sums",
			components: []Component{hrv(f64(20))},
			period:     50, rate: 0,
			replacementCost: 20000, residual: 5000, replacementKg: 1000,
		},
		{
			name:       "a life equal to the period: no replacement, nothing left",
			components: []Component{hrv(f64(50))},
			period:     50, rate: 0.03,
		},
		{
			name:       "a life longer than the period: no replacement, 10 of 60 years left",
			components: []Component{hrv(f64(60))},
			period:     50, rate: 0.03,
			residual: 10000 * 10.0 / 60 / pow(1.03, 50),
		},
		{
			// Bought at 0, 12.5 and 25; the last would last to 37.5, so 7.5 of 12.5 years are left at 30.
			name:       "a 12.5-year life over 30 years: fractional years discounted as they are",
			components: []Component{hrv(f64(12.5))},
			period:     30, rate: 0.03,
			replacementCost: 10000/pow(1.03, 12.5) + 10000/pow(1.03, 25),
			residual:        10000 * 7.5 / 12.5 / pow(1.03, 30),
			replacementKg:   1000,
		},
		{
			// 42/2.8 is 15.000000000000002 in floating point: the 15th unit wears out in year 42,
			// the end of the period, so it is not replaced then and nothing is left of it.
			name:       "a life that divides the period despite rounding: 14 replacements, nothing left",
			components: []Component{hrv(f64(2.8))},
			period:     42, rate: 0,
			replacementCost: 14 * 10000, replacementKg: 14 * 500,
		},
		{
			// 1 + 1e-17 is 1 in floating point; the plain geometric-series formula would be 0/0.
			name:       "a rate too small to change 1+r still gives the undiscounted sums",
			components: []Component{hrv(f64(20))},
			period:     50, rate: 1e-17,
			replacementCost: 20000, residual: 5000, replacementKg: 1000,
		},
		{
			// HRV: 2 replacements, 5,000 left; PV (80,000 SEK, 2,000 kg, 25 years): replaced at 25,
			// ends with the period.
			name: "two components add up",
			components: []Component{hrv(f64(20)),
				{Name: "PV 10 kWp", Investment: Known(80000), EmbodiedKgCO2e: Known(2000), LifeYears: f64(25)}},
			period: 50, rate: 0,
			replacementCost: 20000 + 80000, residual: 5000, replacementKg: 1000 + 2000,
		},
		{
			name:       "a blank life is missing, not forever",
			components: []Component{hrv(nil)},
			period:     50, rate: 0.03,
			costMissing: []string{"HRV unit: service life missing"}, carbonMissing: []string{"HRV unit: service life missing"},
		},
		{
			name:       "a zero life is a named gap",
			components: []Component{hrv(f64(0))},
			period:     50, rate: 0.03,
			costMissing:   []string{"HRV unit: service life 0 years is not a number > 0"},
			carbonMissing: []string{"HRV unit: service life 0 years is not a number > 0"},
		},
		{
			name:       "a negative life is a named gap",
			components: []Component{hrv(f64(-20))},
			period:     50, rate: 0.03,
			costMissing:   []string{"HRV unit: service life -20 years is not a number > 0"},
			carbonMissing: []string{"HRV unit: service life -20 years is not a number > 0"},
		},
		{
			name:       "an infinite life is a named gap",
			components: []Component{hrv(f64(math.Inf(1)))},
			period:     50, rate: 0.03,
			costMissing:   []string{"HRV unit: service life +Inf years is not a number > 0"},
			carbonMissing: []string{"HRV unit: service life +Inf years is not a number > 0"},
		},
		{
			name:       "a component without a name is named by its place",
			components: []Component{hrv(f64(20)), {Investment: Known(1), EmbodiedKgCO2e: Known(1)}},
			period:     50, rate: 0,
			replacementCost: 20000, residual: 5000, replacementKg: 1000,
			costMissing: []string{"component 2: service life missing"}, carbonMissing: []string{"component 2: service life missing"},
		},
		{
			name:       "a missing investment leaves cost incomplete and carbon complete",
			components: []Component{{Name: "PV 10 kWp", Investment: Unknown("PV cost per kWp"), EmbodiedKgCO2e: Known(2000), LifeYears: f64(25)}},
			period:     50, rate: 0,
			replacementKg: 2000,
			costMissing:   []string{"PV cost per kWp"},
		},
		{
			name:       "an invalid rate leaves the present values missing, carbon complete",
			components: []Component{hrv(f64(20))},
			period:     50, rate: 0.7,
			replacementKg: 1000,
			costMissing:   []string{"discount rate in [0, 0.5)"},
		},
		{
			name:       "an invalid period leaves every component figure missing",
			components: []Component{hrv(f64(20))},
			period:     0, rate: 0.03,
			costMissing: []string{"analysis period (1..200 years)"}, carbonMissing: []string{"analysis period (1..200 years)"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := testSettings()
			s.AnalysisPeriodYears, s.DiscountRate = c.period, c.rate
			v := variantInputs()
			v.Components = c.components
			r := Evaluate(v, baselineInputs(), s)

			assertAmount(t, "replacement cost", r.ReplacementCost, c.replacementCost, c.costMissing == nil, c.costMissing...)
			assertAmount(t, "residual value", r.ResidualValue, c.residual, c.costMissing == nil, c.costMissing...)
			assertAmount(t, "replacement carbon", r.ReplacementKgCO2e, c.replacementKg, c.carbonMissing == nil, c.carbonMissing...)

			// The totals are made of these, and stay incomplete with the same names.
			without := Evaluate(variantInputs(), baselineInputs(), s)
			var extra, extraKg float64
			for _, comp := range c.components {
				extra += comp.Investment.Value
				extraKg += comp.EmbodiedKgCO2e.Value
			}
			assertAmount(t, "investment", r.InvestmentCost, 600000+extra, r.InvestmentCost.Complete, r.InvestmentCost.Missing...)
			assertAmount(t, "embodied", r.EmbodiedKgCO2e, 30000+extraKg, true)
			lcc := without.LifeCycleCost.Value + extra + c.replacementCost - c.residual
			if !near(r.LifeCycleCost.Value, lcc, 1e-12) || r.LifeCycleCost.Complete != (without.LifeCycleCost.Complete && c.costMissing == nil) {
				t.Errorf("life-cycle cost %.4f (complete %v), want %.4f = investment + replacements - residual + energy", r.LifeCycleCost.Value, r.LifeCycleCost.Complete, lcc)
			}
			for _, m := range c.costMissing {
				if !strings.Contains(strings.Join(r.LifeCycleCost.Missing, "|"), m) {
					t.Errorf("life-cycle cost does not name %q: %q", m, r.LifeCycleCost.Missing)
				}
			}
			lcKg := without.LifeCycleKgCO2e.Value + extraKg + c.replacementKg
			if !near(r.LifeCycleKgCO2e.Value, lcKg, 1e-12) || r.LifeCycleKgCO2e.Complete != (without.LifeCycleKgCO2e.Complete && c.carbonMissing == nil) {
				t.Errorf("life-cycle carbon %.4f (complete %v), want %.4f = operational + embodied + replacements", r.LifeCycleKgCO2e.Value, r.LifeCycleKgCO2e.Complete, lcKg)
			}
		})
	}
}

// Paybacks weigh the year-0 outlay only: 610,000 / 32,000 = 19.0625 years and 30,500 / 2,400 =
// 12.708 years, even when the component's life, and with it the life-cycle figures, is missing.
func TestComponentPaybackUsesYearZeroOutlay(t *testing.T) {
	v := variantInputs()
	v.Components = []Component{hrv(nil)}
	r := Evaluate(v, baselineInputs(), testSettings())
	assertPayback(t, "simple", r.SimplePayback, f64(610000.0/32000), "", false)
	assertPayback(t, "carbon", r.CarbonPayback, f64(30500.0/2400), "", false)
	if r.Savings.LifeCycleCost.Complete || r.Savings.LifeCycleCost.PercentReasonCode != ReasonIncomplete {
		t.Errorf("life-cycle cost saving %+v, want incomplete: the replacements are unknown", r.Savings.LifeCycleCost)
	}
}

// Without components every new figure is a known zero and the totals are today's; the baseline
// renovates nothing, so components given to it count for nothing either.
func TestNoComponentsAndBaselineComponents(t *testing.T) {
	b := baselineInputs()
	b.Components = []Component{hrv(f64(20)), hrv(nil)}
	for name, r := range map[string]Result{
		"variant without components":    Evaluate(variantInputs(), baselineInputs(), testSettings()),
		"baseline given components":     Evaluate(b, b, testSettings()),
		"variant against that baseline": Evaluate(variantInputs(), b, testSettings()),
	} {
		assertAmount(t, name+": replacement cost", r.ReplacementCost, 0, true)
		assertAmount(t, name+": residual value", r.ResidualValue, 0, true)
		assertAmount(t, name+": replacement carbon", r.ReplacementKgCO2e, 0, true)
		assertAmount(t, name+": life-cycle cost saving", r.Savings.LifeCycleCost.Amount, r.Savings.LifeCycleCost.Value, true)
	}
	r := Evaluate(b, b, testSettings())
	assertAmount(t, "baseline investment", r.InvestmentCost, 0, true)
	assertAmount(t, "baseline LCC", r.LifeCycleCost, 6000000, true)
}

func TestComponentsJSONRoundTrip(t *testing.T) {
	v := variantInputs()
	v.Components = []Component{hrv(f64(12.5)), {Name: "PV 10 kWp", Investment: Unknown("PV cost per kWp"), EmbodiedKgCO2e: Known(2000)}}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"components":[{"name":"HRV unit"`, `"lifeYears":12.5`, `"lifeYears":null`, `"investment":{"value":0,"complete":false,"missing":["PV cost per kWp"]}`, `"embodiedKgCO2e":{"value":500,"complete":true}`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("inputs JSON lacks %s: %s", key, data)
		}
	}
	var back Inputs
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Components) != 2 || back.Components[1].LifeYears != nil || back.Components[0].LifeYears == nil || *back.Components[0].LifeYears != 12.5 {
		t.Fatalf("components came back as %+v: a blank life must stay blank", back.Components)
	}
	// Over 50 years the HRV unit is replaced at 12.5, 25 and 37.5: 1,500 kg; the PV's life is blank.
	s := testSettings()
	s.DiscountRate = 0.03
	r := Evaluate(back, baselineInputs(), s)
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"replacementCost":{"value":`, `"residualValue":{"value":`, `"replacementKgCO2e":{"value":1500,"complete":false,"missing":["PV 10 kWp: service life missing"]}`} {
		if !strings.Contains(string(out), key) {
			t.Errorf("result JSON lacks %s: %s", key, out)
		}
	}
	var rback Result
	if err := json.Unmarshal(out, &rback); err != nil {
		t.Fatal(err)
	}
	if !near(rback.ResidualValue.Value, r.ResidualValue.Value, 0) || !near(rback.ReplacementCost.Value, r.ReplacementCost.Value, 0) || rback.ReplacementKgCO2e.Complete {
		t.Errorf("result came back as %+v / %+v / %+v", rback.ReplacementCost, rback.ResidualValue, rback.ReplacementKgCO2e)
	}
}

// Extreme lives, rates and amounts: the result always marshals (no NaN or Inf reaches JSON).
func TestComponentsNeverProduceNonFiniteJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	extremes := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, 5e-324, 1e-310, 1e-9, 0.3, 1, 7, 49.999999999, 50, 1e308, -1}
	pick := func() float64 { return extremes[rng.IntN(len(extremes))] }
	for i := range 2000 {
		s := testSettings()
		s.DiscountRate = []float64{0, 1e-17, 0.03, 0.49, -1, math.NaN()}[rng.IntN(6)]
		s.AnalysisPeriodYears = []int{1, 50, 200, 0}[rng.IntN(4)]
		v := variantInputs()
		for range rng.IntN(3) + 1 {
			life := f64(pick())
			if rng.IntN(5) == 0 {
				life = nil
			}
			v.Components = append(v.Components, Component{Name: "c", Investment: Known(pick()), EmbodiedKgCO2e: Known(pick()), LifeYears: life})
		}
		if _, err := json.Marshal(Evaluate(v, baselineInputs(), s)); err != nil {
			t.Fatalf("case %d: %v\n%+v", i, err, v.Components)
		}
	}
}
