package lca

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// JSON has no NaN or Inf, and encoding/json refuses them: a result the UI cannot receive is a
// result the user never sees. Every exported type must marshal whatever the inputs were.
func TestResultWithZeroSavingsAndIncompleteInputMarshals(t *testing.T) {
	b := baselineInputs()
	b.EnergyKWh = 0 // zero baseline: percentages have no meaning
	v := b
	v.Unchanged = false
	v.EmbodiedKgCO2e = Unknown("Roof: cellulose 300 mm GWP per kg")
	v.InvestmentCost = Amount{} // blank
	r := Evaluate(v, b, testSettings())

	data, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("marshal Result: %v", err)
	}
	var back map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	savings := back["savings"].(map[string]any)
	energy := savings["energyKWh"].(map[string]any)
	if energy["percent"] != nil || energy["percentReasonCode"] != string(ReasonZeroBaseline) || energy["percentReason"] != "baseline is zero" || energy["value"] != 0.0 {
		t.Errorf("energy saving JSON = %v, want value 0, percent null, reason %q (baseline is zero)", energy, ReasonZeroBaseline)
	}
	simple := back["simplePayback"].(map[string]any)
	// No cost saving (same energy as the baseline): never pays back, stated, not Inf.
	if simple["years"] != nil || simple["reasonCode"] != string(ReasonNoCostSaving) || simple["reason"] != "no annual energy cost saving: never pays back" {
		t.Errorf("simplePayback JSON = %v, want years null, reason %q with its sentence", simple, ReasonNoCostSaving)
	}
	emb := back["embodiedKgCO2e"].(map[string]any)
	if emb["complete"] != false || !strings.Contains(string(data), "Roof: cellulose 300 mm GWP per kg") {
		t.Errorf("embodied JSON = %v, want incomplete naming the missing GWP", emb)
	}
	if !strings.Contains(string(data), `"investmentCost":{"value":0,"complete":false,"missing":["investment cost"]}`) {
		t.Errorf("blank investment is not reported as missing: %s", data)
	}
}

func TestExportedTypesMarshalWithHostileInputs(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	s := DefaultSettings()
	s.DiscountRate = nan
	s.AnalysisPeriodYears = -3
	s.Fuels["Electricity"] = Fuel{KgCO2ePerKWh: f64(0.059), PricePerKWh: f64(1.5)}
	v := Inputs{
		EnergyKWh:      inf,
		ByFuel:         map[string]float64{"Electricity": nan, "Natural Gas": inf, "Propane": -inf},
		EmbodiedKgCO2e: Known(nan),
		InvestmentCost: Known(-inf),
	}
	b := Inputs{EnergyKWh: 0, ByFuel: map[string]float64{"Electricity": 1e308}, Unchanged: true}
	r := Evaluate(v, b, s)
	r2 := Evaluate(b, Inputs{EnergyKWh: nan}, DefaultSettings())
	f := AnalyzePareto([]Point{CarbonCostPoint(r), EnergyEmbodiedPoint(r), {X: Known(nan), Y: Known(inf)}, {X: Known(1), Y: Known(2)}})
	for name, x := range map[string]any{
		"Result": r, "Result vs NaN baseline": r2, "Front": f, "Settings": DefaultSettings(),
		"Amount": Unknown("a"), "Point": Point{}, "Exclusion": Exclusion{}, "Saving": Saving{},
		"Payback": Payback{}, "Savings": Savings{}, "Fuel": Fuel{}, "Inputs": b,
	} {
		if _, err := json.Marshal(x); err != nil {
			t.Errorf("marshal %s: %v", name, err)
		}
	}
}

// Settings travel to the UI and back: a missing factor must come back missing (null), not 0.
func TestSettingsJSONRoundTrip(t *testing.T) {
	data, err := json.Marshal(DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"analysisPeriodYears":50`, `"discountRate":0`, `"currency":"SEK"`, `"kgCO2ePerKWh":null`, `"pricePerKWh":null`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("settings JSON lacks %s", key)
		}
	}
	var back Settings
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Fuels["District Cooling"].KgCO2ePerKWh != nil {
		t.Error("a missing factor came back as a number")
	}
	if p := back.Fuels["Natural Gas"].KgCO2ePerKWh; p == nil || *p != 0.20196 {
		t.Errorf("natural gas factor came back as %v", p)
	}
	if err := back.Validate(); err != nil {
		t.Errorf("round-tripped defaults do not validate: %v", err)
	}
}

// Random extreme values everywhere an input goes in: nothing may come out as NaN or Inf.
func TestEvaluateNeverProducesNonFiniteJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	extremes := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1e308, -1e308, 5e-324, 1e-310, 1, -1}
	pick := func() float64 {
		if rng.IntN(3) == 0 {
			return rng.NormFloat64() * 1e6
		}
		return extremes[rng.IntN(len(extremes))]
	}
	inputs := func() Inputs {
		return Inputs{
			EnergyKWh:      pick(),
			ByFuel:         map[string]float64{"Electricity": pick(), "Natural Gas": pick()},
			EmbodiedKgCO2e: Amount{Value: pick(), Complete: rng.IntN(2) == 0},
			InvestmentCost: Amount{Value: pick(), Complete: rng.IntN(2) == 0},
			Unchanged:      rng.IntN(4) == 0,
		}
	}
	for i := range 2000 {
		s := DefaultSettings()
		s.Fuels["Electricity"] = Fuel{KgCO2ePerKWh: f64(pick()), PricePerKWh: f64(pick())}
		s.Fuels["Natural Gas"] = Fuel{KgCO2ePerKWh: f64(pick()), PricePerKWh: f64(pick())}
		s.DiscountRate = []float64{0, 0.03, 0.49, -1, math.NaN()}[rng.IntN(5)]
		s.AnalysisPeriodYears = []int{1, 50, 200, 0, -5, 1 << 40}[rng.IntN(6)]
		r := Evaluate(inputs(), inputs(), s)
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("case %d: %v\n%+v", i, err, r)
		}
		if _, err := json.Marshal(AnalyzePareto([]Point{CarbonCostPoint(r), EnergyEmbodiedPoint(r)})); err != nil {
			t.Fatalf("case %d: front: %v", i, err)
		}
	}
}
