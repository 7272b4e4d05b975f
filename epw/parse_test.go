package epw

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Facts read from the two TMY3 files (EnergyPlus 9.4 example weather, LF line endings).
func TestParseFileRealWeather(t *testing.T) {
	tests := []struct {
		file     string
		loc      Location
		comments string
		// Monthly means computed independently (Python over field 7 of all 8760 rows).
		jan, jul float64
	}{
		{
			file: golden,
			loc: Location{City: "Denver Centennial  Golden   Nr", State: "CO", Country: "USA", Source: "TMY3", WMO: "724666",
				Latitude: 39.74, Longitude: -105.18, TimeZone: -7, Elevation: 1829},
			comments: "Custom/User Format -- WMO#724666; NREL TMY Data Set (2008); Period of Record 1973-2005 (Generally)",
			jan:      1.1267, jul: 20.7914,
		},
		{
			file: chicago,
			loc: Location{City: "Chicago Ohare Intl Ap", State: "IL", Country: "USA", Source: "TMY3", WMO: "725300",
				Latitude: 41.98, Longitude: -87.92, TimeZone: -6, Elevation: 201},
			comments: "Custom/User Format -- WMO#725300; NREL TMY Data Set (2008); Period of Record 1973-2005 (Generally)",
			jan:      -4.6465, jul: 24.1348,
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			h, err := ParseFile(testFile(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if h.Location != tt.loc {
				t.Errorf("location = %+v\nwant       %+v", h.Location, tt.loc)
			}
			if h.DataPeriods != 1 || h.RecordsPerHour != 1 || h.StartDayOfWeek != "Sunday" || h.PeriodStart != "1/1" || h.PeriodEnd != "12/31" {
				t.Errorf("data periods = %d x %d/h, %s %s-%s", h.DataPeriods, h.RecordsPerHour, h.StartDayOfWeek, h.PeriodStart, h.PeriodEnd)
			}
			if h.Comments1 != tt.comments {
				t.Errorf("Comments1 = %q", h.Comments1)
			}
			if want := "-- Ground temps produced with a standard soil diffusivity of 2.3225760E-03 {m**2/day}"; h.Comments2 != want {
				t.Errorf("Comments2 = %q", h.Comments2)
			}
			if h.DataRows != 8760 {
				t.Errorf("DataRows = %d, want 8760", h.DataRows)
			}
			wantCount := [12]int{744, 672, 744, 720, 744, 720, 744, 744, 720, 744, 720, 744}
			if h.MonthlyDryBulbCount != wantCount {
				t.Errorf("monthly counts = %v", h.MonthlyDryBulbCount)
			}
			if math.Abs(h.MonthlyMeanDryBulb[0]-tt.jan) > 1e-3 || math.Abs(h.MonthlyMeanDryBulb[6]-tt.jul) > 1e-3 {
				t.Errorf("Jan/Jul mean dry bulb = %.4f/%.4f, want %.4f/%.4f", h.MonthlyMeanDryBulb[0], h.MonthlyMeanDryBulb[6], tt.jan, tt.jul)
			}
		})
	}
}

// Variants of the real Golden file: same facts whatever the encoding details.
func TestParseTolerance(t *testing.T) {
	src := readTestFile(t, golden)
	tests := []struct {
		name string
		data []byte
		city string
	}{
		{"CRLF", bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")), "Denver Centennial  Golden   Nr"},
		{"lone CR", bytes.ReplaceAll(src, []byte("\n"), []byte("\r")), "Denver Centennial  Golden   Nr"},
		{"BOM", append([]byte("\xEF\xBB\xBF"), src...), "Denver Centennial  Golden   Nr"},
		{"Latin-1 city", bytes.Replace(src, []byte("Denver Centennial"), []byte("G\xF6teborg \xC5"), 1), "Göteborg Å  Golden   Nr"},
		{"UTF-8 city", bytes.Replace(src, []byte("Denver Centennial"), []byte("Göteborg"), 1), "Göteborg  Golden   Nr"},
		{"no final newline", bytes.TrimRight(src, "\n"), "Denver Centennial  Golden   Nr"},
		{"trailing blank lines", append(append([]byte{}, src...), "\n\n  \n"...), "Denver Centennial  Golden   Nr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Parse(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if h.Location.City != tt.city || h.DataRows != 8760 || h.Location.Elevation != 1829 {
				t.Errorf("city %q rows %d elevation %g", h.Location.City, h.DataRows, h.Location.Elevation)
			}
		})
	}
}

func TestParsePartialPeriodCountsRowsTruthfully(t *testing.T) {
	src := string(readTestFile(t, golden))
	lines := strings.SplitAfter(src, "\n")
	// Header + the first 48 hours, with a matching data period.
	head := strings.Replace(strings.Join(lines[:8], ""), "Sunday, 1/ 1,12/31", "Sunday, 1/ 1, 1/ 2", 1)
	h, err := Parse(strings.NewReader(head + strings.Join(lines[8:8+48], "")))
	if err != nil {
		t.Fatal(err)
	}
	if h.DataRows != 48 || h.PeriodEnd != "1/2" || h.MonthlyDryBulbCount[0] != 48 || h.MonthlyDryBulbCount[1] != 0 {
		t.Errorf("rows %d end %s counts %v", h.DataRows, h.PeriodEnd, h.MonthlyDryBulbCount)
	}
}

