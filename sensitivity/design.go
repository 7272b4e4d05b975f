package sensitivity

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Factor is one input of the study. It is discrete when Options is not empty (the design gives
// the index of an option) and continuous otherwise (the design gives a value in [Min, Max]).
type Factor struct {
	Name    string   `json:"name"`
	Min     float64  `json:"min,omitempty"`
	Max     float64  `json:"max,omitempty"`
	Options []string `json:"options,omitempty"`
}

// Discrete reports whether the factor picks one of its options rather than a number.
func (f Factor) Discrete() bool { return len(f.Options) > 0 }

// value maps a level in [0,1] to the factor's own units, or to an option index. Options are
// spread evenly over [0,1] and rounded, so the mapping is symmetric and, with at most as many
// options as levels, every option is reached.
func (f Factor) value(level float64) float64 {
	if f.Discrete() {
		return math.Round(level * float64(len(f.Options)-1))
	}
	return f.Min + level*(f.Max-f.Min)
}

// Settings of a Morris design. Zero fields take the defaults.
type Settings struct {
	// Trajectories is r, the number of one-at-a-time paths; each costs k+1 runs. Default 10.
	Trajectories int `json:"trajectories"`
	// Levels is p, the number of grid levels in [0,1]; it must be even so that the step
	// delta = p/(2(p-1)) gives every level the same chance. Default 4.
	Levels int `json:"levels"`
	// Seed makes the design reproducible: the same seed gives the same design.
	Seed uint64 `json:"seed"`
}

const (
	defaultTrajectories = 10
	defaultLevels       = 4
)

// Point is one run of the design: per factor, its level in [0,1] and the value that level stands
// for (in the factor's units, or the option index of a discrete factor).
type Point struct {
	Levels []float64 `json:"levels"`
	Values []float64 `json:"values"`
}

// Design is r trajectories of k+1 points each; between two consecutive points of a trajectory
// exactly one factor moves, by +delta or -delta.
type Design struct {
	Factors      []Factor  `json:"factors"`
	Levels       int       `json:"levels"`
	Delta        float64   `json:"delta"`
	Trajectories [][]Point `json:"trajectories"`
}

// Points lists every point in run order: trajectory by trajectory. Analyse expects its outputs in
// this order.
func (d Design) Points() []Point {
	points := make([]Point, 0, len(d.Trajectories)*(len(d.Factors)+1))
	for _, trajectory := range d.Trajectories {
		points = append(points, trajectory...)
	}
	return points
}

// Delta is the Morris step in [0,1] for p levels: p/(2(p-1)), two thirds for the default p = 4.
func Delta(levels int) float64 { return float64(levels) / (2 * float64(levels-1)) }

// NewDesign lays out r Morris trajectories over the factors, deterministically for the seed.
func NewDesign(factors []Factor, settings Settings) (Design, error) {
	settings = settings.withDefaults()
	if err := validate(factors, settings); err != nil {
		return Design{}, err
	}
	rng := rand.New(rand.NewPCG(settings.Seed, settings.Seed^0x9e3779b97f4a7c15))
	k, p := len(factors), settings.Levels
	step := p / 2 // delta in grid steps
	design := Design{
		Factors:      factors,
		Levels:       p,
		Delta:        Delta(p),
		Trajectories: make([][]Point, settings.Trajectories),
	}
	grid := make([]int, k)
	for t := range design.Trajectories {
		// Morris's construction: a random base in {0, ..., 1-delta}, each factor starting at the
		// bottom or the top of its step, then moved once each in a random order.
		for i := range grid {
			grid[i] = rng.IntN(p - step)
			if rng.IntN(2) == 1 {
				grid[i] += step
			}
		}
		trajectory := make([]Point, 0, k+1)
		trajectory = append(trajectory, design.point(grid))
		for _, i := range rng.Perm(k) {
			if grid[i] < step {
				grid[i] += step
			} else {
				grid[i] -= step
			}
			trajectory = append(trajectory, design.point(grid))
		}
		design.Trajectories[t] = trajectory
	}
	return design, nil
}

func (d Design) point(grid []int) Point {
	point := Point{Levels: make([]float64, len(grid)), Values: make([]float64, len(grid))}
	for i, g := range grid {
		point.Levels[i] = float64(g) / float64(d.Levels-1)
		point.Values[i] = d.Factors[i].value(point.Levels[i])
	}
	return point
}

func (s Settings) withDefaults() Settings {
	if s.Trajectories == 0 {
		s.Trajectories = defaultTrajectories
	}
	if s.Levels == 0 {
		s.Levels = defaultLevels
	}
	return s
}

func validate(factors []Factor, settings Settings) error {
	if len(factors) == 0 {
		return errors.New("sensitivity: no factors to screen")
	}
	if settings.Trajectories < 1 {
		return fmt.Errorf("sensitivity: %d trajectories: at least 1 is needed", settings.Trajectories)
	}
	if settings.Levels < 2 || settings.Levels%2 != 0 {
		return fmt.Errorf("sensitivity: %d levels: Morris needs an even number of levels, 2 or more", settings.Levels)
	}
	return validateFactors(factors, func(f Factor) error {
		if f.Discrete() && len(f.Options) > settings.Levels {
			return fmt.Errorf("sensitivity: factor %q has %d options but the design has %d levels: some options would never be tried (use at least %d levels)",
				f.Name, len(f.Options), settings.Levels, len(f.Options)+len(f.Options)%2)
		}
		return nil
	})
}

// validateFactors checks what every design needs of its factors, then the design's own check of
// each factor (nil for none).
func validateFactors(factors []Factor, check func(Factor) error) error {
	seen := make(map[string]bool, len(factors))
	for i, f := range factors {
		switch {
		case f.Name == "":
			return fmt.Errorf("sensitivity: factor %d has no name", i+1)
		case seen[f.Name]:
			return fmt.Errorf("sensitivity: factor %q is listed twice", f.Name)
		case f.Discrete() && len(f.Options) < 2:
			return fmt.Errorf("sensitivity: factor %q has only one option: nothing to vary", f.Name)
		case !f.Discrete() && (math.IsNaN(f.Min) || math.IsNaN(f.Max) || math.IsInf(f.Min, 0) || math.IsInf(f.Max, 0)):
			return fmt.Errorf("sensitivity: factor %q has a range that is not a finite number", f.Name)
		case !f.Discrete() && !(f.Max > f.Min):
			return fmt.Errorf("sensitivity: factor %q has min %g not below max %g", f.Name, f.Min, f.Max)
		}
		if check != nil {
			if err := check(f); err != nil {
				return err
			}
		}
		seen[f.Name] = true
	}
	return nil
}
