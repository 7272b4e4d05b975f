package report

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"epsm/bbr"
)

//go:embed report.html.tmpl
var htmlSource string

var page = template.Must(template.New("report").Parse(htmlSource))

// The SVG scatter's size and the plot area inside it, in CSS pixels.
const (
	svgW, svgH                           = 640.0, 420.0
	svgLeft, svgRight, svgTop, svgBottom = 84.0, 24.0, 16.0, 56.0
)

// WriteHTML writes the report as one HTML file that needs nothing else: its style and its
// charts (SVG) are inline, it runs no script and loads nothing. Each figure carries its full
// value and field name in data attributes (data-variant, data-field, data-value), so a program
// reads the same numbers a person sees.
func WriteHTML(w io.Writer, r Report) error {
	if err := page.Execute(w, htmlView(r)); err != nil {
		return fmt.Errorf("write the HTML report: %w", err)
	}
	return nil
}

type htmlPage struct {
	Report
	Date        string
	Assumptions [][]string
	AssumptionH []string
	Baselines   []baselineView
	Headers     []field
	Rows        []rowView
	Charts      []svgChart
	EndUses     []endUseView
	Missing     []Missing
}

type rowView struct {
	Key      string
	Weather  string
	Baseline bool
	Pareto   bool
	Status   string
	Cells    []cell
}

type baselineView struct {
	Weather string
	Rows    []labelled
}

type labelled struct {
	Label string
	cell
}

type endUseView struct {
	Weather   string
	Delivered [][]cell
	ByCarrier [][]cell
	ByPurpose [][]cell
}

type svgChart struct {
	chart
	W, H       float64
	Plot       struct{ X, Y, W, H float64 }
	FrontPath  string
	Dots       []svgDot
	XTicks     []svgTick
	YTicks     []svgTick
	PlotRight  float64
	PlotBottom float64
	XTickY     float64 // the x ticks' labels' baseline
	YTickX     float64 // the y ticks' labels' right end
	XLabelX    float64
	XLabelY    float64
	YLabelY    float64
	LeftOutStr string
}

type svgDot struct {
	chartPoint
	CX, CY  float64
	ValueX  string
	ValueY  string
	LabelX  float64
	LabelY  float64
	Classes string
}

type svgTick struct {
	Pos   float64
	Label string
}

func htmlView(r Report) htmlPage {
	p := htmlPage{Report: r, Date: r.Created.Format("2006-01-02 15:04 MST"), Missing: r.MissingInputs()}
	for _, c := range r.Assumptions.Columns {
		p.AssumptionH = append(p.AssumptionH, c.Header)
	}
	for _, row := range r.Assumptions.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, assumptionText(c))
		}
		p.Assumptions = append(p.Assumptions, cells)
	}
	for _, b := range r.baselines() {
		bv := baselineView{Weather: b.Weather}
		for _, f := range r.baselineFields() {
			bv.Rows = append(bv.Rows, labelled{Label: f.Label(), cell: f.cell(b)})
		}
		p.Baselines = append(p.Baselines, bv)
	}
	p.Headers = r.fields()
	for _, v := range r.Variants {
		row := rowView{Key: v.Key, Weather: v.Weather, Baseline: v.Baseline, Pareto: v.ParetoCarbonCost || v.ParetoEnergyEmbodied, Status: v.Status}
		for _, f := range p.Headers {
			row.Cells = append(row.Cells, f.cell(v))
		}
		p.Rows = append(p.Rows, row)
	}
	for _, c := range r.charts() {
		p.Charts = append(p.Charts, toSVG(c))
	}
	for _, e := range r.EndUses {
		p.EndUses = append(p.EndUses, endUseTables(e))
	}
	return p
}

