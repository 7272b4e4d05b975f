package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"epsm/internal/tempdir"
	"epsm/lca"
	"epsm/services/studysvc"
	"epsm/sim"
	"epsm/study"
)

// roofStudy runs the bundled example with and without a new roof on the real engine.
func roofStudy(t *testing.T, c *App) (studysvc.StudyInfo, studysvc.StudyTable) {
	t.Helper()
	info, err := c.Studies.Create(study.Spec{Name: "roof study", Model: "../examples/1ZoneUncontrolled.idf",
		Weather: []string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"},
		Options: map[string][]string{"roof": {"keep", "Concrete flat roof + 120 mm PIR (warm roof, new membrane)"}}})
	if err != nil {
		t.Fatal(err)
	}
	waitStudy(t, c, info)
	table, err := c.Studies.Table(info.Study.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(table.Rows) != 2 || table.Finished != 2 {
		t.Fatalf("table: %+v", table)
	}
	return info, table
}

func waitStudy(t *testing.T, c *App, info studysvc.StudyInfo) {
	t.Helper()
	var ids []int64
	for _, r := range info.Runs {
		ids = append(ids, r.ID)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := c.Queue.Wait(ctx, ids); err != nil {
		t.Fatal(err)
	}
}

// exportedRow is one exported row by header.
type exportedRow map[string]string

func readCSVExport(t *testing.T, path string) (header []string, rows []exportedRow) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, rec := range recs[1:] {
		r := exportedRow{}
		for i, h := range recs[0] {
			r[h] = rec[i]
		}
		rows = append(rows, r)
	}
	return recs[0], rows
}

func readXLSXExport(t *testing.T, path string) (header []string, rows []exportedRow, sheets []string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	sheets = f.GetSheetList()
	all, err := f.GetRows("Results", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range all[1:] {
		r := exportedRow{}
		for i, h := range all[0] {
			if i < len(rec) {
				r[h] = rec[i]
			}
		}
		rows = append(rows, r)
	}
	return all[0], rows, sheets
}

func TestStudyResultsExportToCSVAndXLSXReadBack(t *testing.T) {
	engine := testEngine(t)
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), &engine, nil)
	defer c.Close()
	info, table := roofStudy(t, c)
	out := tempdir.New(t)
	csvPath, xlsxPath := filepath.Join(out, "roof study.csv"), filepath.Join(out, "roof study.xlsx")
	if err := c.Studies.ExportResults(info.Study.ID, csvPath, ""); err != nil {
		t.Fatal(err)
	}
	if err := c.Studies.ExportResults(info.Study.ID, xlsxPath, studysvc.FormatXLSX); err != nil {
		t.Fatal(err)
	}
	csvHead, csvRows := readCSVExport(t, csvPath)
	xlsxHead, xlsxRows, sheets := readXLSXExport(t, xlsxPath)
	if strings.Join(csvHead, "|") != strings.Join(xlsxHead, "|") {
		t.Errorf("CSV and XLSX headers differ:\n%v\n%v", csvHead, xlsxHead)
	}
	if len(sheets) != 2 || sheets[1] != "Assumptions" {
		t.Errorf("sheets %v: want Results and Assumptions", sheets)
	}
	cur := table.Settings.Currency
	lccHeader := fmt.Sprintf("Life-cycle cost, %d years [%s]", table.Settings.AnalysisPeriodYears, cur)
	for _, h := range []string{"Annual energy [kWh]", "Embodied carbon [kg CO2e]", "Roof construction", "Roof area changed [m²]",
		lccHeader, "Investment [" + cur + "]", "Note"} {
		if !slices.Contains(csvHead, h) {
			t.Errorf("no column %q in %v", h, csvHead)
		}
	}
	for name, rows := range map[string][]exportedRow{"csv": csvRows, "xlsx": xlsxRows} {
		if len(rows) != len(table.Rows) {
			t.Fatalf("%s: %d rows, want %d", name, len(rows), len(table.Rows))
		}
		base, roof := rows[0], rows[1]
		if base["Baseline"] != "true" && base["Baseline"] != "1" { // XLSX booleans are 1/0
			t.Errorf("%s: the first row is not the baseline: %v", name, base)
		}
		if base["Roof construction"] != "existing (unchanged)" || roof["Roof construction"] != "Concrete flat roof + 120 mm PIR (warm roof, new membrane)" {
			t.Errorf("%s: roof constructions %q / %q", name, base["Roof construction"], roof["Roof construction"])
		}
		for i, want := range table.Rows {
			got := rows[i]
			if got["Variant id"] != want.Key || got["Run"] != strconv.FormatInt(want.RunID, 10) {
				t.Errorf("%s row %d: variant %q run %q, want %q %d", name, i, got["Variant id"], got["Run"], want.Key, want.RunID)
			}
			checkNumber(t, name+" annual energy", got["Annual energy [kWh]"], want.Results.TotalSiteKWh)
			checkNumber(t, name+" embodied", got["Embodied carbon [kg CO2e]"], want.LCA.EmbodiedKgCO2e.Value)
		}
		checkNumber(t, name+" roof area", roof["Roof area changed [m²]"], table.Rows[1].Areas["roof"])
		if base["Roof area changed [m²]"] != "" {
			t.Errorf("%s: the baseline changes no roof, got area %q", name, base["Roof area changed [m²]"])
		}
		// No material cost can be cited by default: costs are empty, not 0, and the note says what is missing.
		if lcc := table.Rows[1].LCA.LifeCycleCost; lcc.Complete {
			t.Fatalf("expected an incomplete life-cycle cost by default: %+v", lcc)
		}
		if v := roof[lccHeader]; v != "" {
			t.Errorf("%s: incomplete life-cycle cost exported as %q", name, v)
		}
		if !strings.Contains(roof["Note"], "missing:") || !strings.Contains(roof["Note"], "cost of pir_32_foil") {
			t.Errorf("%s: note %q does not say which cost is missing", name, roof["Note"])
		}
	}
}

