package study

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"epsm/idd"
	"epsm/idf"
	"epsm/takeoff"
)

// Base is a study's base model, parsed once for all its variants: its text, objects,
// take-off and the IDD its fields are named by.
type Base struct {
	Text    []byte
	File    *idf.File
	Takeoff *takeoff.Takeoff
	Schema  *idd.Schema
}

// NewBase parses a base model for measures and constructions.
func NewBase(text []byte) (*Base, error) {
	f, err := idf.Parse(text)
	if err != nil {
		return nil, err
	}
	tk, err := takeoff.Compute(f)
	if err != nil {
		return nil, fmt.Errorf("take-off: %w", err)
	}
	schema, err := idd.Embedded()
	if err != nil {
		return nil, err
	}
	return &Base{Text: text, File: f, Takeoff: tk, Schema: schema}, nil
}

// Change is what one measure option does to the base model.
type Change struct {
	Edits   []idf.FieldEdit
	Objects []string // IDF text of the objects it adds
	// Units is how many objects it changes or adds; AreaM2 and KW are the measure's area and
	// installed capacity when it has one (nil otherwise), the quantities costs can be per.
	Units  int
	AreaM2 *float64
	KW     *float64
}

// target is one resolved FieldRef: the objects (indices into File.Objects) and the field.
type target struct {
	ref     FieldRef
	objects []int
	field   int
	check   func(string) error
}

// resolve finds the objects and the field a FieldRef names, with errors that say what the
// model has instead.
func (b *Base) resolve(ref FieldRef) (target, error) {
	class, ok := b.Schema.Class(ref.Class)
	if !ok {
		msg := fmt.Sprintf("EnergyPlus %s has no class %q", b.Schema.Version(), ref.Class)
		if s := b.Schema.Suggest(ref.Class); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, " or ") + "?"
		}
		return target{}, fmt.Errorf("%s", msg)
	}
	index, field, ok := class.Field(ref.Field)
	if !ok {
		msg := fmt.Sprintf("%s has no field %q", class.Name, ref.Field)
		if s := class.Suggest(ref.Field); len(s) > 0 {
			msg += "; did you mean " + strings.Join(quoted(s), " or ") + "?"
		}
		return target{}, fmt.Errorf("%s", msg)
	}
	pattern, err := namePattern(ref.Name)
	if err != nil {
		return target{}, err
	}
	t := target{ref: ref, field: index, check: field.Check}
	var names []string
	for i, o := range b.File.Objects {
		if !strings.EqualFold(o.Class, class.Name) {
			continue
		}
		names = append(names, o.Field(0))
		if pattern == nil || pattern.MatchString(o.Field(0)) {
			t.objects = append(t.objects, i)
		}
	}
	switch {
	case len(names) == 0:
		return target{}, fmt.Errorf("the model has no %s objects", class.Name)
	case len(t.objects) == 0:
		return target{}, fmt.Errorf("no %s is named %s (the model has %s)", class.Name, ref.Name, listSome(names, 5))
	}
	return t, nil
}

func quoted(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

func listSome(names []string, n int) string {
	q := quoted(names)
	if len(q) > n {
		return strings.Join(q[:n], ", ") + fmt.Sprintf(" and %d more", len(q)-n)
	}
	return strings.Join(q, ", ")
}

// Check says whether a measure can be applied to the model: its objects and fields exist and
// every value it can take fits the field. The error names the measure.
func (b *Base) Check(m Measure) error {
	where := fmt.Sprintf("measure %q", m.ID)
	if t, ok := templateByID(m.Template); ok {
		if err := t.applies(b); err != nil {
			return fmt.Errorf("%s (%s): %w", where, t.Name, err)
		}
		for _, key := range m.checkValues() {
			if _, err := t.apply(b, strings.Split(key, ",")); err != nil {
				return fmt.Errorf("%s (%s): %w", where, t.Name, err)
			}
		}
		return nil
	}
	for i, ref := range m.Fields {
		t, err := b.resolve(ref)
		if err != nil {
			return fmt.Errorf("%s, fields[%d]: %w", where, i, err)
		}
		for _, key := range m.checkValues() {
			v := strings.Split(key, ",")[i]
			if err := t.check(v); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
		}
	}
	return nil
}

// checkValues are the values to try a measure with before a study starts: every option, or
// the ends of a continuous interval.
func (m Measure) checkValues() []string {
	if b := m.Continuous; b != nil {
		return []string{canonicalValue(strconv.FormatFloat(b.Min, 'f', -1, 64)), canonicalValue(strconv.FormatFloat(b.Max, 'f', -1, 64))}
	}
	var out []string
	for _, c := range m.choices() {
		if c != Keep {
			out = append(out, c)
		}
	}
	return out
}

// Apply returns what a measure's option (its values, one per field) does to the model.
func (b *Base) Apply(m Measure, values []string) (Change, error) {
	if t, ok := templateByID(m.Template); ok {
		return t.apply(b, values)
	}
	if len(values) != len(m.Fields) {
		return Change{}, fmt.Errorf("measure %q: %d values for %d fields", m.ID, len(values), len(m.Fields))
	}
	var c Change
	edited := map[int]bool{}
	area, surfaces := 0.0, true
	for i, ref := range m.Fields {
		t, err := b.resolve(ref)
		if err != nil {
			return Change{}, fmt.Errorf("measure %q, fields[%d]: %w", m.ID, i, err)
		}
		if err := t.check(values[i]); err != nil {
			return Change{}, fmt.Errorf("measure %q: %w", m.ID, err)
		}
		for _, o := range t.objects {
			c.Edits = append(c.Edits, idf.FieldEdit{Object: o, Field: t.field, Value: values[i]})
			if !edited[o] {
				edited[o] = true
				a, ok := b.surfaceArea(o)
				area += a
				surfaces = surfaces && ok
			}
		}
	}
	c.Units = len(edited)
	if surfaces {
		c.AreaM2 = &area
	}
	return c, nil
}

// surfaceArea is the net area of a heat-transfer surface object, multipliers applied; false
// when the object is not one.
func (b *Base) surfaceArea(object int) (float64, bool) {
	o := b.File.Objects[object]
	for _, s := range b.Takeoff.Surfaces {
		if strings.EqualFold(s.Class, o.Class) && strings.EqualFold(s.Name, o.Field(0)) {
			return s.NetAreaM2, true
		}
	}
	return 0, false
}

// objectsOf are the indices of a class's objects (any letter case), in file order.
func (b *Base) objectsOf(class string) []int {
	var out []int
	for i, o := range b.File.Objects {
		if strings.EqualFold(o.Class, class) {
			out = append(out, i)
		}
	}
	return out
}

// fieldIndex is the index of a class's field by IDD name; templates only name fields that
// exist, so a miss is a programming error reported as one.
func (b *Base) fieldIndex(class, field string) (int, func(string) error, error) {
	c, ok := b.Schema.Class(class)
	if !ok {
		return 0, nil, fmt.Errorf("EnergyPlus %s has no class %s", b.Schema.Version(), class)
	}
	i, f, ok := c.Field(field)
	if !ok {
		return 0, nil, fmt.Errorf("EnergyPlus %s: %s has no field %q", b.Schema.Version(), class, field)
	}
	return i, f.Check, nil
}

var unsafeObjectName = regexp.MustCompile(`[,;!]`)
