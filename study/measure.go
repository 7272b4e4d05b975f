package study

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Measure is a renovation step on any field of the model, beside the envelope elements: for
// every object of a class whose name matches, a field (named as the IDD names it) takes the
// option's value. Several fields can move together (a heat pump's heating and cooling COP):
// each option then holds one value per field, in the order of Fields. A template (see
// Templates) supplies the fields, and may add objects, for the common steps.
type Measure struct {
	// ID is the measure's short key in variant ids, list packages and the CLI: letters,
	// digits, '-' and '_', unique in the spec, and not an element name.
	ID       string     `json:"id"`
	Name     string     `json:"name,omitempty"`     // readable; defaults to the template's name or the field
	Template string     `json:"template,omitempty"` // a ready-made measure (Templates), instead of Fields
	Fields   []FieldRef `json:"fields,omitempty"`   // the fields that move together
	// The values to try: a list (Values), a numeric range with a step (Range), or a continuous
	// interval (Continuous) for sampling and optimisation. Exactly one is given.
	Values     []Option `json:"values,omitempty"`
	Range      *Range   `json:"range,omitempty"`
	Continuous *Bounds  `json:"continuous,omitempty"`
	// Keep says whether leaving the model as it is is one of the options (default true). A
	// continuous measure always sets a value in the variants that sample it.
	Keep *bool `json:"keep,omitempty"`
	// Per is the quantity the costs and carbon are counted per: PerFixed, PerUnit, PerM2 or
	// PerKW (see the constants). Default: the template's, else per unit.
	Per string `json:"per,omitempty"`
	// Investment, GWP and service life per Per, for every option that does not give its own.
	// Missing stays missing (never zero): the variants' cost or carbon then say what is missing.
	Investment *float64 `json:"investment,omitempty"`
	GWP        *float64 `json:"gwpKgCO2e,omitempty"`
	LifeYears  *float64 `json:"lifeYears,omitempty"`
}

// FieldRef names one field of some objects: the objects of Class (any letter case) whose name
// is Name (exact, ignoring letter case), matches it as a regular expression when written
// /like this/, or any name when empty or "*"; Field is the IDD field name.
type FieldRef struct {
	Class string `json:"class"`
	Name  string `json:"name,omitempty"`
	Field string `json:"field"`
}

// Range is the list From, From+Step, ... up to To (To included when the steps land on it).
type Range struct {
	From float64 `json:"from"`
	To   float64 `json:"to"`
	Step float64 `json:"step"`
}

// Bounds is a continuous interval [Min, Max] for sampling and optimisation.
type Bounds struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// Option is one choice of a measure: one value per field, and optionally its own costs (per
// the measure's Per quantity). In JSON an option is a bare value (0.8 or "Sensible"), an array
// of values for fields that move together ([3.5, 3.0]), or an object
// {"values": [...], "label": ..., "investment": ..., "gwpKgCO2e": ..., "lifeYears": ...}
// ("value" is accepted for a single value).
type Option struct {
	Values     []string `json:"values"`
	Label      string   `json:"label,omitempty"`
	Investment *float64 `json:"investment,omitempty"`
	GWP        *float64 `json:"gwpKgCO2e,omitempty"`
	LifeYears  *float64 `json:"lifeYears,omitempty"`
}

// Quantities that a measure's costs are counted per.
const (
	PerFixed = "fixed" // once per variant
	PerUnit  = "unit"  // per object the measure changes or adds
	PerM2    = "m2"    // per m2 of the measure: the surfaces it changes, or the template's area
	PerKW    = "kW"    // per kW of capacity the measure installs (templates that know it, e.g. PV)
)

// UnmarshalJSON accepts a bare value, an array of values, or the object form.
func (o *Option) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case len(data) > 0 && data[0] == '{':
		type plain Option
		var obj struct {
			plain
			Value json.RawMessage `json:"value"`
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&obj); err != nil {
			return fmt.Errorf("measure option: %w", err)
		}
		*o = Option(obj.plain)
		if len(obj.Value) > 0 {
			if len(o.Values) > 0 {
				return fmt.Errorf("measure option: give value or values, not both")
			}
			vs, err := scalars(obj.Value)
			if err != nil {
				return err
			}
			o.Values = vs
		}
		return nil
	default:
		vs, err := scalars(data)
		if err != nil {
			return err
		}
		*o = Option{Values: vs}
		return nil
	}
}

// scalars reads a JSON number or string, or an array of them, as text.
func scalars(data []byte) ([]string, error) {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '[' {
		var raw []json.RawMessage
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, fmt.Errorf("measure option: %w", err)
		}
		var out []string
		for _, r := range raw {
			v, err := scalar(r)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	v, err := scalar(data)
	if err != nil {
		return nil, err
	}
	return []string{v}, nil
}

func scalar(data []byte) (string, error) {
	var n json.Number
	if err := json.Unmarshal(data, &n); err == nil {
		return n.String(), nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return "", fmt.Errorf("measure option: %s is not a number or a text", string(data))
	}
	return s, nil
}

var measureIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)

