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
	index := map[string]int{}
	for i, o := range f.Objects {
		index[surfaceKey(o.Class, o.Field(0))] = i
	}
	var edits []idf.FieldEdit
	var extra strings.Builder
	for _, el := range Elements {
		cid := v.Choices[el]
		if cid == "" || cid == Keep {
			continue
		}
		c, ok := lib.Construction(cid)
		if !ok {
			return nil, fmt.Errorf("variant %q: no construction %q in the library", v.Name, cid)
		}
		if c.Element != el {
			return nil, fmt.Errorf("variant %q: construction %q is for %s, not %s", v.Name, c.Name, c.Element, el)
		}
		if err := lib.Usable(c); err != nil {
			return nil, fmt.Errorf("variant %q: %w", v.Name, err)
		}
		name, text, err := lib.IDFObjects(c, "EPSM "+el+" ")
		if err != nil {
			return nil, fmt.Errorf("variant %q: %w", v.Name, err)
		}
		surfaces := tk.ExteriorSurfaces(el)
		if len(surfaces) == 0 {
			return nil, fmt.Errorf("variant %q changes the %s, but the model has no exterior %s surfaces", v.Name, el, el)
		}
		fmt.Fprintf(&extra, "! ---- EPSM variant %s: %s = %s (%s)\n%s\n", v.ID, el, c.ID, c.Name, strings.TrimRight(text, "\n"))
		for _, s := range surfaces {
			i, ok := index[surfaceKey(s.Class, s.Name)]
			if !ok {
				return nil, fmt.Errorf("variant %q: surface %s (%s) not found in the model", v.Name, s.Name, s.Class)
			}
			edits = append(edits, idf.FieldEdit{Object: i, Field: constructionField(s.Class), Value: name})
		}
	}
	if len(edits) == 0 {
		return append([]byte(nil), base...), nil
	}
	out, err := idf.EditFields(base, edits, extra.String())
	if err != nil {
		return nil, fmt.Errorf("variant %q: %w", v.Name, err)
	}
	return out, nil
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
