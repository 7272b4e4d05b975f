// Package sheet writes tables of typed cells as CSV and as XLSX workbooks. It knows nothing
// about studies or the desktop shell: the app decides the columns, this package only makes
// sure a number stays a number in a spreadsheet and an empty cell stays empty (never 0).
package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Column is a header with how its numbers are shown in a spreadsheet.
type Column struct {
	Header string
	// Format is an Excel number format for numeric cells ("0.00", "#,##0"); "" leaves
	// the spreadsheet's default.
	Format string
	// Width in characters; 0 picks one from the header.
	Width float64
}

// Table is one sheet: columns and rows of cells. A cell is nil (empty), string, bool,
// int, int64 or float64; a NaN or infinite float64 is written empty, because a spreadsheet
// cannot hold it and a wrong number would be worse than a gap.
type Table struct {
	Name    string // the worksheet's name (at most 31 characters; Excel's limit)
	Columns []Column
	Rows    [][]any
}

// WriteCSV writes t as RFC 4180 CSV with a header row. Numbers use '.' and as many digits as
// they need to round-trip, so a re-read value equals the written one.
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Header
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, row := range t.Rows {
		rec := make([]string, len(t.Columns))
		for i := range rec {
			if i < len(row) {
				rec[i] = text(row[i])
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}

// WriteXLSX writes the tables as the sheets of one workbook, in order. Header rows are bold and
// frozen, numeric columns carry their number format, and each sheet has an autofilter so a
// reader can sort and filter at once.
func WriteXLSX(w io.Writer, tables ...Table) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for ti, t := range tables {
		name := t.Name
		if name == "" {
			name = fmt.Sprintf("Sheet%d", ti+1)
		}
		if ti == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return fmt.Errorf("sheet %q: %w", name, err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
		if err := writeSheet(f, name, t, bold); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

func writeSheet(f *excelize.File, name string, t Table, bold int) error {
	if len(t.Columns) == 0 {
		return nil
	}
	nrows := len(t.Rows) + 1
	for i, c := range t.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := c.Width
		if width == 0 {
			width = math.Min(math.Max(float64(len([]rune(c.Header)))*0.9, 10), 40)
		}
		if err := f.SetColWidth(name, col, col, width); err != nil {
			return err
		}
		if c.Format != "" && nrows > 1 {
			format := c.Format
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(name, col+"2", fmt.Sprintf("%s%d", col, nrows), style); err != nil {
				return err
			}
		}
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Header
	}
	if err := f.SetSheetRow(name, "A1", &head); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), 1)
	if err := f.SetCellStyle(name, "A1", last, bold); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for i := range t.Columns {
			if i >= len(row) || row[i] == nil {
				continue // an empty cell, not a zero
			}
			v := row[i]
			if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if err := f.SetCellValue(name, cell, v); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(len(t.Columns), nrows)
	return f.AutoFilter(name, "A1:"+end, nil)
}
