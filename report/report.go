// Package report renders a study's results as a report a user hands on: one self-contained HTML
// file (inline CSS and SVG, no scripts, nothing fetched) and a PDF with the same content. It
// knows nothing of the store or the window: the study service fills a Report from the variant
// table the exports use, and this package only lays it out.
package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"epsm/bbr"
	"epsm/sheet"
)

// Report is everything one report shows. A nil figure is one that could not be computed;
// Variant.Missing says which input it lacks.
type Report struct {
	Generator string // the program and version that made it
	Study     string
	Model     string
	Weathers  []string
	Created   time.Time
	// Assumptions are the export's assumptions sheet: a row per assumption of value, unit and
	// source.
	Assumptions sheet.Table
	Currency    string
	PeriodYears int
	Finished    int
	Total       int
	Variants    []Variant // baseline rows first
	EndUses     []EndUses // the baseline's, one per weather file
}

// Variant is one row of the study's table: a variant with one weather file.
type Variant struct {
	Key      string
	Name     string
	Baseline bool
	Weather  string
	Status   string

	Atemp     *float64 // m²
	EnergyKWh *float64 // annual site energy
	// DeltaKWhPerM2 is the variant's annual energy minus its baseline's over Atemp (negative
	// saves); DeltaPercent the same difference over the baseline's energy.
	DeltaKWhPerM2        *float64
	DeltaPercent         *float64
	PrimaryEnergyNumber  *float64 // EP_pet, kWh/m² Atemp per year
	EnergyClass          string   // A-G, "" when EP_pet is missing
	PeakHeatingWPerM2    *float64
	OverheatingHours     *float64
	OperationalKgPerYear *float64 // kg CO2e per year
	EmbodiedKgPerM2      *float64 // kg CO2e/m² Atemp
	LifeCycleKgPerM2     *float64 // kg CO2e/m² Atemp over the analysis period
	LifeCycleCost        *float64 // in Report.Currency over the analysis period
	PaybackYears         *float64 // simple payback

	ParetoCarbonCost     bool
	ParetoEnergyEmbodied bool

	Missing []Gap
}

// Gap is a figure of a variant that could not be computed and the input it lacks.
type Gap struct {
	Figure string
	Input  string
}

// EndUses is the baseline's delivered energy with one weather file, as BBR's terms count it.
type EndUses struct {
	Weather   string
	Atemp     *float64
	Delivered []bbr.Delivered
	ByCarrier []bbr.CarrierKWh
	ByPurpose []bbr.PurposeKWh
}

// Missing is one input that several figures lack: the figures and the rows' keys (with the
// weather file when the study has several).
type Missing struct {
	Input    string
	Figures  []string
	Variants []string
}

// MissingInputs groups the rows' gaps by input, in the order they first appear.
func (r Report) MissingInputs() []Missing {
	var out []Missing
	at := map[string]int{}
	for _, v := range r.Variants {
		who := v.Key
		if len(r.Weathers) > 1 {
			who += " (" + v.Weather + ")"
		}
		for _, g := range v.Missing {
			i, ok := at[g.Input]
			if !ok {
				i = len(out)
				at[g.Input] = i
				out = append(out, Missing{Input: g.Input})
			}
			if !slices.Contains(out[i].Figures, g.Figure) {
				out[i].Figures = append(out[i].Figures, g.Figure)
			}
			if !slices.Contains(out[i].Variants, who) {
				out[i].Variants = append(out[i].Variants, who)
			}
		}
	}
	return out
}

// field is one figure of the variant table: its stable name (the HTML's data-field), its header
// and unit, how it is read from a row and how many decimals it shows.
type field struct {
	Name     string
	Header   string
	Unit     string
	decimals int
	value    func(Variant) *float64
	text     func(Variant) string // for the fields that are not numbers
}

