package study

import (
	"fmt"
	"strings"

	"epsm/idf"
	"epsm/library"
	"epsm/takeoff"
)

// WriteVariant returns a variant's IDF: the base model's text with, for each changed element,
// the library construction written out as real Material / Material:AirGap /
// WindowMaterial:SimpleGlazingSystem / Construction objects carrying the library's properties,
// and the construction of that element's exterior surfaces (outside boundary Outdoors or
// ground; windows in exterior walls and roofs) set to it. Interior surfaces and every other
// byte of the user's model stay as they were.
func WriteVariant(base []byte, tk *takeoff.Takeoff, lib *library.Library, v Variant) ([]byte, error) {
	f, err := idf.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("variant %s: %w", v.ID, err)
	}
	built, err := build(&Base{Text: base, File: f, Takeoff: tk}, lib, v, nil)
	return built.Text, err
}

// Built is a variant's IDF and what its measures did, for their costs.
type Built struct {
	Text     []byte
	Measures []Applied
}

// Applied is one measure a variant applies: the option chosen and the quantities its costs
// are counted per.
type Applied struct {
	MeasureID string   `json:"measureId"`
	Name      string   `json:"name"`
	Choice    string   `json:"choice"` // the option's values, as in Variant.Measures
	Label     string   `json:"label"`
	Per       string   `json:"per"`
	Units     int      `json:"units"`
	AreaM2    *float64 `json:"areaM2,omitempty"`
	KW        *float64 `json:"kW,omitempty"`
	// Per unit of Per; nil where the spec gives none.
	Investment *float64 `json:"investment,omitempty"`
	GWP        *float64 `json:"gwpKgCO2e,omitempty"`
	LifeYears  *float64 `json:"lifeYears,omitempty"`
}

// Build writes a variant's IDF like WriteVariant, and applies its measures: their field edits
// in place, and the objects they add after the constructions.
func (s Spec) Build(b *Base, lib *library.Library, v Variant) (Built, error) {
	return build(b, lib, v, s.Measures)
}

func build(b *Base, lib *library.Library, v Variant, measures []Measure) (Built, error) {
	f, tk, base := b.File, b.Takeoff, b.Text
	var built Built
	index := map[string]int{}
	for i, o := range f.Objects {
		index[surfaceKey(o.Class, o.Field(0))] = i
	}
	var edits []idf.FieldEdit
	var extra strings.Builder
	setBy := map[[2]int]string{} // field -> what sets it, to name both sides of a clash
	for _, el := range Elements {
		cid := v.Choices[el]
		if cid == "" || cid == Keep {
			continue
		}
		c, ok := lib.Construction(cid)
		if !ok {
			return built, fmt.Errorf("variant %q: no construction %q in the library", v.Name, cid)
		}
		if c.Element != el {
			return built, fmt.Errorf("variant %q: construction %q is for %s, not %s", v.Name, c.Name, c.Element, el)
		}
		if err := lib.Usable(c); err != nil {
			return built, fmt.Errorf("variant %q: %w", v.Name, err)
		}
		name, text, err := lib.IDFObjects(c, "EPSM "+el+" ")
		if err != nil {
			return built, fmt.Errorf("variant %q: %w", v.Name, err)
		}
		surfaces := tk.ExteriorSurfaces(el)
		if len(surfaces) == 0 {
			return built, fmt.Errorf("variant %q changes the %s, but the model has no exterior %s surfaces", v.Name, el, el)
		}
		fmt.Fprintf(&extra, "! ---- EPSM variant %s: %s = %s (%s)\n%s\n", v.ID, el, c.ID, c.Name, strings.TrimRight(text, "\n"))
		for _, s := range surfaces {
			i, ok := index[surfaceKey(s.Class, s.Name)]
			if !ok {
				return built, fmt.Errorf("variant %q: surface %s (%s) not found in the model", v.Name, s.Name, s.Class)
			}
			edits = append(edits, idf.FieldEdit{Object: i, Field: constructionField(s.Class), Value: name})
			setBy[[2]int{i, constructionField(s.Class)}] = "the " + el + " construction"
		}
	}
	for _, m := range measures {
		key := v.Measures[m.ID]
		if key == "" || key == Keep {
			continue
		}
		c, err := b.Apply(m, strings.Split(key, ","))
		if err != nil {
			return built, fmt.Errorf("variant %q: %w", v.Name, err)
		}
		for _, e := range c.Edits {
			k := [2]int{e.Object, e.Field}
			if by, ok := setBy[k]; ok {
				o := f.Objects[e.Object]
				return built, fmt.Errorf("variant %q: measure %q and %s both set field %d of %s %q (line %d); a field can have one value", v.Name, m.ID, by, e.Field+1, o.Class, o.Field(0), o.Line)
			}
			setBy[k] = fmt.Sprintf("measure %q", m.ID)
			edits = append(edits, e)
		}
		if len(c.Objects) > 0 {
			fmt.Fprintf(&extra, "! ---- EPSM variant %s: measure %s = %s\n%s\n", v.ID, m.ID, key, strings.TrimRight(strings.Join(c.Objects, "\n"), "\n"))
		}
		built.Measures = append(built.Measures, applied(m, key, c))
	}
	if len(edits) == 0 && extra.Len() == 0 {
		built.Text = append([]byte(nil), base...)
		return built, nil
	}
	out, err := idf.EditFields(base, edits, extra.String())
	if err != nil {
		return built, fmt.Errorf("variant %q: %w", v.Name, err)
	}
	built.Text = out
	return built, nil
}

// applied records a measure's option and quantities, with the option's own costs or else the
// measure's.
func applied(m Measure, key string, c Change) Applied {
	a := Applied{MeasureID: m.ID, Name: m.Label(), Choice: key, Label: strings.ReplaceAll(key, ",", " / "), Per: m.Per,
		Units: c.Units, AreaM2: c.AreaM2, KW: c.KW, Investment: m.Investment, GWP: m.GWP, LifeYears: m.LifeYears}
	if a.Per == "" {
		a.Per = PerUnit
		if t, ok := templateByID(m.Template); ok {
			a.Per = t.Per
		}
	}
	if o, ok := m.option(key); ok {
		if o.Label != "" {
			a.Label = o.Label
		}
		if o.Investment != nil {
			a.Investment = o.Investment
		}
		if o.GWP != nil {
			a.GWP = o.GWP
		}
		if o.LifeYears != nil {
			a.LifeYears = o.LifeYears
		}
	}
	return a
}

// Quantity is how many of Per the measure installs, or why it is not known.
func (a Applied) Quantity() (float64, error) {
	switch a.Per {
	case PerFixed:
		return 1, nil
	case PerUnit:
		return float64(a.Units), nil
	case PerM2:
		if a.AreaM2 == nil {
			return 0, fmt.Errorf("%s: costs per m2, but the measure changes no surfaces and has no area", a.Name)
		}
		return *a.AreaM2, nil
	case PerKW:
		if a.KW == nil {
			return 0, fmt.Errorf("%s: costs per kW, but the measure installs no capacity it knows", a.Name)
		}
		return *a.KW, nil
	}
	return 0, fmt.Errorf("%s: unknown quantity %q", a.Name, a.Per)
}

func surfaceKey(class, name string) string {
	return strings.ToLower(class) + "\x00" + strings.ToLower(strings.TrimSpace(name))
}

// constructionField is the index of "Construction Name" after the class name: the detailed
// objects have Name and Surface Type first, the simple ones only Name.
func constructionField(class string) int {
	switch strings.ToLower(class) {
	case "buildingsurface:detailed", "fenestrationsurface:detailed":
		return 2
	}
	return 1
}
