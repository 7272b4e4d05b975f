package study

import (
	"fmt"
	"slices"
	"strings"
)

// Method kinds: how a study chooses its variants beyond sampling.
const (
	MethodNSGA2  = "nsga2"  // multi-objective optimisation (package optimize)
	MethodMorris = "morris" // elementary-effects screening (package sensitivity)
	// MethodSobolIndices is variance-based sensitivity (Saltelli's design, Sobol indices S1 and
	// ST): N(k+2) runs, for when the budget allows more than a screening.
	MethodSobolIndices = "sobol-indices"
)

// Weather aggregations: how a variant's figure over several weather files becomes one number.
const (
	WeatherMean  = "mean"  // the average over the weather files
	WeatherWorst = "worst" // the largest (objectives are minimised): robust to climate
)

// Method replaces sampling with a search (NSGA-II) or a screening design (Morris) over the
// same axes: the elements' options and the measures. Every point it asks for is a normal
// variant with its runs.
type Method struct {
	Kind string `json:"kind"`
	// Objectives are study figures (Figures), minimised; NSGA-II takes 2 or 3, Morris screens
	// each one it is given.
	Objectives  []string     `json:"objectives"`
	Constraints []Constraint `json:"constraints,omitempty"` // NSGA-II: upper limits on figures
	Weather     string       `json:"weather,omitempty"`     // mean (default) or worst
	Population  int          `json:"population,omitempty"`  // NSGA-II, default 20
	Generations int          `json:"generations,omitempty"` // NSGA-II, default 10
	// Trajectories and Levels are Morris's r and p (defaults 10 and 4).
	Trajectories int `json:"trajectories,omitempty"`
	Levels       int `json:"levels,omitempty"`
	// Samples is the Sobol-indices design's N base samples (default 32): N(k+2) runs.
	Samples int    `json:"samples,omitempty"`
	Seed    uint64 `json:"seed,omitempty"`
}

// Constraint is an upper limit on a figure: variants above it are infeasible.
type Constraint struct {
	Figure string  `json:"figure"`
	Max    float64 `json:"max"`
}

// Figure is a per-variant study figure an objective or constraint can name.
type Figure struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Unit string `json:"unit"`
}

// Figures are the figures a method can minimise or limit; the study service computes them.
func Figures() []Figure {
	return []Figure{
		{"siteEnergyKWh", "Annual site energy", "kWh"},
		{"primaryEnergyNumber", "Primary energy number (EP_pet)", "kWh/m2 Atemp"},
		{"lifeCycleCost", "Life-cycle cost", "currency"},
		{"lifeCycleKgCO2e", "Life-cycle carbon", "kg CO2e"},
		{"investmentCost", "Investment", "currency"},
		{"embodiedKgCO2e", "Embodied carbon", "kg CO2e"},
		{"energyCostPerYear", "Energy cost per year", "currency/year"},
		{"operationalKgCO2ePerYear", "Operational carbon per year", "kg CO2e/year"},
		{"overheatingHours", "Overheating hours (worst zone)", "h"},
		{"peakHeatingW", "Peak heating", "W"},
	}
}

func figureIDs() []string {
	var out []string
	for _, f := range Figures() {
		out = append(out, f.ID)
	}
	return out
}

// Method defaults.
const (
	DefaultPopulation  = 20
	DefaultGenerations = 10
	// Morris's r and p, as package sensitivity defaults them.
	DefaultTrajectories = 10
	DefaultLevels       = 4
	// DefaultSamples is the Sobol-indices design's N: indices to about ±0.2 (screen with Morris
	// first when that is not enough for the budget).
	DefaultSamples = 32
)

// WithDefaults fills the method's zero fields.
func (m Method) WithDefaults() Method {
	if m.Weather == "" {
		m.Weather = WeatherMean
	}
	if m.Kind == MethodSobolIndices && m.Samples == 0 {
		m.Samples = DefaultSamples
	}
	if m.Kind == MethodMorris {
		if m.Trajectories == 0 {
			m.Trajectories = DefaultTrajectories
		}
		if m.Levels == 0 {
			m.Levels = DefaultLevels
		}
	}
	if m.Kind == MethodNSGA2 {
		if m.Population == 0 {
			m.Population = DefaultPopulation
		}
		if m.Generations == 0 {
			m.Generations = DefaultGenerations
		}
	}
	return m
}

// validate checks a method against its spec.
func (s Spec) validateMethod() error {
	m := s.Method
	if m == nil {
		return nil
	}
	where := "study spec: method"
	switch m.Kind {
	case MethodNSGA2:
		if n := len(m.Objectives); n < 2 || n > 3 {
			return fmt.Errorf("%s nsga2: give 2 or 3 objectives, not %d (%s)", where, n, strings.Join(figureIDs(), ", "))
		}
		if m.Population < 0 || m.Population == 1 || m.Population%2 == 1 || m.Generations < 0 {
			return fmt.Errorf("%s nsga2: population must be an even number >= 2 and generations >= 1 (got %d and %d)", where, m.Population, m.Generations)
		}
	case MethodSobolIndices:
		if len(m.Objectives) == 0 {
			return fmt.Errorf("%s sobol-indices: name at least one objective (%s)", where, strings.Join(figureIDs(), ", "))
		}
		if len(m.Constraints) > 0 {
			return fmt.Errorf("%s sobol-indices: constraints belong to an optimisation; a sensitivity analysis has none", where)
		}
		if m.Samples < 0 || m.Samples == 1 {
			return fmt.Errorf("%s sobol-indices: samples must be >= 2 (got %d)", where, m.Samples)
		}
	case MethodMorris:
		if len(m.Objectives) == 0 {
			return fmt.Errorf("%s morris: name at least one objective to screen (%s)", where, strings.Join(figureIDs(), ", "))
		}
		if len(m.Constraints) > 0 {
			return fmt.Errorf("%s morris: constraints belong to an optimisation; a screening has none", where)
		}
		if m.Trajectories < 0 || m.Levels < 0 || m.Levels%2 == 1 {
			return fmt.Errorf("%s morris: trajectories must be >= 1 and levels an even number >= 2 (got %d and %d)", where, m.Trajectories, m.Levels)
		}
	default:
		return fmt.Errorf("%s: unknown kind %q (use %s, %s or %s)", where, m.Kind, MethodNSGA2, MethodMorris, MethodSobolIndices)
	}
	seen := map[string]bool{}
	for _, o := range m.Objectives {
		if !slices.Contains(figureIDs(), o) {
			return fmt.Errorf("%s: unknown objective %q (use %s)", where, o, strings.Join(figureIDs(), ", "))
		}
		if seen[o] {
			return fmt.Errorf("%s: objective %q is named twice", where, o)
		}
		seen[o] = true
	}
	for _, c := range m.Constraints {
		if !slices.Contains(figureIDs(), c.Figure) {
			return fmt.Errorf("%s: unknown constraint figure %q (use %s)", where, c.Figure, strings.Join(figureIDs(), ", "))
		}
		if !finite(c.Max) {
			return fmt.Errorf("%s: constraint on %s needs a finite max", where, c.Figure)
		}
	}
	switch m.Weather {
	case "", WeatherMean, WeatherWorst:
	default:
		return fmt.Errorf("%s: weather %q: use %s or %s", where, m.Weather, WeatherMean, WeatherWorst)
	}
	if s.Sampling.Mode != "" && s.Sampling.Mode != Factorial {
		return fmt.Errorf("%s %s chooses the variants: leave sampling out (it is %q)", where, m.Kind, s.Sampling.Mode)
	}
	return nil
}