// Label is the measure's readable name: its own, the template's, or its first field's.
func (m Measure) Label() string {
	if m.Name != "" {
		return m.Name
	}
	if t, ok := templateByID(m.Template); ok {
		return t.Name
	}
	if len(m.Fields) > 0 {
		return m.Fields[0].Field
	}
	return m.ID
}

func (m Measure) keeps() bool { return m.Continuous == nil && (m.Keep == nil || *m.Keep) }

// width is how many values each option holds: one per field, or the template's count.
func (m Measure) width() int {
	if t, ok := templateByID(m.Template); ok {
		return len(t.Values)
	}
	return len(m.Fields)
}

// validate checks the measure's shape; whether its objects and fields exist, and its values
// fit them, is checked against the model (Base.check).
func (m Measure) validate() error {
	where := fmt.Sprintf("study spec: measure %q", m.ID)
	if !measureIDPattern.MatchString(m.ID) {
		return fmt.Errorf("study spec: measure id %q: use 1 to 40 letters, digits, '-' or '_'", m.ID)
	}
	if isElement(m.ID) {
		return fmt.Errorf("%s: the id is an element name; pick another", where)
	}
	if m.Template != "" {
		if _, ok := templateByID(m.Template); !ok {
			return fmt.Errorf("%s: unknown template %q (use %s)", where, m.Template, strings.Join(TemplateIDs(), ", "))
		}
		if len(m.Fields) > 0 {
			return fmt.Errorf("%s: give a template or fields, not both", where)
		}
	} else {
		if len(m.Fields) == 0 {
			return fmt.Errorf("%s: name the fields it sets (fields: [{class, name, field}]) or a template", where)
		}
		for i, f := range m.Fields {
			if strings.TrimSpace(f.Class) == "" || strings.TrimSpace(f.Field) == "" {
				return fmt.Errorf("%s: fields[%d] needs a class and a field", where, i)
			}
			if _, err := namePattern(f.Name); err != nil {
				return fmt.Errorf("%s: fields[%d]: %w", where, i, err)
			}
		}
	}
	given := 0
	for _, b := range []bool{len(m.Values) > 0, m.Range != nil, m.Continuous != nil} {
		if b {
			given++
		}
	}
	if given != 1 {
		return fmt.Errorf("%s: give exactly one of values (a list), range {from, to, step} or continuous {min, max}", where)
	}
	w := m.width()
	for i, o := range m.Values {
		if len(o.Values) != w {
			return fmt.Errorf("%s: option %d has %d value(s); the measure sets %d field(s), one value each", where, i+1, len(o.Values), w)
		}
		for _, v := range o.Values {
			if strings.TrimSpace(v) == "" || strings.ContainsAny(v, ",;!\n\r") {
				return fmt.Errorf("%s: option %d: value %q is empty or holds an IDF separator (, ; !)", where, i+1, v)
			}
		}
	}
	if (m.Range != nil || m.Continuous != nil) && w != 1 {
		return fmt.Errorf("%s: a range or continuous interval needs a measure of one value; list the options of fields that move together", where)
	}
	if r := m.Range; r != nil {
		if !finite(r.From, r.To, r.Step) || r.Step <= 0 || r.To < r.From {
			return fmt.Errorf("%s: range needs from <= to and a step > 0 (got from %g, to %g, step %g)", where, r.From, r.To, r.Step)
		}
		if n := (r.To-r.From)/r.Step + 1; n > maxRangeValues {
			return fmt.Errorf("%s: range makes %.0f values; at most %d (use continuous for sampling)", where, math.Floor(n), maxRangeValues)
		}
	}
	if b := m.Continuous; b != nil && (!finite(b.Min, b.Max) || b.Max <= b.Min) {
		return fmt.Errorf("%s: continuous needs min < max (got %g, %g)", where, b.Min, b.Max)
	}
	switch m.Per {
	case "", PerFixed, PerUnit, PerM2, PerKW:
	default:
		return fmt.Errorf("%s: per %q: use %s, %s, %s or %s", where, m.Per, PerFixed, PerUnit, PerM2, PerKW)
	}
	for _, c := range m.costs() {
		for name, v := range map[string]*float64{"investment": c.Investment, "gwpKgCO2e": c.GWP} {
			if v != nil && !finite(*v) {
				return fmt.Errorf("%s: %s is not a number", where, name)
			}
		}
		if c.LifeYears != nil && !(finite(*c.LifeYears) && *c.LifeYears > 0) {
			return fmt.Errorf("%s: lifeYears must be > 0, not %g", where, *c.LifeYears)
		}
	}
	return nil
}

// maxRangeValues bounds a range's list: more values than this belong to a continuous measure.
const maxRangeValues = 1000

