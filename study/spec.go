package study

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"epsm/bbr"
	"epsm/library"
	"epsm/qmc"
)

// Elements a scenario can change, in the order names and ids list them.
var Elements = []string{"wall", "roof", "floor", "window"}

// Keep is the option that leaves an element's existing construction alone.
const Keep = "keep"

// Sampling modes.
const (
	Factorial = "factorial" // every combination of the options
	List      = "list"      // the packages the user picked
	LHS       = "lhs"       // a Latin-hypercube sample of N combinations
	Sobol     = "sobol"     // the first N distinct combinations of a Sobol sequence
)

// Spec is a scenario, the same file for the GUI and `epsm study`.
type Spec struct {
	Name    string   `json:"name"`
	Model   string   `json:"model"`   // path of the base IDF (CLI) ...
	ModelID int64    `json:"modelId"` // ... or an imported model (GUI)
	Weather []string `json:"weather"` // EPW paths (CLI) ...
	// WeatherIDs are imported weather files (GUI).
	WeatherIDs []int64 `json:"weatherIds"`
	// Options per element: "keep" and/or library construction ids or names. An element left
	// out keeps its construction.
	Options map[string][]string `json:"options"`
	// Measures change other fields of the model (ventilation, infiltration, setpoints, PV,
	// any IDD field); each is one more axis beside the elements.
	Measures []Measure `json:"measures,omitempty"`
	Sampling Sampling  `json:"sampling"`
	// Method, when given, chooses the variants instead of Sampling: an NSGA-II optimisation or
	// a Morris screening over the same options and measures.
	Method *Method `json:"method,omitempty"`
	// ForceAnnual runs design-day-only models over the weather year (EnergyPlus -a).
	ForceAnnual bool `json:"forceAnnual"`
	// DesignDaysOnly runs only the sizing periods (EnergyPlus -D): a quick check of the
	// variants, with no annual results.
	DesignDaysOnly bool `json:"designDaysOnly"`
	// KeepAllOutputs keeps every EnergyPlus output of the study's runs; by default a run keeps
	// only what the app shows (its err file, report and run copy) once its results are stored.
	KeepAllOutputs bool `json:"keepAllOutputs,omitempty"`
	// ModelSettings are the base model's Atemp, building type and end-use mapping for the
	// Swedish figures; given, they are stored as the model's settings (its variants use them).
	ModelSettings *bbr.ModelSettings `json:"modelSettings,omitempty"`
	// CostRanges says what a variant's investment does with a material whose cost is published
	// only as a range: "" leaves it missing; "low", "mid" or "high" takes that point and names it.
	CostRanges library.RangeUse `json:"costRanges,omitempty" ts_type:"string"`
}

// Sampling says which combinations become variants.
type Sampling struct {
	Mode     string              `json:"mode"`                                        // factorial (default), list, lhs or sobol
	N        int                 `json:"n"`                                           // lhs, sobol: how many
	Seed     int64               `json:"seed"`                                        // lhs: for a reproducible sample; sobol: 0 plain, else a scramble
	Packages []map[string]string `json:"packages" ts_type:"Record<string, string>[]"` // list: element or measure id -> option
}

// LoadSpec reads a spec file.
func LoadSpec(path string) (Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Spec{}, fmt.Errorf("read study spec %s: %w", path, err)
	}
	var s Spec
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return Spec{}, fmt.Errorf("study spec %s: %w", path, err)
	}
	// Paths in a spec are relative to the spec file, so a study folder can be moved whole.
	dir := filepath.Dir(path)
	if s.Model != "" && !filepath.IsAbs(s.Model) {
		s.Model = filepath.Join(dir, s.Model)
	}
	for i, w := range s.Weather {
		if !filepath.IsAbs(w) {
			s.Weather[i] = filepath.Join(dir, w)
		}
	}
	return s, nil
}

// Validate checks the spec's shape (library references are checked when variants are made).
func (s Spec) Validate() error {
	if s.ModelSettings != nil {
		if p := s.ModelSettings.Problems(); len(p) > 0 {
			return fmt.Errorf("study spec: modelSettings.%s: %s", p[0].Field, p[0].Message)
		}
	}
	if !s.CostRanges.Valid() {
		return fmt.Errorf("study spec: costRanges %q is not one of \"\" (leave ranged costs missing), \"low\", \"mid\" or \"high\"", s.CostRanges)
	}
	for el := range s.Options {
		if !isElement(el) {
			return fmt.Errorf("study spec: unknown element %q (use %s)", el, strings.Join(Elements, ", "))
		}
		if len(s.Options[el]) == 0 {
			return fmt.Errorf("study spec: element %s has no options (use [\"keep\", ...])", el)
		}
	}
	switch s.Sampling.Mode {
	case "", Factorial:
	case List:
		if len(s.Sampling.Packages) == 0 {
			return fmt.Errorf("study spec: sampling %q needs packages", List)
		}
		for i, p := range s.Sampling.Packages {
			for el := range p {
				if !isElement(el) && s.measure(el) == nil {
					return fmt.Errorf("study spec: package %d: unknown element or measure %q", i+1, el)
				}
			}
		}
	case LHS, Sobol:
		if s.Sampling.N <= 0 {
			return fmt.Errorf("study spec: sampling %q needs n > 0 (sampling.n: how many variants), not %d", s.Sampling.Mode, s.Sampling.N)
		}
	default:
		return fmt.Errorf("study spec: unknown sampling mode %q (use factorial, list, lhs or sobol)", s.Sampling.Mode)
	}
	if err := s.validateMeasures(); err != nil {
		return err
	}
	if err := s.validateMethod(); err != nil {
		return err
	}
	if lists, cont := s.dimensions(); (s.Sampling.Mode == Sobol) && countVarying(lists, cont) > qmc.MaxDims {
		return fmt.Errorf("study spec: sampling %q covers at most %d varying elements and measures, the spec has %d", Sobol, qmc.MaxDims, countVarying(lists, cont))
	}
	return nil
}

func countVarying(lists [][]string, cont []*Bounds) int {
	n := 0
	for i, l := range lists {
		if cont[i] != nil || len(l) > 1 {
			n++
		}
	}
	return n
}

func isElement(el string) bool {
	for _, e := range Elements {
		if e == el {
			return true
		}
	}
	return false
}

// optionLists returns, per element in Elements order, the options (with "keep" first when
// present); an element without options only keeps.
func (s Spec) optionLists() [][]string {
	out := make([][]string, len(Elements))
	for i, el := range Elements {
		opts := s.Options[el]
		if len(opts) == 0 {
			out[i] = []string{Keep}
			continue
		}
		seen := map[string]bool{}
		var keep bool
		var rest []string
		for _, o := range opts {
			o = strings.TrimSpace(o)
			if seen[o] {
				continue
			}
			seen[o] = true
			if strings.EqualFold(o, Keep) {
				keep = true
			} else {
				rest = append(rest, o)
			}
		}
		sort.Strings(rest)
		if keep {
			rest = append([]string{Keep}, rest...)
		}
		out[i] = rest
	}
	return out
}