func checkNumber(t *testing.T, what, got string, want float64) {
	t.Helper()
	v, err := strconv.ParseFloat(got, 64)
	if err != nil || math.Abs(v-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %q, want %v", what, got, want)
	}
}

func TestStudyExportRefusesAnUnknownFormat(t *testing.T) {
	c := openCore(t, filepath.Join(tempdir.New(t), "data"), nil, nil)
	defer c.Close()
	err := c.Studies.ExportResults(1, filepath.Join(tempdir.New(t), "table.ods"), "")
	if err == nil || !strings.Contains(err.Error(), "table.ods") || !strings.Contains(err.Error(), ".xlsx") {
		t.Errorf("err = %v: want the file named and the formats offered", err)
	}
}

// A study sheet built from a table by hand: failed runs and a missing baseline give empty
// cells with a note, never zeros.
func TestStudySheetGapsHaveNotes(t *testing.T) {
	res := &sim.Results{TotalSiteKWh: 1000, EUIKWhPerM2: 10}
	tab := studysvc.StudyTable{Settings: lca.DefaultSettings(), Rows: []studysvc.VariantResult{
		{Key: "v2", Name: "wall", Choices: map[string]string{"wall": "w1"}, Status: sim.StatusFatal, Message: "** Fatal ** bad layer"},
		{Key: "v1", Name: "Baseline", Baseline: true, Choices: map[string]string{}, Status: sim.StatusSucceeded, Results: res},
	}}
	s := studysvc.StudySheet(tab, func(id string) string { return "Wall " + id })
	if len(s.Rows) != 2 || s.Rows[0][0] != "v1" {
		t.Fatalf("the baseline must come first: %v", s.Rows)
	}
	col := func(h string) int {
		for i, c := range s.Columns {
			if c.Header == h {
				return i
			}
		}
		t.Fatalf("no column %q", h)
		return -1
	}
	failed := s.Rows[1]
	if failed[col("Wall construction")] != "Wall w1" || failed[col("Annual energy [kWh]")] != nil {
		t.Errorf("failed row: %v", failed)
	}
	if note := failed[col("Note")].(string); !strings.Contains(note, "fatal") || !strings.Contains(note, "bad layer") {
		t.Errorf("note %q does not say the run failed and why", note)
	}
	base := s.Rows[0]
	if base[col("Annual energy [kWh]")] != 1000.0 || base[col("Embodied carbon [kg CO2e]")] != nil {
		t.Errorf("baseline without LCA: %v", base)
	}
	if note := base[col("Note")].(string); !strings.Contains(note, "baseline") {
		t.Errorf("note %q", note)
	}
	for _, r := range s.Rows {
		if len(r) != len(s.Columns) {
			t.Errorf("row has %d cells for %d columns", len(r), len(s.Columns))
		}
	}
}
