package studysvc

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"epsm/bbr"
	"epsm/lca"
	"epsm/report"
	"epsm/sheet"
	"epsm/version"
)

// Report formats, chosen by the file's extension.
const (
	FormatHTML = "html"
	FormatPDF  = "pdf"
)

// ReportFormat is the report format a file name asks for, or an error naming the file.
func ReportFormat(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".html", ".htm":
		return FormatHTML, nil
	case ".pdf":
		return FormatPDF, nil
	default:
		return "", fmt.Errorf("report %s: name an .html or a .pdf file (got %q)", path, ext)
	}
}

// ExportReport writes a study's report to path, as HTML or PDF by its extension, beside its
// final name first (see writeFileAtomic).
func (s *Studies) ExportReport(studyID int64, path string) error {
	format, err := ReportFormat(path)
	if err != nil {
		return err
	}
	r, err := s.Report(studyID)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if format == FormatHTML {
		err = report.WriteHTML(&buf, r)
	} else {
		err = report.WritePDF(&buf, r)
	}
	if err != nil {
		return fmt.Errorf("report of study %q: %w", r.Study, err)
	}
	return writeFileAtomic(path, buf.Bytes())
}

// Report gathers what a study's report shows: the variant table the exports write, the
// assumptions sheet with the base model's Atemp, the baseline's end uses as BBR counts them,
// and every figure that could not be computed with the input it lacks.
func (s *Studies) Report(studyID int64) (report.Report, error) {
	t, err := s.Table(studyID)
	if err != nil {
		return report.Report{}, err
	}
	model, err := s.store.Model(t.Study.BaseModelID)
	if err != nil {
		return report.Report{}, fmt.Errorf("base model of study %q: %w", t.Study.Name, err)
	}
	ms, err := s.settings.ModelSwedish(t.Study.BaseModelID)
	if err != nil {
		return report.Report{}, err
	}
	assumptions, err := s.assumptions(t, ms)
	if err != nil {
		return report.Report{}, err
	}
	r := report.Report{
		Generator: version.AppName + " " + version.Version, Study: t.Study.Name, Model: model.Name, Created: time.Now(),
		Assumptions: assumptions, Currency: t.Settings.Currency, PeriodYears: t.Settings.AnalysisPeriodYears,
		Finished: t.Finished, Total: t.Total,
	}
	for _, row := range baselineFirst(t.Rows) {
		if !slices.Contains(r.Weathers, row.WeatherName) {
			r.Weathers = append(r.Weathers, row.WeatherName)
		}
		var fig *bbr.Figures
		if row.Results != nil {
			f := bbr.Compute(row.Results, ms, t.Swedish)
			fig = &f
		}
		r.Variants = append(r.Variants, reportVariant(row, fig))
		if row.Baseline && fig != nil {
			r.EndUses = append(r.EndUses, report.EndUses{Weather: row.WeatherName, Atemp: fig.Atemp.Value,
				Delivered: fig.Delivered, ByCarrier: fig.ByCarrier, ByPurpose: fig.ByPurpose})
		}
	}
	return r, nil
}

// assumptions are the export's assumptions sheet with the base model's own: its Atemp and
// where that comes from (EnergyPlus's conditioned area unless the user entered one), its
// building type and end-use mapping.
func (s *Studies) assumptions(t StudyTable, ms bbr.ModelSettings) (sheet.Table, error) {
	sh := AssumptionsSheet(t.Settings, t.Swedish)
	var fig *bbr.Figures
	for _, r := range t.Rows {
		if r.Baseline && r.Results != nil {
			f := bbr.Compute(r.Results, ms, t.Swedish)
			fig = &f
			break
		}
	}
	atemp, source := any(nil), "EnergyPlus's conditioned floor area once the baseline has run, unless entered in the model's settings"
	if ms.AtempM2 != nil {
		atemp, source = *ms.AtempM2, ms.AtempSource
		if source == "" {
			source = "entered by the user"
		}
	} else if fig != nil {
		atemp, source = ptrValue(fig.Atemp.Value), fig.AtempSource
	}
	building := ms.BuildingType
	if building == "" {
		building = bbr.DefaultModelSettings().BuildingType
	}
	mapping := "BBR's purposes by EnergyPlus end use, the default for the building type"
	if n := len(ms.Mapping.Carriers) + len(ms.Mapping.Purposes); n > 0 {
		mapping = fmt.Sprintf("the default for the building type with %d change(s) by the user", n)
	}
	sh.Rows = append(sh.Rows,
		[]any{"Atemp (heated floor area) of the base model", atemp, "m²", source},
		[]any{"Building type", string(building), "", "the model's settings: sets the EP_pet requirement and the default mapping"},
		[]any{"End-use mapping to carriers and purposes", "", "", mapping})
	// A study that takes ranged costs at a point (its costRanges) says which, and from where.
	seen := map[string]bool{}
	for _, r := range t.Rows {
		if r.LCA == nil {
			continue
		}
		for _, a := range r.LCA.InvestmentCost.Assumed {
			if !seen[a] {
				seen[a] = true
				sh.Rows = append(sh.Rows, []any{"Cost taken from a published range", "", "", a})
			}
		}
	}
	return sh, nil
}

