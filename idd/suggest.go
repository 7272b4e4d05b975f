package idd

import (
	"fmt"
	"sort"
	"strings"
)

// Lookup finds a class and one of its fields by name (as Schema.Class and Class.Field do), or
// says what is missing and suggests close names: a measure's spec checked before any run.
func (s *Schema) Lookup(class, field string) (*Class, int, Field, error) {
	c, ok := s.Class(class)
	if !ok {
		return nil, -1, Field{}, fmt.Errorf("EnergyPlus %s has no class %q%s", s.version, class, didYouMean(s.Suggest(class)))
	}
	i, f, ok := c.Field(field)
	if !ok {
		return c, -1, Field{}, fmt.Errorf("%s has no field %q%s", c.Name, field, didYouMean(c.Suggest(field)))
	}
	return c, i, f, nil
}

func didYouMean(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", names[0])
}

// Suggest returns up to five class names close to a misspelt one, closest first: those within a
// few edits (letter case aside), then those that contain it ("IdealLoads").
func (s *Schema) Suggest(class string) []string {
	names := make([]string, len(s.classes))
	for i, c := range s.classes {
		names[i] = c.Name
	}
	return suggest(strings.ToLower(strings.Join(strings.Fields(class), " ")), names, strings.ToLower)
}

// Suggest returns up to five field names of the class close to a misspelt one, as
// Schema.Suggest does for classes (units in braces ignored).
func (c *Class) Suggest(field string) []string {
	names := make([]string, 0, len(c.index))
	for i, f := range c.Fields {
		if j, ok := c.index[fieldKey(f.Name)]; ok && j == i { // each name once (Site:SpectrumData repeats them)
			names = append(names, f.Name)
		}
	}
	return suggest(fieldKey(field), names, fieldKey)
}

func suggest(query string, names []string, key func(string) string) []string {
	if query == "" {
		return nil
	}
	type hit struct {
		name       string
		tier, dist int
	}
	limit := max(2, len(query)/5)
	var hits []hit
	for _, n := range names {
		k := key(n)
		switch d := editDistance(query, k); {
		case d == 0:
		case d <= limit:
			hits = append(hits, hit{n, 0, d})
		case len(query) >= 4 && strings.Contains(k, query):
			hits = append(hits, hit{n, 1, d})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.tier != b.tier {
			return a.tier < b.tier
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.name < b.name
	})
	out := make([]string, 0, min(5, len(hits)))
	for _, h := range hits[:min(5, len(hits))] {
		out = append(out, h.name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in bytes (IDD names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
