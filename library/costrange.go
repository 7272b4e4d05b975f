package library

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// RangeUse says what to do with a material whose cost is published only as a range ("250-350"),
// as the only Swedish installed prices found for some measures are: leave it missing (the
// default, since a range is not a figure), or take its low end, midpoint or high end, which the
// total then names as an assumption. The low and high ends bracket the life-cycle cost.
type RangeUse string

const (
	RangeBlank RangeUse = ""
	RangeLow   RangeUse = "low"
	RangeMid   RangeUse = "mid"
	RangeHigh  RangeUse = "high"
)

// RangeUses are the valid values, for a spec's validation and the builder's choice.
var RangeUses = []RangeUse{RangeBlank, RangeLow, RangeMid, RangeHigh}

// Valid reports whether r is one of RangeUses.
func (r RangeUse) Valid() bool { return slices.Contains(RangeUses, r) }

// describes how a taken point is named: "the midpoint of".
func (r RangeUse) describes() string {
	switch r {
	case RangeLow:
		return "the low end of"
	case RangeHigh:
		return "the high end of"
	}
	return "the midpoint of"
}

// ParseCostRange reads a published "low-high" range (a hyphen or an en dash, spaces allowed).
func ParseCostRange(s string) (low, high float64, err error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "–", "-")
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("cost range %q is not low-high", s)
	}
	low, errLow := strconv.ParseFloat(strings.TrimSpace(a), 64)
	high, errHigh := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if errLow != nil || errHigh != nil || !(low >= 0) || !(high >= low) {
		return 0, 0, fmt.Errorf("cost range %q is not low-high with 0 <= low <= high", s)
	}
	return low, high, nil
}

// rangeCost is the point of m's published range that ranges asks for, and how a total built on
// it names it; nil when ranges is RangeBlank or m has no readable range (the cost stays missing).
func rangeCost(m Material, ranges RangeUse) (*float64, string) {
	if ranges == RangeBlank || m.CostRange == "" {
		return nil, ""
	}
	low, high, err := ParseCostRange(m.CostRange)
	if err != nil {
		return nil, ""
	}
	v := (low + high) / 2
	switch ranges {
	case RangeLow:
		v = low
	case RangeHigh:
		v = high
	}
	what := fmt.Sprintf("cost of %s: %s %s/m², %s its published range %s", m.label(),
		strconv.FormatFloat(v, 'f', -1, 64), m.Currency, ranges.describes(), m.CostRange)
	if m.CostBasis != "" {
		what += " (" + m.CostBasis + ")"
	}
	if m.CostSource != "" {
		what += "; " + m.CostSource
	}
	return &v, what
}
