package report

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"epsm/bbr"
	"epsm/internal/reportread"
	"epsm/sheet"
)

func f(v float64) *float64 { return &v }

// sample is a study of a baseline and four variants with one weather file: v3 dominates on
// EP_pet and carbon, v2 is cheapest, v4's cost could not be computed.
func sample() Report {
	return Report{
		Generator: "EPSM test", Study: "Radhus på Östermalm", Model: "radhus.idf", Weathers: []string{"Stockholm Arlanda"},
		Created: time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC), Currency: "SEK", PeriodYears: 50, Finished: 5, Total: 5,
		Assumptions: sheet.Table{Columns: []sheet.Column{{Header: "Assumption"}, {Header: "Value"}, {Header: "Unit"}, {Header: "Source"}},
			Rows: [][]any{{"Geographic adjustment factor F_geo", 1.0, "", bbr.SourceFGeo}, {"Electricity price", nil, "SEK/kWh", "Enter yours"}}},
		Variants: []Variant{
			{Key: "base", Name: "baseline", Baseline: true, Weather: "Stockholm Arlanda", Status: "succeeded", Atemp: f(120), EnergyKWh: f(14400), DeltaKWhPerM2: f(0), DeltaPercent: f(0),
				PrimaryEnergyNumber: f(96.25), EnergyClass: "D", OperationalKgPerYear: f(900), EmbodiedKgPerM2: f(0), LifeCycleKgPerM2: f(375), LifeCycleCost: f(400000), PeakHeatingWPerM2: f(31.5), OverheatingHours: f(120)},
			{Key: "v1", Name: "Tilläggsisolering vägg", Weather: "Stockholm Arlanda", Status: "succeeded", Atemp: f(120), EnergyKWh: f(12000), DeltaKWhPerM2: f(-20), DeltaPercent: f(-16.666666666666668),
				PrimaryEnergyNumber: f(80.5), EnergyClass: "C", EmbodiedKgPerM2: f(12.25), LifeCycleKgPerM2: f(330.125), LifeCycleCost: f(380000), PaybackYears: f(12.5), ParetoCarbonCost: true},
			{Key: "v2", Name: "Fönsterbyte", Weather: "Stockholm Arlanda", Status: "succeeded", Atemp: f(120), EnergyKWh: f(13000), DeltaKWhPerM2: f(-11.666666666666666), DeltaPercent: f(-9.7),
				PrimaryEnergyNumber: f(88), EnergyClass: "C", EmbodiedKgPerM2: f(5), LifeCycleKgPerM2: f(350), LifeCycleCost: f(350000), PaybackYears: f(8)},
			{Key: "v3", Name: "Both", Weather: "Stockholm Arlanda", Status: "succeeded", Atemp: f(120), EnergyKWh: f(10000), DeltaKWhPerM2: f(-36.666666666666664), DeltaPercent: f(-30.5),
				PrimaryEnergyNumber: f(60.75), EnergyClass: "B", EmbodiedKgPerM2: f(20), LifeCycleKgPerM2: f(300), LifeCycleCost: f(420000), PaybackYears: f(30)},
			{Key: "v4", Name: "Tak", Weather: "Stockholm Arlanda", Status: "succeeded", Atemp: f(120), EnergyKWh: f(13500), DeltaKWhPerM2: f(-7.5), DeltaPercent: f(-6.25),
				PrimaryEnergyNumber: f(90), EnergyClass: "C", EmbodiedKgPerM2: f(8), LifeCycleKgPerM2: f(370),
				Missing: []Gap{{Figure: "Life-cycle cost", Input: "roof_mw200 cost per m²"}, {Figure: "Payback", Input: "roof_mw200 cost per m²"}}},
		},
		EndUses: []EndUses{{Weather: "Stockholm Arlanda", Atemp: f(120),
			Delivered: []bbr.Delivered{{EndUse: "Heating", Fuel: "District Heating Water", Carrier: bbr.DistrictHeating, Purpose: bbr.Heating, KWh: 12000}, {EndUse: "Fans", Fuel: "Electricity", Carrier: bbr.Electricity, Purpose: bbr.PropertyElectricity, KWh: 2400}},
			ByCarrier: []bbr.CarrierKWh{{Carrier: bbr.Electricity, KWh: 2400}, {Carrier: bbr.DistrictHeating, KWh: 12000}},
			ByPurpose: []bbr.PurposeKWh{{Purpose: bbr.Heating, KWh: 12000}, {Purpose: bbr.PropertyElectricity, KWh: 2400}}}},
	}
}

// dominated is the Pareto definition written out plainly: another point is no worse on both
// and better on one.
func dominated(i int, xs, ys []float64) bool {
	for j := range xs {
		if j != i && xs[j] <= xs[i] && ys[j] <= ys[i] && (xs[j] < xs[i] || ys[j] < ys[i]) {
			return true
		}
	}
	return false
}

