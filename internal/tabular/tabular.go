// Package tabular reads EnergyPlus's own HTML report (eplustbl.htm) for tests, so the figures
// EPSM extracts from eplusout.sql can be checked against what EnergyPlus printed. It is a
// second, independent path to the same numbers: its own parser and its own unit factors, so a
// wrong query or a wrong factor in package runner shows up as a disagreement.
// It imports only package sim, so package runner's own tests can use it too.
package tabular

import (
	"compress/gzip"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"epsm/sim"
)

// Table is one table of the report: the report and "For:" it sits under, its title, the
// column headings as printed ("Total Energy [kWh]") and the rows, each its name then its cells.
type Table struct {
	Report, For, Title string
	Header             []string
	Rows               [][]string
}

// Report is every table of one eplustbl.htm, in order.
type Report struct {
	Path   string
	Tables []Table
}

var (
	// EnergyPlus writes each report as <p>Report:<b> NAME</b></p><p>For:<b> WHAT</b></p>,
	// then per table <b>TITLE</b><br><br> and the <table>.
	reMarker = regexp.MustCompile(`(?s)<p>Report:<b>(.*?)</b></p>|<p>For:<b>(.*?)</b></p>|<b>([^<]*)</b><br><br>\s*(?:<!--.*?-->\s*)?<table[^>]*>(.*?)</table>`)
	reRow    = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	reCell   = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	reTag    = regexp.MustCompile(`<[^>]*>`)
	reUnit   = regexp.MustCompile(`^(.*?)\s*\[([^\]]*)\]$`)
)

// ReadFile parses the report at path, or its gzip beside it (path.gz: a run folder trimmed
// once its results were stored keeps the report so).
func ReadFile(path string) (*Report, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = readGzip(path + ".gz")
	}
	if err != nil {
		return nil, fmt.Errorf("tabular report: %w", err)
	}
	r := Parse(string(data))
	if len(r.Tables) == 0 {
		return nil, fmt.Errorf("tabular report %s: no tables", path)
	}
	r.Path = path
	return r, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}

// Parse reads the tables of an eplustbl.htm.
func Parse(doc string) *Report {
	r := &Report{}
	var report, forString string
	for _, m := range reMarker.FindAllStringSubmatch(doc, -1) {
		switch {
		case m[1] != "":
			report = text(m[1])
		case m[2] != "":
			forString = text(m[2])
		default:
			t := Table{Report: report, For: forString, Title: text(m[3])}
			for i, row := range reRow.FindAllStringSubmatch(m[4], -1) {
				var cells []string
				for _, c := range reCell.FindAllStringSubmatch(row[1], -1) {
					cells = append(cells, text(c[1]))
				}
				if i == 0 {
					t.Header = cells[1:] // the first heading cell is the empty corner
					continue
				}
				t.Rows = append(t.Rows, cells)
			}
			r.Tables = append(r.Tables, t)
		}
	}
	return r
}

// text is a cell's content without tags and entities (&nbsp; is an empty cell).
func text(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(html.UnescapeString(reTag.ReplaceAllString(s, "")), "\u00a0", " "))
}

// Table finds one table by its report ("Annual Building Utility Performance Summary"), "For:"
// ("Entire Facility") and title ("End Uses"). Titles repeat between reports (the demand
// report has an "End Uses" table in W), so all three are needed.
func (r *Report) Table(report, forString, title string) (*Table, error) {
	var found *Table
	for i, t := range r.Tables {
		if t.Report == report && t.For == forString && t.Title == title {
			if found != nil {
				return nil, fmt.Errorf("%s: two tables %q / %q / %q", r.Path, report, forString, title)
			}
			found = &r.Tables[i]
		}
	}
	if found == nil {
		return nil, fmt.Errorf("%s: no table %q / %q / %q", r.Path, report, forString, title)
	}
	return found, nil
}

// Column is a heading split into its name and unit: "Total Energy [GJ]" is {"Total Energy", "GJ"}.
type Column struct{ Name, Unit string }

