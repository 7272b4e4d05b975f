package study

import (
	"fmt"
	"strconv"
)

// Axis is one dimension a method searches: an element's constructions (resolved library ids,
// "keep" first when offered) or a measure's options; Continuous is set for a continuous
// measure, whose value the method picks within it.
type Axis struct {
	Key        string   `json:"key"` // element name or measure id
	Label      string   `json:"label"`
	Measure    bool     `json:"measure"`
	Options    []string `json:"options,omitempty"`
	Continuous *Bounds  `json:"continuous,omitempty"`
}

// Varies says whether the axis has anything to choose.
func (a Axis) Varies() bool { return a.Continuous != nil || len(a.Options) > 1 }

// Axes are the spec's dimensions with the elements' options resolved against the library:
// what an optimiser or a screening design moves along.
func (s Spec) Axes(resolve func(element, option string) (string, error)) ([]Axis, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	lists, cont := s.dimensions()
	var out []Axis
	for i, el := range Elements {
		a := Axis{Key: el, Label: el}
		for _, o := range lists[i] {
			if o != Keep {
				id, err := resolve(el, o)
				if err != nil {
					return nil, err
				}
				o = id
			}
			a.Options = append(a.Options, o)
		}
		a.Options = dedupe(a.Options) // two names of one construction are one option
		out = append(out, a)
	}
	for k, m := range s.Measures {
		a := Axis{Key: m.ID, Label: m.Label(), Measure: true, Continuous: cont[len(Elements)+k]}
		if a.Continuous == nil {
			a.Options = lists[len(Elements)+k]
		}
		out = append(out, a)
	}
	return out, nil
}

// VariantAt is the variant at a point of the axes: values[i] is an option index on a discrete
// axis, a number within the bounds on a continuous one.
func (s Spec) VariantAt(axes []Axis, values []float64, name Namer) (Variant, error) {
	if len(values) != len(axes) {
		return Variant{}, fmt.Errorf("study: %d values for %d axes", len(values), len(axes))
	}
	choices, measures := map[string]string{}, map[string]string{}
	for i, a := range axes {
		var c string
		if b := a.Continuous; b != nil {
			v := min(max(values[i], b.Min), b.Max)
			c = strconv.FormatFloat(roundSignificant(v, 4), 'f', -1, 64)
		} else {
			j := int(values[i])
			if j < 0 || j >= len(a.Options) {
				return Variant{}, fmt.Errorf("study: option %d of axis %s, which has %d", j, a.Key, len(a.Options))
			}
			c = a.Options[j]
		}
		if a.Measure {
			measures[a.Key] = c
		} else {
			choices[a.Key] = c
		}
	}
	return s.VariantOf(choices, measures, name), nil
}