func TestHTMLReportIsSelfContainedAndCarriesEveryFigure(t *testing.T) {
	r := sample()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	got, err := reportread.ReadHTML(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Resources) > 0 {
		t.Errorf("the report loads or runs something: %v", got.Resources)
	}
	if strings.Contains(buf.String(), "http://") || strings.Contains(buf.String(), "https://") {
		t.Error("the report names an external URL")
	}
	for _, want := range []string{"Radhus på Östermalm", "radhus.idf", "Stockholm Arlanda", "2026-12-05", bbr.SourceFGeo, "kg CO₂e/m²", "Space heating (counts in EP_pet)", "District heating"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if len(got.Order) != len(r.Variants) || got.Order[0] != "base|Stockholm Arlanda" || !got.Variants[got.Order[0]].Baseline {
		t.Fatalf("rows %v", got.Order)
	}
	for _, v := range r.Variants {
		row := got.Variants[v.Key+"|"+v.Weather]
		for _, fd := range r.fields() {
			if fd.value == nil {
				continue
			}
			want := ""
			if p := fd.value(v); p != nil {
				want = strconv.FormatFloat(*p, 'g', -1, 64)
			}
			if row.Values[fd.Name] != want {
				t.Errorf("%s %s = %q, want %q", v.Key, fd.Name, row.Values[fd.Name], want)
			}
		}
		if row.Values["energyClass"] != v.EnergyClass || row.Texts["energyClass"] != v.EnergyClass {
			t.Errorf("%s class %q/%q, want %q", v.Key, row.Values["energyClass"], row.Texts["energyClass"], v.EnergyClass)
		}
	}
	if row := got.Variants["v1|Stockholm Arlanda"]; row.Texts["deltaKWhPerM2"] != "−20.0" || row.Texts["energyKWh"] != "12,000" || row.Texts["lifeCycleKgPerM2"] != "330.1" {
		t.Errorf("v1 shows %v", row.Texts)
	}
	if row := got.Variants["v4|Stockholm Arlanda"]; row.Values["lifeCycleCost"] != "" || row.Texts["lifeCycleCost"] != "—" {
		t.Errorf("a missing cost shows %q (%q), want a dash", row.Texts["lifeCycleCost"], row.Values["lifeCycleCost"])
	}

	// Each scatter labels exactly its Pareto-optimal variants, and leaves out v4 where its cost
	// is missing.
	for chart, y := range map[string]func(Variant) *float64{
		"carbon-0": func(v Variant) *float64 { return v.LifeCycleKgPerM2 },
		"cost-0":   func(v Variant) *float64 { return v.LifeCycleCost },
	} {
		var keys []string
		var xs, ys []float64
		for _, v := range r.Variants {
			if y(v) != nil {
				keys, xs, ys = append(keys, v.Key), append(xs, *v.PrimaryEnergyNumber), append(ys, *y(v))
			}
		}
		pts := got.Points[chart]
		if len(pts) != len(keys) {
			t.Fatalf("%s: %d points, want %d", chart, len(pts), len(keys))
		}
		for i, p := range pts {
			optimal := !dominated(i, xs, ys)
			if p.Variant != keys[i] || p.X != strconv.FormatFloat(xs[i], 'g', -1, 64) || p.Pareto != optimal || (p.Label == p.Variant) != optimal {
				t.Errorf("%s: point %+v, want %s at (%g, %g) optimal %v", chart, p, keys[i], xs[i], ys[i], optimal)
			}
		}
	}
	if !strings.Contains(got.Text, "Left out for a missing figure: v4") {
		t.Error("the cost chart does not say it leaves v4 out")
	}
	if strings.Join(got.Missing, ";") != "roof_mw200 cost per m²: Life-cycle cost, Payback" {
		t.Errorf("missing %v", got.Missing)
	}
}

// With one weather file the variant table names it once, above the table, instead of in a column
// that repeats it on every row and pushed the last figures off a printed page; with two it is a
// column, as each row's weather then differs.
func TestTheVariantTableHasAWeatherColumnOnlyForSeveralWeatherFiles(t *testing.T) {
	two := sample()
	two.Weathers = append(two.Weathers, "Kiruna")
	extra := two.Variants[1]
	extra.Weather = "Kiruna"
	two.Variants = append(two.Variants, extra)
	for _, tc := range []struct {
		name      string
		r         Report
		column    bool
		namedOnce bool
	}{
		{"one weather file", sample(), false, true},
		{"two weather files", two, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteHTML(&buf, tc.r); err != nil {
				t.Fatal(err)
			}
			got, err := reportread.ReadHTML(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			for key, row := range got.Variants {
				w, has := row.Texts["weather"]
				if has != tc.column {
					t.Errorf("%s: weather cell %v (%q), want %v", key, has, w, tc.column)
				}
				if has && !strings.HasSuffix(key, "|"+w) {
					t.Errorf("%s: weather cell %q", key, w)
				}
			}
			if named := strings.Contains(got.Text, "Every row is with Stockholm Arlanda."); named != tc.namedOnce {
				t.Errorf("the introduction names the weather file: %v, want %v", named, tc.namedOnce)
			}
		})
	}
}

func TestPDFReportIsAValidPDFWithTheFiguresInSwedishCharacters(t *testing.T) {
	r := sample()
	var buf bytes.Buffer
	if err := WritePDF(&buf, r); err != nil {
		t.Fatal(err)
	}
	doc, err := reportread.ReadPDF(buf.Bytes())
	if err != nil {
		t.Fatalf("not a valid PDF: %v", err)
	}
	if doc.Pages < 2 {
		t.Errorf("%d pages", doc.Pages)
	}
	text := doc.Text()
	for _, want := range []string{"Study report: Radhus på Östermalm", "Tilläggsisolering vägg", "Fönsterbyte", "kg CO₂e/m²", "EP_pet × life-cycle carbon", "80.5", "−36.7", "roof_mw200 cost per m²", "page 1 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, v := range r.Variants {
		if !slicesContains(doc.Strings, v.Key) {
			t.Errorf("the PDF has no cell %q", v.Key)
		}
	}
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		dec  int
		want string
	}{{1234567.891, 0, "1,234,568"}, {-1234.5, 1, "−1,234.5"}, {-0.04, 1, "0.0"}, {999, 0, "999"}, {0, 2, "0.00"}, {-12, 0, "−12"}} {
		if got := formatNumber(tt.v, tt.dec); got != tt.want {
			t.Errorf("formatNumber(%g, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
}
