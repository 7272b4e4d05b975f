package studysvc

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"epsm/bbr"
	"epsm/lca"
	"epsm/library"
	"epsm/sheet"
	"epsm/study"
)

// Export formats of a study's results.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// keptLabel is what the export writes for an element a variant leaves alone.
const keptLabel = "existing (unchanged)"

// StudySheet is a study's variant table as a spreadsheet: one row per variant and weather
// file, the baseline rows first, the variant's construction per element, every result with its
// unit in the header. A figure that cannot be computed is an empty cell (never 0) and the
// Note column says why. names gives a construction's readable name (the library's).
func StudySheet(t StudyTable, names func(id string) string) sheet.Table {
	s := t.Settings
	cur := s.Currency
	years := s.AnalysisPeriodYears
	num := func(h string) sheet.Column { return sheet.Column{Header: h, Format: "#,##0.00"} }
	cols := []sheet.Column{{Header: "Variant id", Width: 14}, {Header: "Variant", Width: 40}, {Header: "Baseline"}}
	for _, el := range study.Elements {
		cols = append(cols, sheet.Column{Header: title(el) + " construction", Width: 36})
	}
	for _, el := range study.Elements {
		cols = append(cols, num(title(el)+" area changed [m²]"))
	}
	// One column per measure a row sets: its option (label or values), numbers as numbers.
	measures := tableMeasures(t.Study.SpecJSON, t.Rows)
	for _, m := range measures {
		cols = append(cols, sheet.Column{Header: m.Label() + " (measure)", Width: 24})
	}
	cols = append(cols,
		sheet.Column{Header: "Weather", Width: 36}, sheet.Column{Header: "Run"}, sheet.Column{Header: "Status", Width: 14}, sheet.Column{Header: "Cached"},
		num("Atemp [m²]"), num("Primary energy number EP_pet [kWh/m² Atemp per year]"), sheet.Column{Header: "Energy class"},
		num("Peak heating [kW]"), num("Peak heating [W/m² Atemp]"),
		num(fmt.Sprintf("Overheating, worst zone [h above %g °C]", t.Swedish.OverheatingThresholdC)),
		num("Annual energy [kWh]"), num("Energy saving vs baseline [kWh/yr]"), num("Energy saving vs baseline [%]"),
		num("EUI [kWh/m²]"), num("Unmet heating [h]"), num("Unmet cooling [h]"),
		num("Operational carbon [kg CO2e/yr]"), num("Embodied carbon [kg CO2e]"),
		num(fmt.Sprintf("Life-cycle carbon, %d years [kg CO2e]", years)), num("Life-cycle carbon saving vs baseline [kg CO2e]"),
		num(fmt.Sprintf("Energy cost [%s/yr]", cur)), num(fmt.Sprintf("Investment [%s]", cur)),
		num(fmt.Sprintf("Life-cycle cost, %d years [%s]", years, cur)), num(fmt.Sprintf("Life-cycle cost saving vs baseline [%s]", cur)),
		num("Simple payback [years]"), num("Carbon payback [years]"),
		sheet.Column{Header: "Pareto: life-cycle carbon × cost"}, sheet.Column{Header: "Pareto: energy × embodied carbon"},
	)
	// An NSGA-II study says where each variant came from and which form its final front.
	front, optimised := finalFront(t.Study.MethodJSON)
	if optimised {
		cols = append(cols, sheet.Column{Header: "NSGA-II generation"}, sheet.Column{Header: "On the NSGA-II final front"})
	}
	cols = append(cols, sheet.Column{Header: "Note", Width: 60})
	rows := slices.Clone(t.Rows)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Baseline && !rows[j].Baseline })
	out := sheet.Table{Name: "Results", Columns: cols}
	for _, r := range rows {
		row := studyRow(r, names, measures)
		if optimised {
			note := row[len(row)-1]
			row = append(row[:len(row)-1], r.Generation, front[r.Key], note)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// finalFront reads an NSGA-II study's method state: the variant keys on its last front, and
// whether the study is one.
func finalFront(methodJSON string) (map[string]bool, bool) {
	var state methodState
	if methodJSON == "" || json.Unmarshal([]byte(methodJSON), &state) != nil || state.Kind != study.MethodNSGA2 {
		return nil, false
	}
	front := map[string]bool{}
	if n := len(state.Fronts); n > 0 {
		for _, k := range state.Fronts[n-1] {
			front[k] = true
		}
	}
	return front, true
}

func studyRow(r VariantResult, names func(string) string, measures []study.Measure) []any {
	row := []any{r.Key, r.Name, r.Baseline}
	for _, el := range study.Elements {
		id := r.Choices[el]
		if id == "" || id == study.Keep {
			row = append(row, keptLabel)
		} else {
			row = append(row, names(id))
		}
	}
	for _, el := range study.Elements {
		if a, ok := r.Areas[el]; ok {
			row = append(row, a)
		} else {
			row = append(row, nil)
		}
	}
	for _, m := range measures {
		row = append(row, measureCell(measureChoice(m, r.Measures)))
	}
	row = append(row, r.WeatherName, r.RunID, string(r.Status), r.Cached)
	row = append(row, ptrValue(r.Atemp), ptrValue(r.PrimaryEnergyNumber), r.EnergyClass, scaled(r.PeakHeatingW, 1e-3), perM2(r.PeakHeatingW, r.Atemp), ptrValue(r.OverheatingHours))
	var notes []string
	if !r.Status.Succeeded() {
		if r.Status.Final() {
			notes = append(notes, "run "+string(r.Status)+messageSuffix(cmp.Or(r.Headline, r.Message)))
		} else {
			notes = append(notes, "run not finished ("+string(r.Status)+")")
		}
	}
	if r.Results == nil {
		if r.Status.Succeeded() {
			notes = append(notes, "the run has no stored results")
		}
		return append(append(row, make([]any, 18)...), strings.Join(notes, "; "))
	}
	res := r.Results
	row = append(row, res.TotalSiteKWh)
	l := r.LCA
	if l == nil {
		notes = append(notes, "no comparison: the baseline run with this weather file has no results")
		row = append(row, nil, nil, res.EUIKWhPerM2, res.UnmetHeatingHours, res.UnmetCoolingHours)
		return append(append(row, make([]any, 12)...), strings.Join(notes, "; "))
	}
	var missing, assumed []string
	amount := func(a lca.Amount) any {
		if !a.Complete {
			missing = append(missing, a.Missing...)
			return nil
		}
		assumed = append(assumed, a.Assumed...)
		return a.Value
	}
	percent := func(s lca.Saving) any {
		if s.Percent == nil {
			if s.PercentReasonCode != "" && s.PercentReasonCode != lca.ReasonIncomplete && !r.Baseline {
				notes = append(notes, "energy saving %: "+s.PercentReason)
			}
			return nil
		}
		return *s.Percent
	}
	payback := func(what string, p lca.Payback) any {
		if p.Years != nil {
			if p.BeyondPeriod {
				notes = append(notes, what+" payback is beyond the analysis period")
			}
			return *p.Years
		}
		missing = append(missing, p.Missing...)
		if p.ReasonCode != "" && p.ReasonCode != lca.ReasonIncomplete && !r.Baseline {
			notes = append(notes, what+" payback: "+p.Reason)
		}
		return nil
	}
	row = append(row, amount(l.Savings.EnergyKWh.Amount), percent(l.Savings.EnergyKWh),
		res.EUIKWhPerM2, res.UnmetHeatingHours, res.UnmetCoolingHours,
		amount(l.OperationalKgCO2ePerYear), amount(l.EmbodiedKgCO2e), amount(l.LifeCycleKgCO2e), amount(l.Savings.LifeCycleKgCO2e.Amount),
		amount(l.EnergyCostPerYear), amount(l.InvestmentCost), amount(l.LifeCycleCost), amount(l.Savings.LifeCycleCost.Amount),
		payback("simple", l.SimplePayback), payback("carbon", l.CarbonPayback),
		r.ParetoCarbonCost, r.ParetoEnergyEmbodied)
	slices.Sort(assumed)
	if assumed = slices.Compact(assumed); len(assumed) > 0 {
		notes = append([]string{"taken from a published range: " + strings.Join(assumed, ", ")}, notes...)
	}
	slices.Sort(missing)
	if missing = slices.Compact(missing); len(missing) > 0 {
		notes = append([]string{"missing: " + strings.Join(missing, ", ")}, notes...)
	}
	return append(row, strings.Join(notes, "; "))
}

// measureCell is a measure's choice in a sheet: a number as a number (so it sorts and charts),
// "keep" as the unchanged elements read.
func measureCell(choice string) any {
	if choice == study.Keep {
		return keptLabel
	}
	if f, err := strconv.ParseFloat(choice, 64); err == nil {
		return f
	}
	return choice
}

func messageSuffix(m string) string {
	if m == "" {
		return ""
	}
	return ": " + m
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// AssumptionsSheet lists the carbon and cost settings and the Swedish rules the figures were
// computed with, each with its source, so a spreadsheet read months later still says where its
// numbers came from.
func AssumptionsSheet(s lca.Settings, sw bbr.Settings) sheet.Table {
	t := sheet.Table{Name: "Assumptions", Columns: []sheet.Column{{Header: "Assumption", Width: 44}, {Header: "Value", Format: "General", Width: 14}, {Header: "Unit", Width: 18}, {Header: "Source", Width: 70}}}
	t.Rows = append(t.Rows,
		[]any{"Currency", s.Currency, "", s.CurrencySource},
		[]any{"Analysis period", s.AnalysisPeriodYears, "years", s.AnalysisPeriodSource},
		[]any{"Discount rate (real)", s.DiscountRate, "per year", s.DiscountRateSource})
	for _, name := range lca.FuelNames() {
		f, ok := s.Fuels[name]
		if !ok {
			continue
		}
		t.Rows = append(t.Rows,
			[]any{name + " emission factor", ptrValue(f.KgCO2ePerKWh), "kg CO2e/kWh", f.CarbonSource},
			[]any{name + " price", ptrValue(f.PricePerKWh), s.Currency + "/kWh", f.PriceSource})
	}
	for _, c := range bbr.Carriers() {
		t.Rows = append(t.Rows, []any{"Primary energy weighting factor, " + string(c), ptrValue(sw.Weights[c]), "", sw.WeightsSource})
	}
	t.Rows = append(t.Rows, []any{"Geographic adjustment factor F_geo", sw.FGeo, "", sw.FGeoSource})
	for _, b := range bbr.BuildingTypes() {
		if r, ok := sw.Requirements[b]; ok {
			t.Rows = append(t.Rows, []any{"EP_pet requirement, " + string(b), r, "kWh/m² Atemp per year", sw.RequirementsSource})
		}
	}
	t.Rows = append(t.Rows,
		[]any{"Energy classes", "A-G", "share of the requirement", bbr.SourceClasses},
		[]any{"Overheating threshold", sw.OverheatingThresholdC, "°C operative", sw.OverheatingSource})
	return t
}

// scaled is *p times f, nil (an empty cell) when p is.
func scaled(p *float64, f float64) any {
	if p == nil {
		return nil
	}
	return *p * f
}

func perM2(p, area *float64) any {
	if p == nil || area == nil || *area <= 0 {
		return nil
	}
	return *p / *area
}

func ptrValue(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// ExportStudyResults writes a study's variant table to path as CSV or XLSX (format "csv" or
// "xlsx"; "" takes it from the file's extension). The file is written beside its final name and
// renamed into place, so a failed export never leaves half a file where the user looks for it.
func (s *Studies) ExportResults(studyID int64, path, format string) error {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	}
	if format != FormatCSV && format != FormatXLSX {
		return fmt.Errorf("export to %s: choose a .csv or .xlsx file name (got %q)", path, filepath.Ext(path))
	}
	t, err := s.Table(studyID)
	if err != nil {
		return err
	}
	lib, err := s.store.Library()
	if err != nil {
		return err
	}
	tab := StudySheet(t, constructionNames(lib))
	var buf bytes.Buffer
	if format == FormatCSV {
		err = sheet.WriteCSV(&buf, tab)
	} else {
		var ms bbr.ModelSettings
		var assumptions sheet.Table
		if ms, err = s.settings.ModelSwedish(t.Study.BaseModelID); err != nil {
			return err
		}
		if assumptions, err = s.assumptions(t, ms); err != nil {
			return err
		}
		err = sheet.WriteXLSX(&buf, tab, assumptions)
	}
	if err != nil {
		return fmt.Errorf("export study %q to %s: %w", t.Study.Name, path, err)
	}
	return writeFileAtomic(path, buf.Bytes())
}

func constructionNames(lib *library.Library) func(string) string {
	return func(id string) string {
		if con, ok := lib.Construction(id); ok && con.Name != "" {
			return con.Name
		}
		return id
	}
}

func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".epsm-export-*")
	if err != nil {
		return fmt.Errorf("write %s: %w (choose a folder you can write to)", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
