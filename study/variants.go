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
// construction id.
type Variant struct {
	ID       string            `json:"id"` // stable: the same choices give the same id
	Name     string            `json:"name"`
	Choices  map[string]string `json:"choices"`
	Baseline bool              `json:"baseline"`
}

// VariantID is the stable id of a set of choices.
func VariantID(choices map[string]string) string {
	var b strings.Builder
	for _, el := range Elements {
		c := choices[el]
		if c == "" {
			c = Keep
		}
		fmt.Fprintf(&b, "%s=%s;", el, c)
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
	space := s.factorialSize()
	allKeep := true
	for _, opts := range s.optionLists() {
		if opts[0] != Keep {
			allKeep = false
		}
	}
	if allKeep {
		space--
	}
	switch s.Sampling.Mode {
	case List:
		return len(s.Sampling.Packages)
	case LHS, Sobol:
		return min(s.Sampling.N, space)
	}
	return space
}

// SampleShortfall explains, for a Latin-hypercube or Sobol spec whose n asks for more variants
// than there are distinct combinations, that every combination runs instead; otherwise "".
func (s Spec) SampleShortfall() string {
	if s.Sampling.Mode != LHS && s.Sampling.Mode != Sobol {
		return ""
	}
	if got := s.Count(); got < s.Sampling.N {
		return fmt.Sprintf("sampling.n is %d but the options make only %d distinct combinations besides the baseline: all %d run", s.Sampling.N, got, got)
	}
	return ""
}

func (s Spec) factorialSize() int {
	n := 1
	for _, opts := range s.optionLists() {
		n *= len(opts)
	}
	return n
}

// Variants makes the spec's variants, the baseline first. Construction references are not
// checked here; the caller resolves them against its library (resolve may rename: it maps a
// user-typed name or id to the library id, or errors).
func (s Spec) Variants(resolve func(element, option string) (string, error), name Namer) ([]Variant, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	lists := s.optionLists()
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
			combo := make([]string, len(Elements))
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
		combos = latinHypercube(lists, s.Sampling.N, s.Sampling.Seed)
	case Sobol:
		var err error
		if combos, err = sobolSample(lists, s.Sampling.N, s.Sampling.Seed); err != nil {
			return nil, err
		}
	default:
		combos = factorial(lists)
	}
	base := Baseline()
	out := []Variant{base}
	seen := map[string]bool{base.ID: true}
	for _, combo := range combos {
		ch := map[string]string{}
		for k, el := range Elements {
			ch[el] = combo[k]
		}
		id := VariantID(ch)
		if seen[id] {
			continue // the all-keep combination is the baseline; a package listed twice runs once
		}
		seen[id] = true
		out = append(out, Variant{ID: id, Name: variantName(ch, name), Choices: ch})
	}
	return out, nil
}

func variantName(ch map[string]string, name Namer) string {
	var parts []string
	for _, el := range Elements {
		if c := ch[el]; c != Keep {
			label := c
			if name != nil {
				label = name(c)
			}
			parts = append(parts, strings.ToUpper(el[:1])+el[1:]+": "+label)
		}
	}
	if len(parts) == 0 {
		return "Baseline (existing constructions)"
	}
	return strings.Join(parts, " | ")
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
func latinHypercube(lists [][]string, n int, seed int64) [][]string {
	rng := rand.New(rand.NewSource(seed))
	total := 1
	for _, l := range lists {
		total *= len(l)
	}
	if n >= total {
		return factorial(lists)
	}
	cols := make([][]string, len(lists))
	for i, opts := range lists {
		col := make([]string, n)
		for j := 0; j < n; j++ {
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
