package runner

import (
	"os"
	"strings"
	"testing"

	"epsm/idf"
)

// FuzzProgressLine feeds arbitrary lines to the progress tracker: it must never panic, never
// move backwards and never reach 100 before Finish(true).
func FuzzProgressLine(f *testing.F) {
	for _, p := range []string{"testdata/stdout-1zone-annual-25.2.txt", "testdata/stdout-epsm-test-25.2.txt"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			f.Add(line, line)
		}
	}
	f.Add("Starting Simulation at 13/45/99999 for X", "Continuing Simulation at 00/00/0000 for X")
	f.Add("Starting Simulation at  for ", "Continuing Simulation at 12/31/2013 for ")
	f.Fuzz(func(t *testing.T, a, b string) {
		tr := NewProgressTracker([]idf.Environment{{Name: "X", Days: 3}, {Name: "RUN PERIOD 1", Days: 365}})
		last := 0.0
		for _, line := range []string{a, b, a} {
			tr.Line(line)
			p := tr.Progress()
			if p.Percent < last || p.Percent >= 100 || p.Percent != p.Percent {
				t.Fatalf("percent %v after %v on %q", p.Percent, last, line)
			}
			last = p.Percent
		}
		if tr.Finish(true).Percent != 100 {
			t.Fatal("success is not 100")
		}
	})
}
