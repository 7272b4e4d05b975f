package study

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/library"
)

// TestEveryExampleSpecFitsItsModel reads each spec in examples/studies as `epsm study` does and
// checks its measures against its model: an example a user copies must run.
func TestEveryExampleSpecFitsItsModel(t *testing.T) {
	specs, err := filepath.Glob("../examples/studies/*.json")
	if err != nil || len(specs) < 4 {
		t.Fatalf("example specs: %v (%v)", specs, err)
	}
	kinds := map[string]bool{}
	for _, path := range specs {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s, err := LoadSpec(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(); err != nil {
				t.Fatal(err)
			}
			if s.Count() < 1 {
				t.Fatalf("makes %d variants", s.Count())
			}
			src, err := os.ReadFile(s.Model)
			if err != nil {
				t.Fatal(err)
			}
			b, err := NewBase(src)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range s.Measures {
				if err := b.Check(m); err != nil {
					t.Error(err)
				}
			}
			if s.Method != nil {
				kinds[s.Method.Kind] = true
			}
		})
	}
	if !kinds[MethodNSGA2] || !kinds[MethodMorris] {
		t.Errorf("examples/studies needs an NSGA-II and a Morris example, has %v", kinds)
	}
}

// costRanges takes only the points the library knows how to take; a typo is refused before
// anything runs, naming what is allowed.
func TestSpecCostRangesIsOneOfTheKnownPoints(t *testing.T) {
	for _, ok := range []string{"", "low", "mid", "high"} {
		if err := (Spec{CostRanges: library.RangeUse(ok)}).Validate(); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	err := (Spec{CostRanges: "middle"}).Validate()
	if err == nil || !strings.Contains(err.Error(), `costRanges "middle" is not one of`) || !strings.Contains(err.Error(), `"mid"`) {
		t.Errorf("middle: %v", err)
	}
}
