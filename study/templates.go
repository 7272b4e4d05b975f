package study

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"epsm/idf"
)

// Template is a ready-made measure for a common renovation step: it knows which objects of a
// model to edit (or to add) for a value, so a user picks values, not IDD fields.
type Template struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description"` // what it edits, in a sentence or two
	Values      []TemplateValue `json:"values"`      // what each value of an option is
	Per         string          `json:"per"`         // the quantity its costs are per by default
	Suggested   []Option        `json:"suggested"`   // options the builder offers to start from

	// applies says why the template does not fit a model (nil when it does).
	applies func(b *Base) error
	// apply edits the model for one option's values.
	apply func(b *Base, values []string) (Change, error)
}

// TemplateValue describes one value of a template's options.
type TemplateValue struct {
	Name string   `json:"name"`
	Unit string   `json:"unit"`
	Min  *float64 `json:"min,omitempty"`
	Max  *float64 `json:"max,omitempty"`
}

// ErrTemplateDoesNotApply is wrapped when a model has none of the objects a template edits.
var ErrTemplateDoesNotApply = errors.New("the template does not apply to this model")

// Templates are the ready-made measures, in the order the builder offers them.
func Templates() []Template {
	ts := []Template{
		heatRecoveryTemplate(),
		infiltrationACHTemplate(),
		infiltrationPerAreaTemplate(),
		heatingSetpointTemplate(),
		coolingSetpointTemplate(),
		heatPumpCOPTemplate(),
		fanEfficiencyTemplate(),
		roofPVTemplate(),
	}
	for i := range ts {
		ts[i].apply = checkWidth(ts[i])
	}
	return ts
}

// checkWidth guards a template's apply against an option with the wrong number of values, so
// that no template indexes past them.
func checkWidth(t Template) func(*Base, []string) (Change, error) {
	apply := t.apply
	return func(b *Base, values []string) (Change, error) {
		if len(values) != len(t.Values) {
			return Change{}, fmt.Errorf("template %s takes %d value(s) (%s), got %d", t.ID, len(t.Values), t.valueNames(), len(values))
		}
		return apply(b, values)
	}
}

func (t Template) valueNames() string {
	var names []string
	for _, v := range t.Values {
		names = append(names, v.Name)
	}
	return strings.Join(names, ", ")
}

// TemplateIDs are the templates' ids.
func TemplateIDs() []string {
	var out []string
	for _, t := range Templates() {
		out = append(out, t.ID)
	}
	return out
}

func templateByID(id string) (Template, bool) {
	if id == "" {
		return Template{}, false
	}
	for _, t := range Templates() {
		if strings.EqualFold(t.ID, id) {
			return t, true
		}
	}
	return Template{}, false
}

// TemplateFit is a template with whether it applies to one model, and why not.
type TemplateFit struct {
	Template
	Applies bool   `json:"applies"`
	Reason  string `json:"reason,omitempty"`
}

// TemplateFits says, for each template, whether it applies to the model.
func (b *Base) TemplateFits() []TemplateFit {
	var out []TemplateFit
	for _, t := range Templates() {
		f := TemplateFit{Template: t, Applies: true}
		if err := t.applies(b); err != nil {
			f.Applies, f.Reason = false, err.Error()
		}
		out = append(out, f)
	}
	return out
}

func ptrFloat(v float64) *float64 { return &v }

// options are single-value options, as a template suggests them.
func options(values ...string) []Option {
	var out []Option
	for _, v := range values {
		out = append(out, Option{Values: []string{v}})
	}
	return out
}

// number reads a template value that no IDD field bounds (a setpoint, a capacity): a finite
// number within the value's Min and Max.
func (v TemplateValue) number(text string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%s: %q is not a number", v.Name, text)
	}
	if (v.Min != nil && x < *v.Min) || (v.Max != nil && x > *v.Max) {
		return 0, fmt.Errorf("%s: %s %s is outside %s", v.Name, text, v.Unit, v.span())
	}
	return x, nil
}

func (v TemplateValue) span() string {
	format := func(p *float64) string { return strconv.FormatFloat(*p, 'f', -1, 64) }
	switch {
	case v.Min != nil && v.Max != nil:
		return fmt.Sprintf("%s..%s %s", format(v.Min), format(v.Max), v.Unit)
	case v.Min != nil:
		return fmt.Sprintf(">= %s %s", format(v.Min), v.Unit)
	case v.Max != nil:
		return fmt.Sprintf("<= %s %s", format(v.Max), v.Unit)
	}
	return "any value"
}

// classField is one field of every object of a class, as a template edits it.
type classField struct{ class, field string }