func baselineFirst(rows []VariantResult) []VariantResult {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b VariantResult) int {
		switch {
		case a.Baseline && !b.Baseline:
			return -1
		case b.Baseline && !a.Baseline:
			return 1
		}
		return 0
	})
	return out
}

// reportVariant is one row of the report; fig are its Swedish figures (nil without results).
func reportVariant(row VariantResult, fig *bbr.Figures) report.Variant {
	// The report names a variant by its short id, as the table and the scatter do.
	v := report.Variant{Key: cmp.Or(row.Label, row.Key), Name: row.Name, Baseline: row.Baseline, Weather: row.WeatherName, Status: string(row.Status),
		Atemp: row.Atemp, PrimaryEnergyNumber: row.PrimaryEnergyNumber, EnergyClass: row.EnergyClass, OverheatingHours: row.OverheatingHours,
		ParetoCarbonCost: row.ParetoCarbonCost, ParetoEnergyEmbodied: row.ParetoEnergyEmbodied}
	gap := func(figure, input string) { v.Missing = append(v.Missing, report.Gap{Figure: figure, Input: input}) }
	switch {
	case !row.Status.Final():
		gap("Every figure", "the run, which has not finished ("+string(row.Status)+")")
		return v
	case !row.Status.Succeeded():
		gap("Every figure", "a run that succeeds: this one ended "+string(row.Status)+messageSuffix(cmp.Or(row.Headline, row.Message)))
		return v
	case row.Results == nil:
		gap("Every figure", "the run's stored results")
		return v
	}
	v.EnergyKWh = &row.Results.TotalSiteKWh
	perM2 := func(p *float64) *float64 {
		if p == nil || row.Atemp == nil || *row.Atemp <= 0 {
			return nil
		}
		x := *p / *row.Atemp
		return &x
	}
	v.PeakHeatingWPerM2 = perM2(row.PeakHeatingW)
	if fig != nil {
		// The row's own figures decide what is missing; fig (from the table's copy of the
		// results, without the zones' hours) only says which input each lacks.
		for _, f := range []struct {
			name    string
			missing bool
			fig     bbr.Figure
		}{
			{"EP_pet and energy class", row.PrimaryEnergyNumber == nil, fig.PrimaryEnergyNumber},
			{"Peak heating", row.PeakHeatingW == nil, fig.PeakHeating},
			{"Overheating hours", row.OverheatingHours == nil, fig.OverheatingHours},
		} {
			for _, g := range f.fig.Missing {
				if f.missing {
					gap(f.name, g.Input+gapWhere(g.Where))
				}
			}
		}
		if fig.Atemp.Value == nil {
			gap("Figures per m² Atemp", "Atemp (heated floor area)"+gapWhere(bbr.WhereModel))
		}
	}
	l := row.LCA
	if l == nil {
		gap("Δ energy, carbon and cost", "results of the baseline with this weather file")
		return v
	}
	amount := func(figure string, a lca.Amount) *float64 {
		if !a.Complete {
			for _, m := range a.Missing {
				gap(figure, m)
			}
			return nil
		}
		x := a.Value
		return &x
	}
	if d := amount("Δ energy", l.Savings.EnergyKWh.Amount); d != nil {
		delta := 0 - *d
		v.DeltaKWhPerM2 = perM2(&delta)
	}
	if p := l.Savings.EnergyKWh.Percent; p != nil {
		x := 0 - *p
		v.DeltaPercent = &x
	}
	v.OperationalKgPerYear = amount("Operational carbon", l.OperationalKgCO2ePerYear)
	v.EmbodiedKgPerM2 = perM2(amount("Embodied carbon", l.EmbodiedKgCO2e))
	v.LifeCycleKgPerM2 = perM2(amount("Life-cycle carbon", l.LifeCycleKgCO2e))
	v.LifeCycleCost = amount("Life-cycle cost", l.LifeCycleCost)
	v.PaybackYears = l.SimplePayback.Years
	for _, m := range l.SimplePayback.Missing {
		gap("Payback", m)
	}
	return v
}

func gapWhere(where string) string {
	switch where {
	case bbr.WhereSettings:
		return " (Settings › Swedish rules)"
	case bbr.WhereModel:
		return " (the model's Swedish settings)"
	}
	return ""
}
