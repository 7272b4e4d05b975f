package idd

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Check tells whether value fits the field, as EnergyPlus would read it from an IDF: a numeric
// field takes a number within its bounds, or Autosize or Autocalculate where the IDD allows
// them; a choice field takes one of its keys; letter case does not matter. A blank value fits
// only a field that is not required. The error names the field, the value and what is allowed.
func (f Field) Check(value string) error {
	v := strings.TrimSpace(value)
	if strings.ContainsAny(v, ",;!\r\n") {
		return fmt.Errorf("%q cannot hold %q: a comma, semicolon, ! or line break would end the field in the IDF", f.Name, v)
	}
	if v == "" {
		if f.Required {
			return fmt.Errorf("%q is required: it cannot be blank", f.Name)
		}
		return nil
	}
	if f.Numeric {
		return f.checkNumber(v)
	}
	if len(f.Keys) == 0 {
		return nil
	}
	for _, k := range f.Keys {
		if strings.EqualFold(v, k) {
			return nil
		}
	}
	return fmt.Errorf("%q must be one of %s, not %q", f.Name, strings.Join(f.Keys, ", "), v)
}

func (f Field) checkNumber(v string) error {
	if f.Autosizable && strings.EqualFold(v, "Autosize") || f.Autocalculatable && strings.EqualFold(v, "Autocalculate") {
		return nil
	}
	x, ok := parseNumber(v)
	if !ok || f.Type == TypeInteger && x != math.Trunc(x) {
		return fmt.Errorf("%q must be %s, not %q", f.Name, f.numberWords(), v)
	}
	if f.Min != nil && (x < f.Min.Value || f.Min.Exclusive && x == f.Min.Value) ||
		f.Max != nil && (x > f.Max.Value || f.Max.Exclusive && x == f.Max.Value) {
		return fmt.Errorf("%q must be %s, not %s", f.Name, f.rangeWords(), v)
	}
	if len(f.Keys) == 0 {
		return nil
	}
	for _, k := range f.Keys { // numeric choices (WindowMaterial:Screen's angle of resolution: 0, 1, 2, 3, 5)
		if y, ok := parseNumber(k); ok && x == y {
			return nil
		}
	}
	return fmt.Errorf("%q must be one of %s, not %s", f.Name, strings.Join(f.Keys, ", "), v)
}

// parseNumber reads a number as an IDF writes one ("12", "-.5", "1.0E+05"), refusing what Go
// reads and EnergyPlus does not (Inf, NaN, hexadecimal, underscores).
func parseNumber(v string) (float64, bool) {
	for i := range len(v) {
		if c := v[i]; !isDigit(c) && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-' {
			return 0, false
		}
	}
	x, err := strconv.ParseFloat(v, 64)
	return x, err == nil
}

// numberWords says what kind of value the field takes: "a number or Autosize".
func (f Field) numberWords() string {
	w := "a number"
	if f.Type == TypeInteger {
		w = "a whole number"
	}
	if f.Autosizable {
		w += " or Autosize"
	}
	if f.Autocalculatable {
		w += " or Autocalculate"
	}
	return w
}

// rangeWords says the field's bounds: "between 0 and 1", "more than 0 and at most 1".
func (f Field) rangeWords() string {
	if f.Min != nil && f.Max != nil && !f.Min.Exclusive && !f.Max.Exclusive {
		return "between " + formatNumber(f.Min.Value) + " and " + formatNumber(f.Max.Value)
	}
	var parts []string
	if f.Min != nil {
		parts = append(parts, bound(f.Min, "at least ", "more than "))
	}
	if f.Max != nil {
		parts = append(parts, bound(f.Max, "at most ", "less than "))
	}
	return strings.Join(parts, " and ")
}

func bound(b *Bound, inclusive, exclusive string) string {
	if b.Exclusive {
		return exclusive + formatNumber(b.Value)
	}
	return inclusive + formatNumber(b.Value)
}

func formatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
