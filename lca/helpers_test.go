package lca

import (
	"math"
	"slices"
	"testing"
)

// near compares with a relative tolerance: the hand calculations in the tests are rounded.
func near(got, want, relTol float64) bool {
	if want == 0 {
		return math.Abs(got) <= relTol
	}
	return math.Abs(got-want) <= relTol*math.Abs(want)
}

func assertAmount(t *testing.T, what string, got Amount, want float64, complete bool, missing ...string) {
	t.Helper()
	if got.Complete != complete {
		t.Errorf("%s: complete = %v, want %v (missing %q)", what, got.Complete, complete, got.Missing)
	}
	if !slices.Equal(got.Missing, mergeMissing(nil, missing)) {
		t.Errorf("%s: missing = %q, want %q", what, got.Missing, missing)
	}
	if !near(got.Value, want, 1e-9) {
		t.Errorf("%s: value = %.10g, want %.10g", what, got.Value, want)
	}
}

func f64(v float64) *float64 { return &v }
