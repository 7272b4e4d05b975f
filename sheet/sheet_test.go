package sheet

import (
	"bytes"
	"encoding/csv"
	"math"
	"testing"

	"github.com/xuri/excelize/v2"
)

func sample() Table {
	return Table{
		Name:    "Results",
		Columns: []Column{{Header: "Variant"}, {Header: "Annual energy [kWh]", Format: "#,##0.0"}, {Header: "Pareto"}, {Header: "Run"}, {Header: "Note"}},
		Rows: [][]any{
			{"baseline, \"quoted\"", 22894.4321, true, int64(7), nil},
			{"wall", nil, false, 8, "embodied carbon: material x has no GWP"},
			{"bad", math.NaN(), nil, nil, "crashed"},
		},
	}
}

func TestCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Variant", "Annual energy [kWh]", "Pareto", "Run", "Note"},
		{"baseline, \"quoted\"", "22894.4321", "true", "7", ""},
		{"wall", "", "false", "8", "embodied carbon: material x has no GWP"},
		{"bad", "", "", "", "crashed"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i := range want {
		for j := range want[i] {
			if recs[i][j] != want[i][j] {
				t.Errorf("record %d col %d = %q, want %q", i, j, recs[i][j], want[i][j])
			}
		}
	}
}

func TestXLSXKeepsTypesAndGaps(t *testing.T) {
	var buf bytes.Buffer
	second := Table{Name: "Assumptions", Columns: []Column{{Header: "Setting"}, {Header: "Value"}}, Rows: [][]any{{"Currency", "SEK"}}}
	if err := WriteXLSX(&buf, sample(), second); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Results" || got[1] != "Assumptions" {
		t.Fatalf("sheets %v", got)
	}
	tests := []struct {
		cell string
		typ  excelize.CellType
		raw  string
	}{
		{"A1", excelize.CellTypeSharedString, "Variant"},
		// A number cell has no type attribute in the file (Unset), a text cell is a shared string.
		{"B2", excelize.CellTypeUnset, "22894.4321"},
		{"C2", excelize.CellTypeBool, "1"},
		{"D2", excelize.CellTypeUnset, "7"},
		{"B3", excelize.CellTypeUnset, ""}, // missing stays empty, never 0
		{"B4", excelize.CellTypeUnset, ""}, // NaN is a gap
		{"E3", excelize.CellTypeSharedString, "embodied carbon: material x has no GWP"},
	}
	for _, tt := range tests {
		typ, err := f.GetCellType("Results", tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue("Results", tt.cell, excelize.Options{RawCellValue: true})
		if typ != tt.typ || raw != tt.raw {
			t.Errorf("%s: type %v value %q, want %v %q", tt.cell, typ, raw, tt.typ, tt.raw)
		}
	}
	if shown, _ := f.GetCellValue("Results", "B2"); shown != "22,894.4" {
		t.Errorf("B2 shown as %q, want the column's format 22,894.4", shown)
	}
	if v, _ := f.GetCellValue("Assumptions", "B2"); v != "SEK" {
		t.Errorf("Assumptions B2 = %q", v)
	}
}
