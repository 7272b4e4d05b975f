package eplusout

import (
	"reflect"
	"strings"
	"testing"
)

func TestMonthlySumsLeaveUncoveredMonthsMissing(t *testing.T) {
	s := MeterSeries{Month: []int{1, 1, 2, 12}, Values: []float64{1.5, 2, 0, 4}}
	got := MonthlySums(s)
	if len(got) != 12 {
		t.Fatalf("%d months, want 12", len(got))
	}
	want := map[int]float64{0: 3.5, 1: 0, 11: 4}
	for m, v := range got {
		w, covered := want[m]
		switch {
		case covered && (v == nil || *v != w):
			t.Errorf("month %d = %v, want %v", m+1, v, w)
		case !covered && v != nil:
			t.Errorf("month %d = %v, want nil (no hour in it)", m+1, *v)
		}
	}
}

func TestPeak(t *testing.T) {
	if p := Peak(MeterSeries{}); p != nil {
		t.Errorf("empty series: peak %v, want nil", *p)
	}
	if p := Peak(MeterSeries{Values: []float64{-1, 7.25, 3}}); p == nil || *p != 7.25 {
		t.Errorf("peak %v, want 7.25", p)
	}
}

func TestErrMessagesAreDistinctFirstLines(t *testing.T) {
	text := `Program Version,EnergyPlus, Version 25.2.0
   ** Warning ** GetSurfaceData: CAUTION -- Interzone surfaces are usually in different zones
   **   ~~~   ** Surface=A, Zone=Z1
   ** Warning ** GetSurfaceData: CAUTION -- Interzone surfaces are usually in different zones
   **   ~~~   ** Surface=B, Zone=Z2
   ** Severe  ** Node connection error
   ** Warning ** CheckUsedConstructions: There are 3 nominally unused constructions in input.
   **  Fatal  ** Errors found in input
   ************* EnergyPlus Terminated--Fatal Error Detected. 3 Warning; 1 Severe Errors; Elapsed Time=00hr 00min  0.20sec
`
	got, err := ErrMessages(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []ErrMessage{
		{Kind: KindWarning, Text: "GetSurfaceData: CAUTION -- Interzone surfaces are usually in different zones", Count: 2},
		{Kind: KindSevere, Text: "Node connection error", Count: 1},
		{Kind: KindWarning, Text: "CheckUsedConstructions: There are 3 nominally unused constructions in input.", Count: 1},
		{Kind: KindFatal, Text: "Errors found in input", Count: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