func (m Measure) costs() []Option {
	return append([]Option{{Investment: m.Investment, GWP: m.GWP, LifeYears: m.LifeYears}}, m.Values...)
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// namePattern compiles a FieldRef name: nil matches every name.
func namePattern(name string) (*regexp.Regexp, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "" || name == "*":
		return nil, nil
	case len(name) >= 2 && strings.HasPrefix(name, "/") && strings.HasSuffix(name, "/"):
		re, err := regexp.Compile("(?i)" + name[1:len(name)-1])
		if err != nil {
			return nil, fmt.Errorf("name %s is not a valid regular expression: %w", name, err)
		}
		return re, nil
	}
	return regexp.MustCompile("(?i)^" + regexp.QuoteMeta(name) + "$"), nil
}

// choices are the measure's discrete options as choice keys (the canonical values joined by
// ","), "keep" first when it is offered; nil for a continuous measure.
func (m Measure) choices() []string {
	var out []string
	if m.keeps() {
		out = append(out, Keep)
	}
	switch {
	case m.Range != nil:
		r := m.Range
		n := int(math.Floor((r.To-r.From)/r.Step+1e-9)) + 1
		for i := range n {
			out = append(out, canonicalValue(strconv.FormatFloat(r.From+float64(i)*r.Step, 'f', -1, 64)))
		}
	case len(m.Values) > 0:
		for _, o := range m.Values {
			out = append(out, choiceKey(o.Values))
		}
	default:
		return nil
	}
	return dedupe(out)
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// choiceKey is the canonical text of an option's values: numbers written the shortest exact
// way (so 0.80 and 0.8 are one variant), text trimmed.
func choiceKey(values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = canonicalValue(v)
	}
	return strings.Join(out, ",")
}

func canonicalValue(v string) string {
	v = strings.TrimSpace(v)
	if f, err := strconv.ParseFloat(v, 64); err == nil && finite(f) {
		// Twelve significant digits drop the noise of a range's sums (0.1+0.2) and nothing a
		// model needs.
		return strconv.FormatFloat(roundSignificant(f, 12), 'f', -1, 64)
	}
	return v
}

// continuousValue is a sampled point of [min, max], rounded to four significant digits: an
// input EnergyPlus resolves no finer, and repeated points then hit the cache.
func continuousValue(b *Bounds, u float64) string {
	v := b.Min + u*(b.Max-b.Min)
	return strconv.FormatFloat(roundSignificant(v, 4), 'f', -1, 64)
}

func roundSignificant(v float64, digits int) float64 {
	if v == 0 {
		return 0
	}
	scale := math.Pow(10, float64(digits)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*scale) / scale
}

// option finds the option a choice key names, for its costs and label.
func (m Measure) option(key string) (Option, bool) {
	for _, o := range m.Values {
		if choiceKey(o.Values) == key {
			return o, true
		}
	}
	return Option{}, false
}

// ChoiceLabel is how a variant's choice of the measure reads: the option's own label, else its
// values ("3.5 / 3"); "keep" as it is.
func (m Measure) ChoiceLabel(choice string) string {
	if o, ok := m.option(choice); ok && o.Label != "" {
		return o.Label
	}
	return strings.ReplaceAll(choice, ",", " / ")
}

// parseChoice reads a list package's value for the measure: "keep", or one of its options
// (for a continuous measure, a number within the bounds).
func (m Measure) parseChoice(text string) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" || strings.EqualFold(text, Keep) {
		return Keep, nil
	}
	if b := m.Continuous; b != nil {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || f < b.Min || f > b.Max {
			return "", fmt.Errorf("measure %q: %q is not a number within %g..%g", m.ID, text, b.Min, b.Max)
		}
		return canonicalValue(text), nil
	}
	key := choiceKey(strings.Split(text, ","))
	for _, c := range m.choices() {
		if c == key && c != Keep {
			return c, nil
		}
	}
	return "", fmt.Errorf("measure %q: %q is not one of its options (%s)", m.ID, text, strings.Join(m.choices(), " | "))
}

// measureIDs are the spec's measure ids in spec order.
func (s Spec) measureIDs() []string {
	out := make([]string, len(s.Measures))
	for i, m := range s.Measures {
		out[i] = m.ID
	}
	return out
}

// validateMeasures checks every measure and that the ids are unique.
func (s Spec) validateMeasures() error {
	seen := map[string]bool{}
	for _, m := range s.Measures {
		if err := m.validate(); err != nil {
			return err
		}
		if seen[strings.ToLower(m.ID)] {
			return fmt.Errorf("study spec: measure id %q is used twice", m.ID)
		}
		seen[strings.ToLower(m.ID)] = true
		if m.Continuous != nil && s.Method == nil && (s.Sampling.Mode == "" || s.Sampling.Mode == Factorial) {
			return fmt.Errorf("study spec: measure %q is continuous: a factorial needs a list or a range with a step (use sampling lhs or sobol, or an optimisation)", m.ID)
		}
	}
	return nil
}

// sortedKeys returns a map's keys in order.
func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
