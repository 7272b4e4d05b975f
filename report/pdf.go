package report

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// DejaVu Sans covers å, ä, ö, ² and ₂, which the PDF's core fonts (Latin-1 at best) do not;
// its licence (fonts/LICENSE) allows embedding and redistribution.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

const (
	family          = "DejaVu"
	pageMargin      = 12.0 // mm
	lineH           = 3.6  // mm per line of table text
	cellPad         = 1.0  // mm
	tableFontSize   = 7.0
	bodyFontSize    = 9.0
	headingFontSize = 12.0
)

// WritePDF writes the report as an A4 landscape PDF with the HTML's content: tables as text,
// the scatters drawn with the PDF's own vectors.
func WritePDF(w io.Writer, r Report) error {
	p := newPDF(r)
	p.title(r)
	p.heading("Assumptions and their sources")
	p.assumptions(r)
	p.heading("The baseline")
	p.baseline(r)
	p.heading("Variants: primary energy number, energy class, carbon and cost")
	intro := "Δ is the variant minus the baseline with the same weather file (negative saves), per m² Atemp. Carbon per m² Atemp; embodied carbon and investment count the changed elements only."
	if len(r.Weathers) == 1 {
		intro += " Every row is with " + r.Weathers[0] + "."
	}
	p.paragraph(intro)
	p.variants(r)
	p.pdf.AddPage()
	p.heading("Trade-offs and the Pareto front")
	p.paragraph("Each point is a variant; lower is better on both axes. The dashed line joins the Pareto-optimal variants, labelled with their ids. The square is the baseline.")
	p.charts(r)
	p.heading("End uses of the baseline")
	p.endUses(r)
	p.heading("What is missing")
	p.missing(r)
	if err := p.pdf.Output(w); err != nil {
		return fmt.Errorf("write the PDF report: %w", err)
	}
	return nil
}

type pdfWriter struct {
	pdf          *fpdf.Fpdf
	width        float64 // between the margins
	bottom       float64 // the last y a row may reach
	pageW, pageH float64
}