// Columns returns the table's headings split into name and unit.
func (t *Table) Columns() []Column {
	cols := make([]Column, len(t.Header))
	for i, h := range t.Header {
		if m := reUnit.FindStringSubmatch(h); m != nil {
			cols[i] = Column{m[1], m[2]}
		} else {
			cols[i] = Column{Name: h}
		}
	}
	return cols
}

// Value returns the number in row (by its name) and column (by its name without the unit),
// converted to SI with Convert, and the SI unit.
func (t *Table) Value(row, column string) (float64, string, error) {
	ci := -1
	var unit string
	for i, c := range t.Columns() {
		if c.Name == column {
			ci, unit = i, c.Unit
		}
	}
	if ci < 0 {
		return 0, "", fmt.Errorf("table %q has no column %q (columns %q)", t.Title, column, t.Header)
	}
	for _, r := range t.Rows {
		if len(r) > 0 && r[0] == row {
			if ci+1 >= len(r) {
				return 0, "", fmt.Errorf("table %q row %q has no cell in column %q", t.Title, row, column)
			}
			v, err := strconv.ParseFloat(r[ci+1], 64)
			if err != nil {
				return 0, "", fmt.Errorf("table %q row %q column %q: %w", t.Title, row, column, err)
			}
			return Convert(v, unit)
		}
	}
	return 0, "", fmt.Errorf("table %q has no row %q", t.Title, row)
}

// Energy units EnergyPlus's tabular reports use (by the table style's unit conversion), in
// kWh; written from the definitions (1 kWh = 3.6 MJ, the international table Btu), not
// copied from package runner, so a wrong factor there is caught.
var energyKWh = map[string]float64{
	"J": 1 / 3.6e6, "kJ": 1 / 3.6e3, "MJ": 1 / 3.6, "GJ": 1e3 / 3.6,
	"Wh": 1e-3, "kWh": 1, "MWh": 1e3,
	"kBtu": 1055.05585262 / 3.6e3, "MBtu": 1055.05585262e3 / 3.6e3, "MMBtu": 1055.05585262e3 / 3.6e3,
}

var areaM2 = map[string]float64{"m2": 1, "ft2": 0.3048 * 0.3048}

// Convert turns a reported value into SI: energy in kWh, area in m2, energy per area in
// kWh/m2, hours in h. An unknown unit is an error, never a silent factor of 1.
func Convert(v float64, unit string) (float64, string, error) {
	if f, ok := energyKWh[unit]; ok {
		return v * f, "kWh", nil
	}
	if f, ok := areaM2[unit]; ok {
		return v * f, "m2", nil
	}
	if e, a, ok := strings.Cut(unit, "/"); ok {
		fe, okE := energyKWh[e]
		fa, okA := areaM2[a]
		if okE && okA {
			return v * fe / fa, "kWh/m2", nil
		}
	}
	if strings.EqualFold(unit, "Hours") || unit == "hr" {
		return v, "h", nil
	}
	return 0, "", fmt.Errorf("unknown unit %q", unit)
}

// Agree reports whether a and b are the same to 4 significant figures: within half a unit
// of the fourth significant figure of the larger. (Rounding both and comparing would call
// 1234.49 and 1234.51 different.)
func Agree(a, b float64) bool {
	if a == b {
		return true
	}
	m := math.Max(math.Abs(a), math.Abs(b))
	return math.Abs(a-b) <= 0.5*math.Pow(10, math.Floor(math.Log10(m))-3)
}

// The tables of EnergyPlus's Annual Building Utility Performance Summary that Results come from.
const (
	abups          = "Annual Building Utility Performance Summary"
	entireFacility = "Entire Facility"
)

// figure is one number of Results and where the report prints it.
type figure struct {
	name            string
	got             float64
	table, row, col string
	wantUnit        string
}

