package study

import (
	"errors"
	"fmt"
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
	return []Template{
		heatRecoveryTemplate(),
	}
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
				return fmt.Errorf("%w: it has no %s and no %s", ErrTemplateDoesNotApply, idealLoads, exchanger)
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