func newPDF(r Report) *pdfWriter {
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(family, "", fontRegular)
	pdf.AddUTF8FontFromBytes(family, "B", fontBold)
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin+4)
	pdf.SetTitle("Study report: "+r.Study, true)
	pdf.SetCreator(r.Generator, true)
	pdf.SetCreationDate(r.Created)
	pdf.SetModificationDate(r.Created)
	pdf.AliasNbPages("{nb}")
	w, h := pdf.GetPageSize()
	pdf.SetFooterFunc(func() {
		pdf.SetY(-pageMargin)
		pdf.SetFont(family, "", 7)
		pdf.SetTextColor(110, 118, 130)
		pdf.CellFormat(0, 4, fmt.Sprintf("%s · %s · page %d of {nb}", r.Study, r.Created.Format("2006-01-02"), pdf.PageNo()), "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	return &pdfWriter{pdf: pdf, width: w - 2*pageMargin, bottom: h - pageMargin - 6, pageW: w, pageH: h}
}

func (p *pdfWriter) title(r Report) {
	p.pdf.SetFont(family, "B", 16)
	p.pdf.MultiCell(0, 8, "Study report: "+r.Study, "", "L", false)
	p.pdf.SetFont(family, "", bodyFontSize)
	label := "Weather file"
	if len(r.Weathers) > 1 {
		label = "Weather files"
	}
	for _, kv := range [][2]string{
		{"Base model", r.Model}, {label, strings.Join(r.Weathers, "; ")},
		{"Runs", fmt.Sprintf("%d of %d finished", r.Finished, r.Total)}, {"Date", r.Created.Format("2006-01-02 15:04 MST")}, {"Made with", r.Generator},
	} {
		p.pdf.SetFont(family, "B", bodyFontSize)
		p.pdf.CellFormat(32, 5, kv[0], "", 0, "L", false, 0, "")
		p.pdf.SetFont(family, "", bodyFontSize)
		p.pdf.MultiCell(0, 5, kv[1], "", "L", false)
	}
}

func (p *pdfWriter) heading(s string) {
	if p.pdf.GetY()+20 > p.bottom {
		p.pdf.AddPage()
	}
	p.pdf.Ln(4)
	p.pdf.SetFont(family, "B", headingFontSize)
	p.pdf.SetDrawColor(29, 36, 48)
	p.pdf.SetLineWidth(0.3)
	p.pdf.CellFormat(0, 7, s, "B", 1, "L", false, 0, "")
	p.pdf.Ln(1.5)
	p.pdf.SetFont(family, "", bodyFontSize)
}

func (p *pdfWriter) subheading(s string) {
	p.pdf.SetFont(family, "B", bodyFontSize+1)
	p.pdf.CellFormat(0, 6, s, "", 1, "L", false, 0, "")
	p.pdf.SetFont(family, "", bodyFontSize)
}

func (p *pdfWriter) paragraph(s string) {
	p.pdf.SetFont(family, "", bodyFontSize-1)
	p.pdf.SetTextColor(80, 88, 100)
	p.pdf.MultiCell(0, 4, s, "", "L", false)
	p.pdf.SetTextColor(0, 0, 0)
	p.pdf.Ln(1)
}

// column is one column of a PDF table: a relative width and the text's alignment.
type column struct {
	header string
	weight float64
	align  string
	mm     float64 // a fixed width instead of a share of the rest
}

// table draws rows that wrap within their cells, the header again at the top of each page.
// shaded marks rows drawn on a tint (the baseline's).
func (p *pdfWriter) table(cols []column, rows [][]string, shaded []bool) {
	total, rest := 0.0, p.width
	for _, c := range cols {
		if c.mm > 0 {
			rest -= c.mm
		} else {
			total += c.weight
		}
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.mm
		if c.mm == 0 {
			widths[i] = rest * c.weight / total
		}
	}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.header
	}
	p.pdf.SetFont(family, "B", tableFontSize)
	p.row(widths, cols, header, true, true)
	p.pdf.SetFont(family, "", tableFontSize)
	for i, cells := range rows {
		if p.pdf.GetY()+p.rowHeight(widths, cells) > p.bottom {
			p.pdf.AddPage()
			p.pdf.SetFont(family, "B", tableFontSize)
			p.row(widths, cols, header, true, true)
			p.pdf.SetFont(family, "", tableFontSize)
		}
		p.row(widths, cols, cells, i < len(shaded) && shaded[i], false)
	}
	p.pdf.Ln(2)
}

func (p *pdfWriter) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for i, c := range cells {
		lines = max(lines, len(p.pdf.SplitText(c, widths[i])))
	}
	return float64(lines)*lineH + cellPad
}

func (p *pdfWriter) row(widths []float64, cols []column, cells []string, fill, header bool) {
	h := p.rowHeight(widths, cells)
	x, y := pageMargin, p.pdf.GetY()
	if fill {
		if header {
			p.pdf.SetFillColor(236, 239, 243)
		} else {
			p.pdf.SetFillColor(246, 248, 251)
		}
		p.pdf.Rect(x, y, p.width, h, "F")
	}
	for i, c := range cells {
		align := cols[i].align
		if header && align == "" {
			align = "L"
		}
		for k, line := range p.pdf.SplitText(c, widths[i]) {
			p.pdf.SetXY(x, y+cellPad/2+float64(k)*lineH)
			p.pdf.CellFormat(widths[i], lineH, line, "", 0, align, false, 0, "")
		}
		x += widths[i]
	}
	p.pdf.SetDrawColor(215, 220, 227)
	p.pdf.SetLineWidth(0.2)
	p.pdf.Line(pageMargin, y+h, pageMargin+p.width, y+h)
	p.pdf.SetXY(pageMargin, y+h)
}

func (p *pdfWriter) assumptions(r Report) {
	weights := []float64{26, 9, 12, 53}
	var cols []column
	for i, c := range r.Assumptions.Columns {
		cols = append(cols, column{header: c.Header, weight: weights[min(i, len(weights)-1)]})
	}
	cols[1].align = "R"
	var rows [][]string
	for _, row := range r.Assumptions.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, assumptionText(c))
		}
		rows = append(rows, cells)
	}
	p.table(cols, rows, nil)
}

func (p *pdfWriter) baseline(r Report) {
	for _, b := range r.baselines() {
		p.subheading("With " + b.Weather)
		var rows [][]string
		for _, f := range r.baselineFields() {
			rows = append(rows, []string{f.Label(), f.cell(b).Text})
		}
		p.table([]column{{header: "Figure", weight: 3}, {header: "Value", weight: 1, align: "R"}, {weight: 4}}, pad(rows, 3), nil)
	}
}

