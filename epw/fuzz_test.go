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

func FuzzParse(f *testing.F) {
	for _, file := range []string{golden, chicago} {
		lines := strings.SplitAfter(string(readTestFile(f, file)), "\n")
		f.Add([]byte(strings.Join(lines[:8], "")))   // header only
		f.Add([]byte(strings.Join(lines[:8+3], ""))) // header and three hours
	}
	// The bad and odd weather files of the hostile-input corpus (testdata/hostile).
	hostile, _ := filepath.Glob("../testdata/hostile/epw-*.epw")
	if len(hostile) < 8 {
		f.Fatalf("only %d hostile weather files found: the corpus moved?", len(hostile))
	}
	for _, p := range hostile {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 8192)])
	}
	for _, s := range []string{"", "LOCATION", "LOCATION,", "\xEF\xBB\xBFLOCATION,a,b,c,d,e,1,2,3,4\r\n", "LOCATION,G\xF6teborg,,SWE,,,57.7,12,1,10\r"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := Parse(bytes.NewReader(data))
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) || fe.Msg == "" {
				t.Fatalf("error %T %q is not a usable *FormatError", err, err)
			}
			return
		}
		l := h.Location
		if l.Latitude < -90 || l.Latitude > 90 || l.Longitude < -180 || l.Longitude > 180 || l.TimeZone < -12 || l.TimeZone > 14 || math.IsNaN(l.Elevation) {
			t.Fatalf("accepted location %+v", l)
		}
		if h.DataRows < 1 || h.DataPeriods < 1 || h.RecordsPerHour < 1 {
			t.Fatalf("accepted header %+v", h)
		}
		counted := 0
		for m, n := range h.MonthlyDryBulbCount {
			counted += n
			if mean := h.MonthlyMeanDryBulb[m]; math.IsNaN(mean) || (n == 0 && mean != 0) {
				t.Fatalf("month %d: mean %g over %d rows", m+1, mean, n)
			}
		}
		if counted > h.DataRows {
			t.Fatalf("%d rows counted in monthly means, %d rows in all", counted, h.DataRows)
		}
	})
}