func toSVG(c chart) svgChart {
	s := svgChart{chart: c, W: svgW, H: svgH}
	s.Plot.X, s.Plot.Y = svgLeft, svgTop
	s.Plot.W, s.Plot.H = svgW-svgLeft-svgRight, svgH-svgTop-svgBottom
	px := func(x float64) float64 { return round2(s.Plot.X + x*s.Plot.W) }
	py := func(y float64) float64 { return round2(s.Plot.Y + (1-y)*s.Plot.H) }
	for _, t := range c.XTicks {
		s.XTicks = append(s.XTicks, svgTick{Pos: px(t.At), Label: t.Label})
	}
	for _, t := range c.YTicks {
		s.YTicks = append(s.YTicks, svgTick{Pos: py(t.At), Label: t.Label})
	}
	s.PlotRight, s.PlotBottom = s.Plot.X+s.Plot.W, s.Plot.Y+s.Plot.H
	s.XTickY, s.YTickX = s.PlotBottom+16, s.Plot.X-6
	s.XLabelX, s.XLabelY, s.YLabelY = round2(s.Plot.X+s.Plot.W/2), svgH-8, round2(s.Plot.Y+s.Plot.H/2)
	var path []string
	for _, p := range c.Front {
		path = append(path, fmt.Sprintf("%g,%g", px(p.X), py(p.Y)))
	}
	s.FrontPath = strings.Join(path, " ")
	for _, p := range c.Points {
		d := svgDot{chartPoint: p, CX: px(p.X), CY: py(p.Y), ValueX: strconv.FormatFloat(p.VX, 'g', -1, 64), ValueY: strconv.FormatFloat(p.VY, 'g', -1, 64)}
		d.LabelX, d.LabelY = d.CX+6, d.CY-6
		if p.X > 0.85 { // keep the label inside the plot
			d.LabelX = d.CX - 6 - 6.5*float64(len(p.Key))
		}
		d.Classes = "dot"
		if p.Pareto {
			d.Classes += " pareto"
		}
		if p.Baseline {
			d.Classes += " baseline"
		}
		s.Dots = append(s.Dots, d)
	}
	s.LeftOutStr = c.leftOutText()
	return s
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

func endUseTables(e EndUses) endUseView {
	v := endUseView{Weather: e.Weather}
	num := func(field string, kwh float64) []cell {
		out := []cell{{Field: field, Text: formatNumber(kwh, 0), Value: strconv.FormatFloat(kwh, 'g', -1, 64), Num: true}}
		if e.Atemp != nil && *e.Atemp > 0 {
			m2 := kwh / *e.Atemp
			out = append(out, cell{Field: field + "PerM2", Text: formatNumber(m2, 1), Value: strconv.FormatFloat(m2, 'g', -1, 64), Num: true})
		} else {
			out = append(out, cell{Field: field + "PerM2", Text: "—", Num: true})
		}
		return out
	}
	text := func(field, s string) cell { return cell{Field: field, Text: s, Value: s} }
	for _, d := range e.Delivered {
		v.Delivered = append(v.Delivered, append([]cell{text("endUse", d.EndUse), text("fuel", d.Fuel), text("carrier", carrierName(d.Carrier)), text("purpose", purposeName(d.Purpose))}, num("kWh", d.KWh)...))
	}
	for _, c := range e.ByCarrier {
		v.ByCarrier = append(v.ByCarrier, append([]cell{text("carrier", carrierName(c.Carrier))}, num("kWh", c.KWh)...))
	}
	for _, p := range e.ByPurpose {
		v.ByPurpose = append(v.ByPurpose, append([]cell{text("purpose", purposeName(p.Purpose))}, num("kWh", p.KWh)...))
	}
	return v
}

func carrierName(c bbr.Carrier) string {
	n := map[bbr.Carrier]string{bbr.Electricity: "Electricity", bbr.DistrictHeating: "District heating", bbr.DistrictCooling: "District cooling",
		bbr.Biofuel: "Biofuel", bbr.FossilOil: "Fossil oil", bbr.FossilGas: "Fossil gas", bbr.OtherFuel: "Other fuel"}[c]
	return cmp.Or(n, string(c))
}

func purposeName(p bbr.Purpose) string {
	n := map[bbr.Purpose]string{bbr.Heating: "Space heating", bbr.Cooling: "Cooling", bbr.HotWater: "Hot water", bbr.PropertyElectricity: "Property electricity",
		bbr.HouseholdElectricity: "Household electricity", bbr.BusinessElectricity: "Business electricity", bbr.Excluded: "Not delivered energy"}[p]
	n = cmp.Or(n, string(p))
	if p.Counts() {
		n += " (counts in EP_pet)"
	}
	return n
}