// pad gives every row n cells.
func pad(rows [][]string, n int) [][]string {
	for i := range rows {
		for len(rows[i]) < n {
			rows[i] = append(rows[i], "")
		}
	}
	return rows
}

func (p *pdfWriter) variants(r Report) {
	weights := map[string]float64{"key": 7, "name": 22, "weather": 14, "energyClass": 5, "pareto": 11}
	var cols []column
	fields := r.fields()
	for _, f := range fields {
		c := column{header: f.Label(), weight: 8}
		if w, ok := weights[f.Name]; ok {
			c.weight = w
		}
		if f.value != nil {
			c.align = "R"
		}
		if f.Name == "energyClass" {
			c.align = "C"
		}
		cols = append(cols, c)
	}
	// The ids are what a reader looks up in the charts: they never wrap.
	p.pdf.SetFont(family, "", tableFontSize)
	for _, v := range r.Variants {
		cols[0].mm = max(cols[0].mm, p.pdf.GetStringWidth(v.Key)+2*p.pdf.GetCellMargin()+0.5)
	}
	var rows [][]string
	var shaded []bool
	for _, v := range r.Variants {
		var cells []string
		for _, f := range fields {
			cells = append(cells, f.cell(v).Text)
		}
		rows = append(rows, cells)
		shaded = append(shaded, v.Baseline)
	}
	p.table(cols, rows, shaded)
}

func (p *pdfWriter) endUses(r Report) {
	if len(r.EndUses) == 0 {
		p.paragraph("The baseline has no results yet.")
	}
	for _, e := range r.EndUses {
		p.subheading("With " + e.Weather)
		v := endUseTables(e)
		p.table([]column{{header: "End use", weight: 3}, {header: "Fuel", weight: 3}, {header: "Carrier", weight: 3}, {header: "Purpose", weight: 4},
			{header: "kWh", weight: 2, align: "R"}, {header: "kWh/m² Atemp", weight: 2, align: "R"}}, texts(v.Delivered), nil)
		p.table([]column{{header: "Carrier", weight: 3}, {header: "kWh", weight: 1, align: "R"}, {header: "kWh/m² Atemp", weight: 1, align: "R"}, {weight: 5}}, pad(texts(v.ByCarrier), 4), nil)
		p.table([]column{{header: "Purpose", weight: 3}, {header: "kWh", weight: 1, align: "R"}, {header: "kWh/m² Atemp", weight: 1, align: "R"}, {weight: 5}}, pad(texts(v.ByPurpose), 4), nil)
	}
}

func texts(rows [][]cell) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for _, c := range r {
			out[i] = append(out[i], c.Text)
		}
	}
	return out
}

func (p *pdfWriter) missing(r Report) {
	if r.Finished < r.Total {
		p.paragraph(fmt.Sprintf("%d of %d runs had finished when this report was made: the others' figures are missing.", r.Finished, r.Total))
	}
	m := r.MissingInputs()
	if len(m) == 0 {
		p.pdf.MultiCell(0, 5, "Every figure of every variant could be computed.", "", "L", false)
		return
	}
	var rows [][]string
	for _, g := range m {
		rows = append(rows, []string{g.Input, strings.Join(g.Figures, ", "), strings.Join(g.Variants, ", ")})
	}
	p.table([]column{{header: "Missing input", weight: 4}, {header: "Figures it is needed for", weight: 3}, {header: "Variants", weight: 3}}, rows, nil)
}

// The charts' size on the page and their plot areas' margins, in mm.
const (
	chartW, chartH                            = 132.0, 86.0
	chartLeft, chartRight, chartTop, chartBot = 20.0, 4.0, 8.0, 16.0
)

func (p *pdfWriter) charts(r Report) {
	cs := r.charts()
	y := 0.0 // the top of the current row of two charts
	for i, c := range cs {
		col := i % 2
		if col == 0 {
			if p.pdf.GetY()+chartH > p.bottom {
				p.pdf.AddPage()
			}
			y = p.pdf.GetY()
		}
		x := pageMargin + float64(col)*(p.width-chartW)
		p.chart(c, x, y, len(r.Weathers) > 1)
		if col == 1 || i == len(cs)-1 {
			p.pdf.SetXY(pageMargin, y+chartH+4)
		}
	}
}

