package study

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand"
	"sort"
	"strings"
)

// Variant is one combination of choices. Choices maps every element to "keep" or a library
// construction id; Measures maps a measure id to "keep" or its option's values (choiceKey).
type Variant struct {
	ID       string            `json:"id"` // stable: the same choices give the same id
	Name     string            `json:"name"`
	Choices  map[string]string `json:"choices"`
	Measures map[string]string `json:"measures,omitempty"`
	Baseline bool              `json:"baseline"`
}

// VariantID is the stable id of a set of choices. Measures that keep add nothing, so a
// variant that only changes constructions has the id it had before measures existed.
func VariantID(choices map[string]string, measures ...map[string]string) string {
	var b strings.Builder
	for _, el := range Elements {
		c := choices[el]
		if c == "" {
			c = Keep
		}
		fmt.Fprintf(&b, "%s=%s;", el, c)
	}
	for _, ms := range measures {
		for _, id := range sortedKeys(ms) {
			if c := ms[id]; c != "" && c != Keep {
				fmt.Fprintf(&b, "m:%s=%s;", id, c)
			}
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return "v" + hex.EncodeToString(sum[:])[:10]
}

// Namer gives the readable name of a construction id (the library's name).
type Namer func(constructionID string) string

// Baseline is the variant that keeps everything.
func Baseline() Variant {
	ch := map[string]string{}
	for _, el := range Elements {
		ch[el] = Keep
	}
	return Variant{ID: VariantID(ch), Name: "Baseline (existing constructions)", Choices: ch, Baseline: true}
}

// Count is how many variants (besides the baseline) a spec makes, before any is built. The
// all-keep combination is the baseline, so it is not counted when every element offers keep.
func (s Spec) Count() int {
	lists, cont := s.dimensions()
	if m := s.Method; m != nil {
		// A method's budget: an upper bound, since a point it asks for again runs once.
		switch w := m.WithDefaults(); w.Kind {
		case MethodNSGA2:
			return w.Population * w.Generations
		case MethodMorris:
			return max(w.Trajectories, 1) * (countVarying(lists, cont) + 1)
		case MethodSobolIndices:
			return w.Samples * (countVarying(lists, cont) + 2)
		}
	}
	space, continuous := 1, false
	allKeep := true
	for i, opts := range lists {
		if cont[i] != nil {
			continuous, allKeep = true, false
			continue
		}
		space *= len(opts)
		if opts[0] != Keep {
			allKeep = false
		}
	}
	if allKeep {
		space--
	}
	switch s.Sampling.Mode {
	case List:
		return s.distinctPackages()
	case LHS:
		// The sample itself, on the options as written: repeats and the baseline dropped.
		seen := map[string]bool{}
		for _, c := range latinHypercube(lists, cont, s.Sampling.N, s.Sampling.Seed) {
			key := strings.Join(c, "\x00")
			allKeep := true
			for _, o := range c {
				allKeep = allKeep && o == Keep
			}
			if !allKeep {
				seen[key] = true
			}
		}
		return len(seen)
	case Sobol:
		if continuous {
			return s.Sampling.N
		}
		return min(s.Sampling.N, space)
	}
	return space
}

// distinctPackages counts the list's packages that differ as written (letter case and spaces
// aside) and change something; two names of one construction still count twice.
func (s Spec) distinctPackages() int {
	seen := map[string]bool{}
	for _, p := range s.Sampling.Packages {
		var key strings.Builder
		changes := false
		for _, k := range sortedKeys(p) {
			v := strings.ToLower(strings.TrimSpace(p[k]))
			if m := s.measure(k); m != nil && v != "" && v != Keep {
				if c, err := m.parseChoice(v); err == nil {
					v = c
				}
			}
			if v == "" || v == Keep {
				continue
			}
			changes = true
			fmt.Fprintf(&key, "%s=%s;", strings.ToLower(k), v)
		}
		if changes {
			seen[key.String()] = true
		}
	}
	return len(seen)
}

// SampleShortfall explains, for a Latin-hypercube or Sobol spec whose n asks for more variants
// than there are distinct combinations, that every combination runs instead; otherwise "".
func (s Spec) SampleShortfall() string {
	if s.Sampling.Mode != LHS && s.Sampling.Mode != Sobol {
		return ""
	}
	lists, cont := s.dimensions()
	space := 1
	allKeep := true
	for i, opts := range lists {
		if cont[i] != nil {
			return "" // a continuous measure makes the space endless
		}
		space *= len(opts)
		allKeep = allKeep && opts[0] == Keep
	}
	if allKeep {
		space--
	}
	if space < s.Sampling.N {
		return fmt.Sprintf("sampling.n is %d but the options make only %d distinct combinations besides the baseline: all %d run", s.Sampling.N, space, space)
	}
	if got := s.Count(); got < s.Sampling.N {
		return fmt.Sprintf("sampling.n is %d; %d of the sampled combinations repeat another or keep everything, so %d variants run", s.Sampling.N, s.Sampling.N-got, got)
	}
	return ""
}

// dimensions are the spec's axes: the elements' options (unresolved), then each measure's
// choice keys; cont[i] is set for a continuous measure, whose lists[i] is a placeholder.
func (s Spec) dimensions() (lists [][]string, cont []*Bounds) {
	lists = s.optionLists()
	cont = make([]*Bounds, len(lists), len(lists)+len(s.Measures))
	for _, m := range s.Measures {
		if m.Continuous != nil {
			lists = append(lists, []string{"<continuous>"})
		} else {
			lists = append(lists, m.choices())
		}
		cont = append(cont, m.Continuous)
	}
	return lists, cont
}

// Variants makes the spec's variants, the baseline first. Construction references are not
// checked here; the caller resolves them against its library (resolve may rename: it maps a
// user-typed name or id to the library id, or errors).
func (s Spec) Variants(resolve func(element, option string) (string, error), name Namer) ([]Variant, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	lists, cont := s.dimensions()
	for i, el := range Elements {
		for j, o := range lists[i] {
			if o == Keep {
				continue
			}
			id, err := resolve(el, o)
			if err != nil {
				return nil, err
			}
			lists[i][j] = id
		}
	}
	var combos [][]string
	switch s.Sampling.Mode {
	case List:
		for i, p := range s.Sampling.Packages {
			combo := make([]string, len(lists))
			for key := range p {
				if !isElement(key) && s.measure(key) == nil {
					return nil, fmt.Errorf("study spec: package %d: %q is neither an element (%s) nor a measure id", i+1, key, strings.Join(Elements, ", "))
				}
			}
			for k, m := range s.Measures {
				c, err := m.parseChoice(p[m.ID])
				if err != nil {
					return nil, fmt.Errorf("study spec: package %d: %w", i+1, err)
				}
				combo[len(Elements)+k] = c
			}
			for k, el := range Elements {
				o := strings.TrimSpace(p[el])
				if o == "" || strings.EqualFold(o, Keep) {
					combo[k] = Keep
					continue
				}
				id, err := resolve(el, o)
				if err != nil {
					return nil, fmt.Errorf("package %d: %w", i+1, err)
				}
				combo[k] = id
			}
			combos = append(combos, combo)
		}
	case LHS:
		combos = latinHypercube(lists, cont, s.Sampling.N, s.Sampling.Seed)
	case Sobol:
		var err error
		if combos, err = sobolSample(lists, cont, s.Sampling.N, s.Sampling.Seed); err != nil {
			return nil, err
		}
	default:
		combos = factorial(lists)
	}
	base := Baseline()
	out := []Variant{base}
	seen := map[string]bool{base.ID: true}
	for _, combo := range combos {
		v := s.variantOf(combo, name)
		if seen[v.ID] {
			continue // the all-keep combination is the baseline; a package listed twice runs once
		}
		seen[v.ID] = true
		out = append(out, v)
	}
	return out, nil
}

// variantOf makes the variant of one combination: a choice per element, then per measure.
func (s Spec) variantOf(combo []string, name Namer) Variant {
	ch := map[string]string{}
	for k, el := range Elements {
		ch[el] = combo[k]
	}
	var ms map[string]string
	if len(s.Measures) > 0 {
		ms = map[string]string{}
		for k, m := range s.Measures {
			ms[m.ID] = combo[len(Elements)+k]
		}
	}
	v := Variant{ID: VariantID(ch, ms), Choices: ch, Measures: ms}
	v.Name = s.variantName(v, name)
	return v
}

// VariantOf is the variant of explicit choices (an optimiser's point): constructions per
// element (library ids or "keep"; missing elements keep) and choice keys per measure.
func (s Spec) VariantOf(choices, measures map[string]string, name Namer) Variant {
	combo := make([]string, len(Elements)+len(s.Measures))
	for k, el := range Elements {
		combo[k] = Keep
		if c := choices[el]; c != "" {
			combo[k] = c
		}
	}
	for k, m := range s.Measures {
		combo[len(Elements)+k] = Keep
		if c := measures[m.ID]; c != "" {
			combo[len(Elements)+k] = c
		}
	}
	return s.variantOf(combo, name)
}

func (s Spec) variantName(v Variant, name Namer) string {
	var parts []string
	for _, el := range Elements {
		if c := v.Choices[el]; c != Keep {
			label := c
			if name != nil {
				label = name(c)
			}
			parts = append(parts, strings.ToUpper(el[:1])+el[1:]+": "+label)
		}
	}
	for _, m := range s.Measures {
		c := v.Measures[m.ID]
		if c == "" || c == Keep {
			continue
		}
		parts = append(parts, m.Label()+": "+m.ChoiceLabel(c))
	}
	if len(parts) == 0 {
		return "Baseline (existing constructions)"
	}
	return strings.Join(parts, " | ")
}

// measure finds a measure by id (any letter case).
func (s Spec) measure(id string) *Measure {
	for i := range s.Measures {
		if strings.EqualFold(s.Measures[i].ID, id) {
			return &s.Measures[i]
		}
	}
	return nil
}

func factorial(lists [][]string) [][]string {
	combos := [][]string{{}}
	for _, opts := range lists {
		var next [][]string
		for _, c := range combos {
			for _, o := range opts {
				next = append(next, append(append([]string(nil), c...), o))
			}
		}
		combos = next
	}
	return combos
}

// latinHypercube samples n combinations so that, per element, the options are used as evenly
// as n allows (each option appears floor(n/k) or ceil(n/k) times), with the strata paired at
// random between elements. Duplicates of a combination are dropped by the caller, so when the
// space is small the sample can be smaller than n; it never exceeds the space.
func latinHypercube(lists [][]string, cont []*Bounds, n int, seed int64) [][]string {
	rng := rand.New(rand.NewSource(seed))
	total, continuous := 1, false
	for i, l := range lists {
		total *= len(l)
		continuous = continuous || cont[i] != nil
	}
	if n >= total && !continuous {
		return factorial(lists)
	}
	cols := make([][]string, len(lists))
	for i, opts := range lists {
		col := make([]string, n)
		for j := 0; j < n; j++ {
			if b := cont[i]; b != nil {
				col[j] = continuousValue(b, (float64(j)+rng.Float64())/float64(n)) // a point within stratum j
				continue
			}
			col[j] = opts[j*len(opts)/n] // stratum j of n, mapped onto the options evenly
		}
		rng.Shuffle(n, func(a, b int) { col[a], col[b] = col[b], col[a] })
		cols[i] = col
	}
	combos := make([][]string, n)
	for j := 0; j < n; j++ {
		combos[j] = make([]string, len(lists))
		for i := range lists {
			combos[j][i] = cols[i][j]
		}
	}
	sort.SliceStable(combos, func(a, b int) bool { return strings.Join(combos[a], "\x00") < strings.Join(combos[b], "\x00") })
	return combos
}
