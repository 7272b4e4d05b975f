package library

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The CSV files and their columns, in the order the shared library writes them. Cost columns
// are in SEK by name, so a library read from CSV has SEK costs.
const (
	materialsFile     = "materials.csv"
	glazingFile       = "glazing.csv"
	constructionsFile = "constructions.csv"
	csvCurrency       = "SEK"
)

var (
	materialColumns = []string{"id", "name", "category", "eplus_object", "thickness_m", "conductivity_w_mk",
		"density_kg_m3", "specific_heat_j_kgk", "thermal_resistance_m2k_w", "roughness", "thermal_absorptance",
		"solar_absorptance", "visible_absorptance", "thermal_source", "gwp_a1a3_kgco2e_per_kg", "gwp_metric",
		"gwp_source", "cost_per_m2_per_100mm_sek", "cost_range_sek", "cost_basis", "cost_source", "notes"}
	// Written only when a material uses them: the shared files have no per-m² GWP or fixed
	// per-m² cost, but a user's library may, and an export must not drop them.
	materialExtraColumns = []string{"gwp_a1a3_kgco2e_per_m2", "cost_per_m2_sek"}
	glazingColumns       = []string{"id", "name", "u_factor_w_m2k", "shgc", "visible_transmittance", "u_basis",
		"thermal_optical_source", "gwp_kgco2e_per_m2", "gwp_basis", "gwp_source", "cost_sek_per_m2", "cost_source", "notes"}
	constructionColumns = []string{"id", "name", "element", "layers", "notes"}
)

// LoadCSV reads materials.csv, glazing.csv and constructions.csv from dir. Errors name the
// file, the row (as a spreadsheet numbers it: the header is row 1) and the column. It checks
// the format, not the values: call Validate for those.
func LoadCSV(dir string) (*Library, error) {
	return loadFS(os.DirFS(dir), func(name string) string { return filepath.Join(dir, name) })
}

func loadFS(fsys fs.FS, pathOf func(string) string) (*Library, error) {
	lib := &Library{}
	mats, err := readTable(fsys, materialsFile, pathOf, materialColumns, materialExtraColumns)
	if err != nil {
		return nil, err
	}
	for _, r := range mats.rows() {
		lib.Materials = append(lib.Materials, r.material())
		if r.err != nil {
			return nil, r.err
		}
	}
	wins, err := readTable(fsys, glazingFile, pathOf, glazingColumns, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range wins.rows() {
		lib.Windows = append(lib.Windows, r.window())
		if r.err != nil {
			return nil, r.err
		}
	}
	cons, err := readTable(fsys, constructionsFile, pathOf, constructionColumns, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range cons.rows() {
		lib.Constructions = append(lib.Constructions, r.construction())
		if r.err != nil {
			return nil, r.err
		}
	}
	return lib, nil
}

// table is one CSV file: its header and records.
type table struct {
	path    string
	col     map[string]int
	records [][]string
}

func readTable(fsys fs.FS, name string, pathOf func(string) string, required, optional []string) (*table, error) {
	p := pathOf(name)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	// Spreadsheets often save UTF-8 with a byte-order mark, which would stick to "id".
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read %s: the file is empty (it needs a header row: %s)", p, strings.Join(required, ","))
	}
	t := &table{path: p, col: map[string]int{}, records: recs[1:]}
	known := map[string]bool{}
	for _, c := range append(append([]string{}, required...), optional...) {
		known[c] = true
	}
	for i, h := range recs[0] {
		h = strings.TrimSpace(h)
		if !known[h] {
			// Refused rather than ignored: a column the app does not read would be lost on
			// the next export without anyone noticing.
			return nil, fmt.Errorf("%s row 1, column %d: unknown column %q (known: %s)", p, i+1, h, strings.Join(required, ", "))
		}
		if _, dup := t.col[h]; dup {
			return nil, fmt.Errorf("%s row 1: column %q appears twice", p, h)
		}
		t.col[h] = i
	}
	for _, c := range required {
		if _, ok := t.col[c]; !ok {
			return nil, fmt.Errorf("%s row 1: column %q is missing", p, c)
		}
	}
	seen := map[string]int{}
	for i, rec := range t.records {
		id := strings.TrimSpace(rec[t.col["id"]])
		if id == "" {
			return nil, fmt.Errorf("%s row %d, column id: the id is empty", p, i+2)
		}
		if first, dup := seen[id]; dup {
			return nil, fmt.Errorf("%s row %d, column id: id %q is already used in row %d", p, i+2, id, first)
		}
		seen[id] = i + 2
	}
	return t, nil
}

func (t *table) rows() []*row {
	out := make([]*row, len(t.records))
	for i, rec := range t.records {
		out[i] = &row{t: t, rec: rec, n: i + 2}
	}
	return out
}

// row reads cells of one record; the first error sticks, so a row reads as straight-line code.
type row struct {
	t   *table
	rec []string
	n   int // spreadsheet row number
	err error
}

func (r *row) str(col string) string {
	i, ok := r.t.col[col]
	if !ok {
		return "" // an optional column the file does not have
	}
	return strings.TrimSpace(r.rec[i])
}

// num reads an optional number: a blank cell is nil (missing), never zero.
func (r *row) num(col string) *float64 {
	s := r.str(col)
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		err = errors.New("not finite")
	}
	if err != nil {
		r.fail(col, "%q is not a number (use a point for decimals, e.g. 0.037)", s)
		return nil
	}
	return &v
}