// setFields sets each class's field to value on all the class's objects in the model, and
// returns how many objects it edited; classes the model lacks are skipped.
func (b *Base) setFields(c *Change, targets []classField, value string) (int, error) {
	edited := map[int]bool{}
	for _, t := range targets {
		objects := b.objectsOf(t.class)
		if len(objects) == 0 {
			continue
		}
		if err := b.setAll(c, t.class, t.field, value, objects); err != nil {
			return 0, err
		}
		for _, o := range objects {
			edited[o] = true
		}
	}
	return len(edited), nil
}

// countOf is how many objects of the classes the model has.
func (b *Base) countOf(classes ...string) int {
	n := 0
	for _, c := range classes {
		n += len(b.objectsOf(c))
	}
	return n
}

// lacks is the "does not apply" error naming the classes the template looks for.
func lacks(classes ...string) error {
	switch len(classes) {
	case 1:
		return fmt.Errorf("%w: it has no %s", ErrTemplateDoesNotApply, classes[0])
	case 2:
		return fmt.Errorf("%w: it has no %s and no %s", ErrTemplateDoesNotApply, classes[0], classes[1])
	}
	return fmt.Errorf("%w: it has none of %s", ErrTemplateDoesNotApply, strings.Join(classes, ", "))
}

// classesOf are the classes a template's targets name, once each, in order.
func classesOf(targets []classField) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range targets {
		if !seen[t.class] {
			seen[t.class] = true
			out = append(out, t.class)
		}
	}
	return out
}

// nameTaken says whether an object the template would add clashes with one of the model's:
// EnergyPlus names are unique per class (and for schedules across the Schedule classes).
func (b *Base) nameTaken(classPrefix, name string) bool {
	for _, o := range b.File.Objects {
		if strings.HasPrefix(strings.ToLower(o.Class), strings.ToLower(classPrefix)) && strings.EqualFold(strings.TrimSpace(o.Field(0)), name) {
			return true
		}
	}
	return false
}

// setAll edits one field of every object of a class to value, checked against the IDD.
func (b *Base) setAll(c *Change, class, field, value string, objects []int) error {
	i, check, err := b.fieldIndex(class, field)
	if err != nil {
		return err
	}
	if err := check(value); err != nil {
		return err
	}
	for _, o := range objects {
		c.Edits = append(c.Edits, idf.FieldEdit{Object: o, Field: i, Value: value})
	}
	return nil
}

// heatRecoveryTemplate sets the sensible heat-recovery effectiveness of the model's ventilation:
// ideal loads air systems get sensible heat recovery at that effectiveness, and air-to-air heat
// exchangers their sensible effectiveness at 100 % and 75 % heating and cooling air flow.
func heatRecoveryTemplate() Template {
	const idealLoads = "ZoneHVAC:IdealLoadsAirSystem"
	const exchanger = "HeatExchanger:AirToAir:SensibleAndLatent"
	exchangerFields := []string{
		"Sensible Effectiveness at 100% Heating Air Flow",
		"Sensible Effectiveness at 100% Cooling Air Flow",
	}
	return Template{
		ID:   "heat-recovery",
		Name: "Ventilation heat recovery",
		Description: "Sets the sensible heat-recovery effectiveness: ideal loads air systems get sensible heat recovery " +
			"at that effectiveness; air-to-air heat exchangers get it at 100 % heating and cooling air flow.",
		Values:    []TemplateValue{{Name: "Sensible effectiveness", Unit: "-", Min: ptrFloat(0), Max: ptrFloat(1)}},
		Per:       PerUnit,
		Suggested: []Option{{Values: []string{"0.7"}}, {Values: []string{"0.8"}}, {Values: []string{"0.85"}}},
		applies: func(b *Base) error {
			if len(b.objectsOf(idealLoads))+len(b.objectsOf(exchanger)) == 0 {
				return lacks(idealLoads, exchanger)
			}
			return nil
		},
		apply: func(b *Base, values []string) (Change, error) {
			var c Change
			if ideal := b.objectsOf(idealLoads); len(ideal) > 0 {
				if err := b.setAll(&c, idealLoads, "Heat Recovery Type", "Sensible", ideal); err != nil {
					return Change{}, err
				}
				if err := b.setAll(&c, idealLoads, "Sensible Heat Recovery Effectiveness", values[0], ideal); err != nil {
					return Change{}, err
				}
				c.Units += len(ideal)
			}
			if hx := b.objectsOf(exchanger); len(hx) > 0 {
				for _, f := range exchangerFields {
					if err := b.setAll(&c, exchanger, f, values[0], hx); err != nil {
						return Change{}, err
					}
				}
				c.Units += len(hx)
			}
			return c, nil
		},
	}
}