// Disagreements compares every figure of res with the same figure in EnergyPlus's report:
// total, net site and total source energy, total and conditioned floor area, EUI (the
// report's energy per total building area), unmet occupied heating and cooling hours, and
// each non-zero end use by fuel (none missing, none extra). Each disagreement (beyond 4
// significant figures), and each figure the report lacks, is one line of the result.
func Disagreements(res *sim.Results, r *Report) []string {
	var out []string
	figures := []figure{
		{"total site energy", res.TotalSiteKWh, "Site and Source Energy", "Total Site Energy", "Total Energy", "kWh"},
		{"net site energy", res.NetSiteKWh, "Site and Source Energy", "Net Site Energy", "Total Energy", "kWh"},
		{"total source energy", res.TotalSourceKWh, "Site and Source Energy", "Total Source Energy", "Total Energy", "kWh"},
		{"EUI", res.EUIKWhPerM2, "Site and Source Energy", "Total Site Energy", "Energy Per Total Building Area", "kWh/m2"},
		{"total floor area", res.TotalAreaM2, "Building Area", "Total Building Area", "Area", "m2"},
		{"conditioned floor area", res.ConditionedAreaM2, "Building Area", "Net Conditioned Building Area", "Area", "m2"},
		{"unmet heating hours", res.UnmetHeatingHours, "Comfort and Setpoint Not Met Summary", "Time Setpoint Not Met During Occupied Heating", "Facility", "h"},
		{"unmet cooling hours", res.UnmetCoolingHours, "Comfort and Setpoint Not Met Summary", "Time Setpoint Not Met During Occupied Cooling", "Facility", "h"},
	}
	for _, f := range figures {
		t, err := r.Table(abups, entireFacility, f.table)
		if err != nil {
			out = append(out, f.name+": "+err.Error())
			continue
		}
		want, unit, err := t.Value(f.row, f.col)
		switch {
		case err != nil:
			out = append(out, f.name+": "+err.Error())
		case unit != f.wantUnit:
			out = append(out, fmt.Sprintf("%s: the report gives %s, not %s", f.name, unit, f.wantUnit))
		case !Agree(f.got, want):
			out = append(out, fmt.Sprintf("%s: extracted %.6g %s, eplustbl.htm says %.6g %s", f.name, f.got, unit, want, unit))
		}
	}
	return append(out, endUseDisagreements(res.EndUses, r)...)
}

// endUseDisagreements compares the end uses cell by cell: every non-zero energy cell of the
// report's End Uses table (Total End Uses aside; water is in m3, not energy) must be in
// got once with the same kWh, and got must hold nothing else.
func endUseDisagreements(got []sim.EndUse, r *Report) []string {
	t, err := r.Table(abups, entireFacility, "End Uses")
	if err != nil {
		return []string{"end uses: " + err.Error()}
	}
	var out []string
	extracted := map[[2]string]float64{}
	for _, e := range got {
		k := [2]string{e.EndUse, e.Fuel}
		if _, dup := extracted[k]; dup {
			out = append(out, fmt.Sprintf("end use %s / %s extracted twice", e.EndUse, e.Fuel))
		}
		extracted[k] = e.KWh
	}
	cols := t.Columns()
	for _, row := range t.Rows {
		if len(row) == 0 || row[0] == "" || row[0] == "Total End Uses" {
			continue
		}
		for i, c := range cols {
			if i+1 >= len(row) || row[i+1] == "" {
				continue
			}
			v, err := strconv.ParseFloat(row[i+1], 64)
			if err != nil {
				out = append(out, fmt.Sprintf("end use %s / %s: %v", row[0], c.Name, err))
				continue
			}
			want, unit, err := Convert(v, c.Unit)
			if err != nil || unit != "kWh" || want == 0 {
				continue // water [m3] is not energy; zero cells are not listed
			}
			k := [2]string{row[0], c.Name}
			kwh, ok := extracted[k]
			delete(extracted, k)
			switch {
			case !ok:
				out = append(out, fmt.Sprintf("end use %s / %s: eplustbl.htm says %.6g kWh, not extracted", row[0], c.Name, want))
			case !Agree(kwh, want):
				out = append(out, fmt.Sprintf("end use %s / %s: extracted %.6g kWh, eplustbl.htm says %.6g kWh", row[0], c.Name, kwh, want))
			}
		}
	}
	var extra []string
	for k, kwh := range extracted {
		extra = append(extra, fmt.Sprintf("end use %s / %s: extracted %.6g kWh, not one of eplustbl.htm's non-zero energy cells (Total End Uses and water are not end uses)", k[0], k[1], kwh))
	}
	sort.Strings(extra) // the same message on every run
	return append(out, extra...)
}