func (r Report) fields() []field {
	cur := r.Currency
	fs := []field{
		{Name: "key", Header: "Id", text: func(v Variant) string { return v.Key }},
		{Name: "name", Header: "Variant", text: variantName},
	}
	// With one weather file every row would repeat its long name and push the last columns off
	// the page; the table's introduction names it instead.
	if len(r.Weathers) > 1 {
		fs = append(fs, field{Name: "weather", Header: "Weather", text: func(v Variant) string { return v.Weather }})
	}
	return append(fs, []field{
		{Name: "energyKWh", Header: "Annual energy", Unit: "kWh", value: func(v Variant) *float64 { return v.EnergyKWh }},
		{Name: "deltaKWhPerM2", Header: "Δ energy", Unit: "kWh/m²", decimals: 1, value: func(v Variant) *float64 { return v.DeltaKWhPerM2 }},
		{Name: "deltaPercent", Header: "Δ energy", Unit: "%", decimals: 1, value: func(v Variant) *float64 { return v.DeltaPercent }},
		{Name: "primaryEnergyNumber", Header: "EP_pet", Unit: "kWh/m²", decimals: 1, value: func(v Variant) *float64 { return v.PrimaryEnergyNumber }},
		{Name: "energyClass", Header: "Class", text: func(v Variant) string { return v.EnergyClass }},
		{Name: "embodiedKgPerM2", Header: "Embodied", Unit: "kg CO₂e/m²", decimals: 1, value: func(v Variant) *float64 { return v.EmbodiedKgPerM2 }},
		{Name: "lifeCycleKgPerM2", Header: fmt.Sprintf("Life-cycle carbon, %d yr", r.PeriodYears), Unit: "kg CO₂e/m²", decimals: 1, value: func(v Variant) *float64 { return v.LifeCycleKgPerM2 }},
		{Name: "lifeCycleCost", Header: fmt.Sprintf("Life-cycle cost, %d yr", r.PeriodYears), Unit: cur, value: func(v Variant) *float64 { return v.LifeCycleCost }},
		{Name: "paybackYears", Header: "Payback", Unit: "years", decimals: 1, value: func(v Variant) *float64 { return v.PaybackYears }},
		{Name: "pareto", Header: "Pareto", text: paretoText},
	}...)
}

// baselineFields are the figures shown for the baseline on its own.
func (r Report) baselineFields() []field {
	return []field{
		{Name: "atemp", Header: "Atemp", Unit: "m²", decimals: 1, value: func(v Variant) *float64 { return v.Atemp }},
		{Name: "energyKWh", Header: "Annual energy", Unit: "kWh", value: func(v Variant) *float64 { return v.EnergyKWh }},
		{Name: "primaryEnergyNumber", Header: "Primary energy number EP_pet", Unit: "kWh/m² Atemp per year", decimals: 1, value: func(v Variant) *float64 { return v.PrimaryEnergyNumber }},
		{Name: "energyClass", Header: "Energy class", text: func(v Variant) string { return v.EnergyClass }},
		{Name: "peakHeatingWPerM2", Header: "Peak heating", Unit: "W/m² Atemp", decimals: 1, value: func(v Variant) *float64 { return v.PeakHeatingWPerM2 }},
		{Name: "overheatingHours", Header: "Overheating, worst zone", Unit: "h", value: func(v Variant) *float64 { return v.OverheatingHours }},
		{Name: "operationalKgPerYear", Header: "Operational carbon", Unit: "kg CO₂e/yr", value: func(v Variant) *float64 { return v.OperationalKgPerYear }},
		{Name: "lifeCycleKgPerM2", Header: fmt.Sprintf("Life-cycle carbon, %d years", r.PeriodYears), Unit: "kg CO₂e/m²", decimals: 1, value: func(v Variant) *float64 { return v.LifeCycleKgPerM2 }},
		{Name: "lifeCycleCost", Header: fmt.Sprintf("Life-cycle cost, %d years", r.PeriodYears), Unit: r.Currency, value: func(v Variant) *float64 { return v.LifeCycleCost }},
	}
}

func variantName(v Variant) string {
	if v.Baseline {
		return "Baseline (existing constructions)"
	}
	return v.Name
}

func paretoText(v Variant) string {
	var on []string
	if v.ParetoCarbonCost {
		on = append(on, "carbon × cost")
	}
	if v.ParetoEnergyEmbodied {
		on = append(on, "energy × embodied")
	}
	return strings.Join(on, ", ")
}

// cell is one figure as shown (Text) and as written for a program to read (Value: every digit
// of the number, "" when it is missing).
type cell struct {
	Field string
	Text  string
	Value string
	Num   bool
}

func (f field) cell(v Variant) cell {
	if f.text != nil {
		t := f.text(v)
		return cell{Field: f.Name, Text: t, Value: t}
	}
	p := f.value(v)
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return cell{Field: f.Name, Text: "—", Num: true}
	}
	return cell{Field: f.Name, Text: formatNumber(*p, f.decimals), Value: strconv.FormatFloat(*p, 'g', -1, 64), Num: true}
}

func (f field) Label() string {
	if f.Unit == "" {
		return f.Header
	}
	return f.Header + " [" + f.Unit + "]"
}

// formatNumber writes v with the given decimals and its thousands grouped by commas.
func formatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "−", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// assumptionText shows one cell of the assumptions sheet.
func assumptionText(c any) string {
	switch v := c.(type) {
	case nil:
		return "—"
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// baselines are the baseline rows, one per weather file.
func (r Report) baselines() []Variant {
	var out []Variant
	for _, v := range r.Variants {
		if v.Baseline {
			out = append(out, v)
		}
	}
	return out
}
