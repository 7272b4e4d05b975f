package takeoff

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"epsm/idf"
)

// GeometryError is an object whose geometry cannot be read. It names the object and its line
// so the user can find it in the file.
type GeometryError struct {
	Class   string
	Name    string
	Line    int
	Problem string
}

func (e *GeometryError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("%s at line %d: %s", e.Class, e.Line, e.Problem)
	}
	return fmt.Sprintf("%s %q (line %d): %s", e.Class, e.Name, e.Line, e.Problem)
}

func geomErr(o idf.Object, format string, args ...any) *GeometryError {
	return &GeometryError{Class: o.Class, Name: o.Field(0), Line: o.Line, Problem: fmt.Sprintf(format, args...)}
}

// parseNumber reads a numeric IDF field. Go's ParseFloat also accepts hex floats, NaN and
// Inf, which EnergyPlus does not: they would only ever come from a corrupted file.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "xXnN_") || strings.Contains(strings.ToLower(s), "inf") {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// number reads field i of o; blank gives def, as EnergyPlus applies the IDD default.
func number(o idf.Object, i int, what string, def float64) (float64, error) {
	s := o.Field(i)
	if s == "" {
		return def, nil
	}
	v, ok := parseNumber(s)
	if !ok {
		return 0, geomErr(o, "%s %q is not a number", what, s)
	}
	return v, nil
}

// multiplier reads an integer multiplier field (blank: 1). EnergyPlus truncates non-integer
// values and rejects values below 1.
func multiplier(o idf.Object, i int, what string) (int, error) {
	v, err := number(o, i, what, 1)
	if err != nil {
		return 0, err
	}
	if v < 1 || v > 1e6 {
		return 0, geomErr(o, "%s %s must be at least 1", what, o.Field(i))
	}
	return int(v), nil
}

// isAuto says whether a field asks EnergyPlus to calculate the value.
func isAuto(s string) bool {
	return s == "" || strings.EqualFold(s, "autocalculate")
}
