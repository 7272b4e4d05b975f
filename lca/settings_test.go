package lca

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestDefaultSettingsAreValidAndSourced(t *testing.T) {
	s := DefaultSettings()
	if err := s.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
	if s.Currency != "SEK" || s.AnalysisPeriodYears != 50 || s.DiscountRate != 0 {
		t.Errorf("currency/period/rate = %q/%d/%g, want SEK/50/0", s.Currency, s.AnalysisPeriodYears, s.DiscountRate)
	}
	for _, src := range []string{s.CurrencySource, s.AnalysisPeriodSource, s.DiscountRateSource} {
		if strings.TrimSpace(src) == "" {
			t.Error("a setting has no source text")
		}
	}
	if len(s.Fuels) != len(FuelNames()) {
		t.Errorf("defaults have %d fuels, want one per End Uses column (%d)", len(s.Fuels), len(FuelNames()))
	}
	for _, name := range FuelNames() {
		f, ok := s.Fuels[name]
		if !ok {
			t.Errorf("no default entry for %s", name)
			continue
		}
		if f.CarbonSource == "" || f.PriceSource == "" {
			t.Errorf("%s: a factor without source text", name)
		}
		// Only electricity has a citable Swedish average price (SCB, 2023, VAT included); every
		// other price stays missing rather than made up.
		if name == "Electricity" {
			if f.PricePerKWh == nil || *f.PricePerKWh != 2.18 || !strings.Contains(f.PriceSource, "SCB") || !strings.Contains(f.PriceSource, "2023") || !strings.Contains(f.PriceSource, "VAT") {
				t.Errorf("electricity: default price %v, source %q: want SCB's 2023 average with its year and VAT basis", f.PricePerKWh, f.PriceSource)
			}
		} else if f.PricePerKWh != nil {
			t.Errorf("%s: default price %g has no citable source and must stay missing", name, *f.PricePerKWh)
		}
	}
}

// The defaults and where they come from, checked by hand: IPCC factors are per TJ, and
// 1 TJ = 1e12 J = 1e12 / 3.6e6 kWh = 277,777.8 kWh, so kg/kWh = kg/TJ * 3.6e-6.
func TestDefaultEmissionFactors(t *testing.T) {
	cases := []struct {
		fuel   string
		want   *float64 // nil: no citable value, must be missing
		source string   // a word the source text must contain
	}{
		{"Electricity", f64(0.059), "IVL"},                 // 59 g CO2e/kWh, Nordic mix 2021-2023
		{"Natural Gas", f64(0.20196), "IPCC"},              // 56,100 * 3.6e-6
		{"Fuel Oil No 1", f64(0.26676), "IPCC"},            // 74,100 * 3.6e-6
		{"Fuel Oil No 2", f64(0.26676), "IPCC"},            // 74,100 * 3.6e-6
		{"Diesel", f64(0.26676), "IPCC"},                   // 74,100 * 3.6e-6
		{"Gasoline", f64(0.24948), "IPCC"},                 // 69,300 * 3.6e-6
		{"Propane", f64(0.22716), "IPCC"},                  // 63,100 * 3.6e-6
		{"Coal", f64(0.34056), "IPCC"},                     // 94,600 * 3.6e-6
		{"District Heating Water", f64(0.056), "Boverket"}, // klimatdatabas 02.07.000, Swedish average
		{"District Heating Steam", nil, "Energiföretagen"},
		{"District Cooling", nil, "Energiföretagen"},
		{"Other Fuel 1", nil, "modeller"},
		{"Other Fuel 2", nil, "modeller"},
	}
	s := DefaultSettings()
	for _, c := range cases {
		t.Run(c.fuel, func(t *testing.T) {
			f := s.Fuels[c.fuel]
			switch {
			case c.want == nil && f.KgCO2ePerKWh != nil:
				t.Errorf("factor %g, want missing", *f.KgCO2ePerKWh)
			case c.want != nil && f.KgCO2ePerKWh == nil:
				t.Errorf("factor missing, want %g", *c.want)
			case c.want != nil && !near(*f.KgCO2ePerKWh, *c.want, 1e-12):
				t.Errorf("factor %.8g, want %.8g", *f.KgCO2ePerKWh, *c.want)
			}
			if !strings.Contains(f.CarbonSource, c.source) {
				t.Errorf("source %q does not mention %s", f.CarbonSource, c.source)
			}
		})
	}
}