func (p *pdfWriter) chart(c chart, x, y float64, namedWeather bool) {
	pdf := p.pdf
	title := c.Title
	if namedWeather {
		title += " — " + c.Weather
	}
	pdf.SetFont(family, "B", 8.5)
	pdf.Text(x, y+4, title)
	px0, py0 := x+chartLeft, y+chartTop
	pw, ph := chartW-chartLeft-chartRight, chartH-chartTop-chartBot
	pxOf := func(v float64) float64 { return px0 + v*pw }
	pyOf := func(v float64) float64 { return py0 + (1-v)*ph }
	pdf.SetFont(family, "", 6.5)
	if len(c.Points) == 0 {
		pdf.SetXY(x, y+10)
		pdf.MultiCell(chartW, 4, "No variant has both figures yet: see What is missing.", "", "L", false)
		return
	}
	pdf.SetLineWidth(0.15)
	pdf.SetDrawColor(230, 233, 238)
	for _, t := range c.YTicks {
		ty := pyOf(t.At)
		pdf.Line(px0, ty, px0+pw, ty)
		pdf.Text(px0-1.5-pdf.GetStringWidth(t.Label), ty+1, t.Label)
	}
	for _, t := range c.XTicks {
		tx := pxOf(t.At)
		pdf.Line(tx, py0, tx, py0+ph)
		pdf.Text(tx-pdf.GetStringWidth(t.Label)/2, py0+ph+4, t.Label)
	}
	pdf.SetDrawColor(138, 147, 163)
	pdf.SetLineWidth(0.25)
	pdf.Line(px0, py0+ph, px0+pw, py0+ph)
	pdf.Line(px0, py0, px0, py0+ph)
	pdf.Text(px0+pw/2-pdf.GetStringWidth(c.XLabel)/2, py0+ph+9, c.XLabel)
	pdf.TransformBegin()
	pdf.TransformRotate(90, x+3, py0+ph/2)
	pdf.Text(x+3-pdf.GetStringWidth(c.YLabel)/2, py0+ph/2, c.YLabel)
	pdf.TransformEnd()
	if len(c.Front) > 1 {
		pdf.SetDrawColor(194, 65, 12)
		pdf.SetLineWidth(0.4)
		pdf.SetDashPattern([]float64{1.6, 1}, 0)
		for i := 1; i < len(c.Front); i++ {
			a, b := c.Front[i-1], c.Front[i]
			pdf.Line(pxOf(a.X), pyOf(a.Y), pxOf(b.X), pyOf(b.Y))
		}
		pdf.SetDashPattern(nil, 0)
	}
	pdf.SetLineWidth(0.2)
	for _, pt := range c.Points {
		cx, cy := pxOf(pt.X), pyOf(pt.Y)
		switch {
		case pt.Baseline:
			pdf.SetDrawColor(29, 36, 48)
			pdf.SetFillColor(255, 255, 255)
			if pt.Pareto {
				pdf.SetFillColor(194, 65, 12)
			}
			pdf.Rect(cx-1.2, cy-1.2, 2.4, 2.4, "FD")
		case pt.Pareto:
			pdf.SetDrawColor(124, 45, 18)
			pdf.SetFillColor(194, 65, 12)
			pdf.Circle(cx, cy, 1.1, "FD")
		default:
			pdf.SetDrawColor(31, 111, 235)
			pdf.SetFillColor(143, 179, 232)
			pdf.Circle(cx, cy, 1.1, "FD")
		}
		if pt.Pareto {
			pdf.SetFont(family, "B", 6.5)
			pdf.SetTextColor(124, 45, 18)
			lx := cx + 1.8
			if pt.X > 0.85 {
				lx = cx - 1.8 - pdf.GetStringWidth(pt.Key)
			}
			pdf.Text(lx, cy-1.5, pt.Key)
			pdf.SetTextColor(0, 0, 0)
			pdf.SetFont(family, "", 6.5)
		}
	}
	if len(c.LeftOut) > 0 {
		pdf.SetXY(x, y+chartH-3)
		pdf.SetFont(family, "", 6)
		pdf.CellFormat(chartW, 3, "Left out for a missing figure: "+c.leftOutText(), "", 0, "L", false, 0, "")
	}
}