func TestParseBadInput(t *testing.T) {
	src := string(readTestFile(t, golden))
	lines := strings.SplitAfter(src, "\n")
	header := strings.Join(lines[:8], "")
	row := lines[8]
	replaceLine := func(i int, s string) string {
		l := append([]string{}, lines[:12]...)
		l[i] = s
		return strings.Join(l, "")
	}
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"empty", "", 0, "not an EPW weather file: the file is empty"},
		{"not an EPW", "Version,9.4;\nZone,A;\n", 0, "not an EPW weather file: first line does not start with LOCATION"},
		{"binary", "PK\x03\x04\x00\x00", 0, "not an EPW weather file"},
		{"header only", header, 0, "no weather data rows"},
		{"header cut short", strings.Join(lines[:5], ""), 6, "expected the COMMENTS 1 header line, but the file ends after 5 header lines"},
		{"headers out of order", lines[0] + lines[2] + lines[1] + strings.Join(lines[3:9], ""), 2, "expected the DESIGN CONDITIONS header line, found \"TYPICAL/EXTREME PERIODS\""},
		{"missing header", strings.Join(lines[:7], "") + row, 8, "expected the DATA PERIODS header line"},
		{"latitude not a number", replaceLine(0, "LOCATION,X,CO,USA,TMY3,1,north,-105.18,-7.0,1829.0\n"), 1, `LOCATION latitude "north" is not a number`},
		{"latitude NaN", replaceLine(0, "LOCATION,X,CO,USA,TMY3,1,NaN,-105.18,-7.0,1829.0\n"), 1, `LOCATION latitude "NaN" is not a number`},
		{"latitude out of range", replaceLine(0, "LOCATION,X,CO,USA,TMY3,1,95,-105.18,-7.0,1829.0\n"), 1, "LOCATION latitude 95 is outside -90..90"},
		{"longitude out of range", replaceLine(0, "LOCATION,X,CO,USA,TMY3,1,39,-185,-7.0,1829.0\n"), 1, "LOCATION longitude -185 is outside -180..180"},
		{"time zone out of range", replaceLine(0, "LOCATION,X,CO,USA,TMY3,1,39,-105,-13,1829.0\n"), 1, "LOCATION time zone -13 is outside -12..14"},
		{"elevation blank", replaceLine(0, "LOCATION,X,CO,USA,TMY3,1,39,-105,-7,\n"), 1, `LOCATION elevation "" is not a number`},
		{"location too short", replaceLine(0, "LOCATION,Golden,CO\n"), 1, "LOCATION has 3 fields, want 10"},
		{"records per hour", replaceLine(7, "DATA PERIODS,1,x,Data,Sunday, 1/ 1,12/31\n"), 8, `DATA PERIODS records per hour "x" is not a whole number`},
		{"periods not described", replaceLine(7, "DATA PERIODS,2,1,Data,Sunday, 1/ 1,12/31\n"), 8, "DATA PERIODS says 2 periods but describes 1"},
		{"truncated row", header + row + row[:40] + "\n", 10, "data row has"},
		{"truncated file mid-row", header + row + row[:60], 10, "want at least 35"},
		{"non-numeric month", replaceLine(9, strings.Replace(lines[9], "1999,1,", "1999,Jan,", 1)), 10, `data row month "Jan" is not a whole number`},
		{"hour out of range", replaceLine(8, strings.Replace(row, "1999,1,1,1,", "1999,1,1,25,", 1)), 9, "data row hour 25 is outside 1..24"},
		{"non-numeric dry bulb", replaceLine(8, strings.Replace(row, ",-3.0,", ",warm,", 1)), 9, `data row dry bulb temperature "warm" is not a number`},
		{"truncated year", header + strings.Join(lines[8:8+48], ""), 56, "the weather data ends here, at 1/2 hour 24, after 48 of the 8760 hourly rows that DATA PERIODS promises (1/1 to 12/31): the file is cut short"},
		{"IDF as weather", "! my model\nVersion,25.2;\n", 0, "this looks like an EnergyPlus model"},
		{"blank line inside data", header + row + "\n" + row, 10, "blank line inside the weather data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Parse(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error; header %+v", h.Location)
			}
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v is not a *FormatError", err, err)
			}
			if fe.Line != tt.line || !strings.Contains(fe.Msg, tt.msg) {
				t.Errorf("got line %d %q\nwant line %d containing %q", fe.Line, fe.Msg, tt.line, tt.msg)
			}
		})
	}
}

func TestParseFileErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.epw")
	if err := os.WriteFile(bad, []byte("Version,9.4;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{bad, "parse " + bad + ": not an EPW weather file: first line does not start with LOCATION"},
		{filepath.Join(dir, "missing.epw"), "read " + filepath.Join(dir, "missing.epw") + ":"},
	}
	for _, tt := range tests {
		if _, err := ParseFile(tt.path); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseFile(%s) = %v, want prefix %q", tt.path, err, tt.want)
		}
	}
}