func TestDefaultSettingsAreFreshCopies(t *testing.T) {
	a := DefaultSettings()
	*a.Fuels["Electricity"].KgCO2ePerKWh = 99
	a.Fuels["Coal"] = Fuel{}
	b := DefaultSettings()
	if *b.Fuels["Electricity"].KgCO2ePerKWh != 0.059 || b.Fuels["Coal"].KgCO2ePerKWh == nil {
		t.Fatal("editing one DefaultSettings changed the next one")
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(*Settings)
		field  string // the JSON path of the input Problems names; "" = valid
		inText string
	}{
		{"defaults", func(*Settings) {}, "", ""},
		{"zero factor is allowed", func(s *Settings) { s.Fuels["Electricity"] = Fuel{KgCO2ePerKWh: f64(0)} }, "", ""},
		{"period 1", func(s *Settings) { s.AnalysisPeriodYears = 1 }, "", ""},
		{"period 200", func(s *Settings) { s.AnalysisPeriodYears = 200 }, "", ""},
		{"rate just below 0.5", func(s *Settings) { s.DiscountRate = 0.4999 }, "", ""},
		{"negative factor", func(s *Settings) { s.Fuels["Natural Gas"] = Fuel{KgCO2ePerKWh: f64(-0.1)} }, "fuels.Natural Gas.kgCO2ePerKWh", "Natural Gas emission factor"},
		{"NaN factor", func(s *Settings) { s.Fuels["Coal"] = Fuel{KgCO2ePerKWh: f64(math.NaN())} }, "fuels.Coal.kgCO2ePerKWh", "Coal emission factor"},
		{"negative price", func(s *Settings) { s.Fuels["Electricity"] = Fuel{PricePerKWh: f64(-1)} }, "fuels.Electricity.pricePerKWh", "Electricity price"},
		{"Inf price", func(s *Settings) { s.Fuels["Electricity"] = Fuel{PricePerKWh: f64(math.Inf(1))} }, "fuels.Electricity.pricePerKWh", "Electricity price"},
		{"unknown fuel (wrong case)", func(s *Settings) { s.Fuels["Natural gas"] = Fuel{} }, "fuels.Natural gas", `unknown fuel "Natural gas"`},
		{"period 0", func(s *Settings) { s.AnalysisPeriodYears = 0 }, "analysisPeriodYears", "analysis period 0 years"},
		{"period 201", func(s *Settings) { s.AnalysisPeriodYears = 201 }, "analysisPeriodYears", "analysis period 201 years"},
		{"negative rate", func(s *Settings) { s.DiscountRate = -0.01 }, "discountRate", "discount rate -0.01"},
		{"rate 0.5", func(s *Settings) { s.DiscountRate = 0.5 }, "discountRate", "discount rate 0.5"},
		{"NaN rate", func(s *Settings) { s.DiscountRate = math.NaN() }, "discountRate", "discount rate NaN"},
		{"empty currency", func(s *Settings) { s.Currency = " " }, "currency", "currency is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := DefaultSettings()
			c.edit(&s)
			ps, err := s.Problems(), s.Validate()
			if c.field == "" {
				if err != nil || len(ps) > 0 {
					t.Fatalf("unexpected error %v, problems %+v", err, ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Field != c.field || !strings.Contains(ps[0].Message, c.inText) {
				t.Errorf("problems %+v, want one at %q mentioning %q", ps, c.field, c.inText)
			}
			if !errors.Is(err, ErrInvalidSettings) || !strings.Contains(err.Error(), c.inText) {
				t.Fatalf("error %v, want ErrInvalidSettings mentioning %q", err, c.inText)
			}
		})
	}
}

// Validate is the problems as an error: one line each, with the wording the CLI has always
// printed, and nil for none.
func TestValidateReportsEveryProblem(t *testing.T) {
	s := DefaultSettings()
	s.AnalysisPeriodYears, s.DiscountRate = 0, 0.9
	ps := s.Problems()
	if len(ps) != 2 || ps[0].Field != FieldAnalysisPeriod || ps[1].Field != FieldDiscountRate {
		t.Fatalf("problems %+v, want the analysis period and the discount rate", ps)
	}
	want := "invalid carbon and cost settings: analysis period 0 years is outside 1..200\n" +
		"invalid carbon and cost settings: discount rate 0.9 is outside [0, 0.5)"
	if err := s.Validate(); err == nil || err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if got := FuelField("District Heating Water", "pricePerKWh"); got != "fuels.District Heating Water.pricePerKWh" {
		t.Errorf("FuelField = %q", got)
	}
}

// Present value of 1 per year paid at the end of each year, by hand:
// r = 3 %, N = 2: 1/1.03 + 1/1.03^2 = 0.970874 + 0.942596 = 1.913470.
// r = 5 %, N = 1: 1/1.05 = 0.952381.
// r = 3 %, N = 50: (1 - 1.03^-50)/0.03 = (1 - 1/4.383906)/0.03 = 25.729764.
func TestPresentValueFactor(t *testing.T) {
	cases := []struct {
		years    int
		rate     float64
		want     float64
		complete bool
	}{
		{50, 0, 50, true},
		{2, 0.03, 1.913470, true},
		{1, 0.05, 0.952381, true},
		{50, 0.03, 25.729764, true},
		{0, 0.03, 0, false},
		{10, -0.2, 0, false},
	}
	for _, c := range cases {
		s := Settings{AnalysisPeriodYears: c.years, DiscountRate: c.rate}
		got := s.presentValueFactor()
		if got.Complete != c.complete || !near(got.Value, c.want, 1e-6) {
			t.Errorf("N=%d r=%g: got %+v, want %g complete=%v", c.years, c.rate, got, c.want, c.complete)
		}
	}
}
