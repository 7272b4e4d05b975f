package lca

import (
	"math"
	"slices"
)

// Amount is a figure that may depend on inputs nobody has filled in yet. When Complete is false,
// Value holds only what the known parts add up to and Missing names what is lacking, so the UI can
// ask for it instead of showing a partial sum as if it were the total.
//
// The zero Amount is incomplete on purpose: an input that was never set is missing, not zero.
type Amount struct {
	Value    float64  `json:"value"`
	Complete bool     `json:"complete"`
	Missing  []string `json:"missing,omitempty"`
	// Assumed names the values taken from a published range rather than a single figure (a
	// study's cost-range choice), so a total built on one says so wherever it is shown.
	Assumed []string `json:"assumed,omitempty"`
}

// Known is a complete Amount.
func Known(v float64) Amount { return Amount{Value: v, Complete: true} }

// Unknown is an incomplete Amount with value 0 that names what is missing.
func Unknown(missing ...string) Amount {
	return Amount{Missing: mergeMissing(nil, missing)}
}

// Add sums two Amounts; the result is complete only if both are.
func (a Amount) Add(b Amount) Amount { return combine(a.Value+b.Value, a, b) }

// Sub is a - b with the same completeness rule as Add.
func (a Amount) Sub(b Amount) Amount { return combine(a.Value-b.Value, a, b) }

// Mul multiplies two Amounts, for a rate times a quantity that may itself be unknown.
func (a Amount) Mul(b Amount) Amount { return combine(a.Value*b.Value, a, b) }

// OutOfRange names the gap left by a figure that overflowed float64: JSON cannot carry the Inf,
// and a wrong finite number would be worse than an honest gap.
const OutOfRange = "a figure too large to represent"

func combine(v float64, a, b Amount) Amount {
	out := Amount{Value: v, Complete: a.Complete && b.Complete, Missing: mergeMissing(a.Missing, b.Missing),
		Assumed: mergeMissing(a.Assumed, b.Assumed)}
	if !isFinite(v) {
		return Amount{Missing: mergeMissing(out.Missing, []string{OutOfRange}), Assumed: out.Assumed}
	}
	return out
}

// checked makes a (possibly foreign) Amount safe to compute with and to marshal: a NaN or Inf
// value becomes missing, and an incomplete Amount that names nothing gets `what` as its name,
// so the user is never told "incomplete" without being told what to fill in.
func checked(a Amount, what string) Amount {
	if !isFinite(a.Value) {
		return Unknown(what + " is not a finite number")
	}
	a.Missing = mergeMissing(nil, a.Missing)
	if len(a.Missing) > 0 {
		a.Complete = false
	}
	if !a.Complete && len(a.Missing) == 0 {
		a.Missing = []string{what}
	}
	return a
}

// mergeMissing returns the sorted union of two name lists; sorted so that results and their JSON
// are the same whatever order inputs were visited in.
func mergeMissing(a, b []string) []string {
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	out := make([]string, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