func (r *row) fail(col, format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%s row %d (%s), column %s: %s", r.t.path, r.n, r.str("id"), col, fmt.Sprintf(format, args...))
	}
}

func (r *row) material() Material {
	m := Material{
		ID: r.str("id"), Name: r.str("name"), Category: r.str("category"), Kind: r.str("eplus_object"),
		ThicknessM: r.num("thickness_m"), Conductivity: r.num("conductivity_w_mk"),
		Density: r.num("density_kg_m3"), SpecificHeat: r.num("specific_heat_j_kgk"),
		ThermalResistance: r.num("thermal_resistance_m2k_w"), Roughness: r.str("roughness"),
		ThermalAbsorptance: r.num("thermal_absorptance"), SolarAbsorptance: r.num("solar_absorptance"),
		VisibleAbsorptance: r.num("visible_absorptance"), ThermalSource: r.str("thermal_source"),
		GWPPerKg: r.num("gwp_a1a3_kgco2e_per_kg"), GWPPerM2: r.num("gwp_a1a3_kgco2e_per_m2"),
		GWPMetric: r.str("gwp_metric"), GWPSource: r.str("gwp_source"),
		CostPerM2Per100mm: r.num("cost_per_m2_per_100mm_sek"), CostPerM2: r.num("cost_per_m2_sek"),
		CostRange: r.str("cost_range_sek"), CostBasis: r.str("cost_basis"), CostSource: r.str("cost_source"),
		Notes: r.str("notes"),
	}
	if m.CostPerM2Per100mm != nil || m.CostPerM2 != nil || m.CostRange != "" {
		m.Currency = csvCurrency
	}
	return m
}

func (r *row) window() WindowSystem {
	w := WindowSystem{
		ID: r.str("id"), Name: r.str("name"), UFactor: r.num("u_factor_w_m2k"), SHGC: r.num("shgc"),
		VisibleTransmittance: r.num("visible_transmittance"), UBasis: r.str("u_basis"),
		Source: r.str("thermal_optical_source"), GWPPerM2: r.num("gwp_kgco2e_per_m2"),
		GWPBasis: r.str("gwp_basis"), GWPSource: r.str("gwp_source"), CostPerM2: r.num("cost_sek_per_m2"),
		CostSource: r.str("cost_source"), Notes: r.str("notes"),
	}
	if w.CostPerM2 != nil {
		w.Currency = csvCurrency
	}
	return w
}

func (r *row) construction() Construction {
	c := Construction{ID: r.str("id"), Name: r.str("name"), Element: r.str("element"), Notes: r.str("notes")}
	spec := r.str("layers")
	if c.Element == ElementWindow {
		// A window's "layers" cell holds the id of its glazing.csv row.
		c.WindowSystemID = spec
		return c
	}
	if spec == "" {
		r.fail("layers", "no layers (write them as material_id:thickness_m;... from outside to inside)")
		return c
	}
	parts := strings.Split(spec, ";")
	for i, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" && i == len(parts)-1 {
			continue // a trailing ';'
		}
		id, th, ok := strings.Cut(part, ":")
		id, th = strings.TrimSpace(id), strings.TrimSpace(th)
		th, flag, _ := strings.Cut(th, ":")
		th, flag = strings.TrimSpace(th), strings.TrimSpace(flag)
		if !ok || id == "" || th == "" {
			r.fail("layers", "layer %d %q is not material_id:thickness_m[:existing] (e.g. eps_16:0.100)", i+1, part)
			return c
		}
		if flag != "" && flag != "existing" {
			r.fail("layers", "layer %d %q: %q should be \"existing\" or nothing", i+1, part, flag)
			return c
		}
		d, err := strconv.ParseFloat(th, 64)
		if err != nil || math.IsNaN(d) || math.IsInf(d, 0) {
			r.fail("layers", "layer %d %q: thickness %q is not a number of metres", i+1, part, th)
			return c
		}
		c.Layers = append(c.Layers, Layer{MaterialID: id, ThicknessM: d, Existing: flag == "existing"})
	}
	return c
}
