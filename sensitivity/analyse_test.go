package sensitivity

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// run evaluates f at every point of the design, in run order, as the queue will.
func run(d Design, f func(p Point) float64) []float64 {
	points := d.Points()
	out := make([]float64, len(points))
	for i, p := range points {
		out[i] = f(p)
	}
	return out
}

func mustDesign(t *testing.T, factors []Factor, s Settings) Design {
	t.Helper()
	d, err := NewDesign(factors, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustAnalyse(t *testing.T, d Design, outputs []float64) []Effect {
	t.Helper()
	effects, err := Analyse(d, outputs)
	if err != nil {
		t.Fatal(err)
	}
	return effects
}

func names(effects []Effect) []string {
	out := make([]string, len(effects))
	for i, e := range effects {
		out[i] = e.Factor
	}
	return out
}

func unitFactors(n int) []Factor {
	factors := make([]Factor, n)
	for i := range factors {
		factors[i] = continuous("x"+string(rune('1'+i)), 0, 1)
	}
	return factors
}

// A linear output has the same elementary effect everywhere: mu* is the coefficient times the
// factor's range, mu carries its sign, and sigma is zero.
func TestAnalyseLinear(t *testing.T) {
	factors := []Factor{continuous("insulation", 0.05, 0.3), continuous("setpoint", 18, 23), continuous("unit", 0, 1)}
	coefficients := []float64{-400, 12.5, 3}
	for _, s := range []Settings{{Trajectories: 5, Seed: 1}, {Trajectories: 12, Levels: 6, Seed: 9}, {Trajectories: 3, Levels: 2, Seed: 4}} {
		d := mustDesign(t, factors, s)
		effects := mustAnalyse(t, d, run(d, func(p Point) float64 {
			y := 100.0
			for i, c := range coefficients {
				y += c * p.Values[i]
			}
			return y
		}))
		for i, e := range effects {
			want := coefficients[i] * (factors[i].Max - factors[i].Min)
			if math.Abs(e.Mu-want) > 1e-9 || math.Abs(e.MuStar-math.Abs(want)) > 1e-9 || e.Sigma > 1e-9 {
				t.Errorf("levels %d, %s: mu %g, mu* %g, sigma %g; want %g, %g, 0", d.Levels, e.Factor, e.Mu, e.MuStar, e.Sigma, want, math.Abs(want))
			}
			if e.Effects != len(d.Trajectories) || e.Dropped != 0 {
				t.Errorf("%s: %d effects, %d dropped; want %d, 0", e.Factor, e.Effects, e.Dropped, len(d.Trajectories))
			}
		}
	}
}

// y = 10 x1 + 5 x2 + 0 x3 + 2 x4² + 4 x1 x2: x1's effect is 10 + 4 x2, x2's 5 + 4 x1, x4's depends
// on x4, x3 has none.
func TestAnalyseNonlinear(t *testing.T) {
	f := func(p Point) float64 {
		x := p.Values
		return 10*x[0] + 5*x[1] + 0*x[2] + 2*x[3]*x[3] + 4*x[0]*x[1]
	}
	for _, seed := range []uint64{1, 2, 3, 2026} {
		d := mustDesign(t, unitFactors(4), Settings{Trajectories: 20, Seed: seed})
		effects := mustAnalyse(t, d, run(d, f))
		if got, want := names(Ranked(effects)), []string{"x1", "x2", "x4", "x3"}; !slices.Equal(got, want) {
			t.Errorf("seed %d: ranking %v, want %v", seed, got, want)
		}
		bounds := map[string][2]float64{"x1": {10, 14}, "x2": {5, 9}, "x4": {4.0 / 3, 8.0 / 3}}
		for _, e := range effects {
			if e.Factor == "x3" {
				if e.MuStar != 0 || e.Mu != 0 || e.Sigma != 0 {
					t.Errorf("seed %d: inert x3 has mu %g, mu* %g, sigma %g; want all 0", seed, e.Mu, e.MuStar, e.Sigma)
				}
				continue
			}
			b := bounds[e.Factor]
			if e.MuStar < b[0] || e.MuStar > b[1] || !(e.Sigma > 0) {
				t.Errorf("seed %d: %s has mu* %g (want in [%g, %g]) and sigma %g (want > 0)", seed, e.Factor, e.MuStar, b[0], b[1], e.Sigma)
			}
		}
	}
}

// Sobol's g-function: the smaller a_i, the more the factor matters; every effect depends on the
// other factors, so sigma is positive, and mu is zero-ish because |4x-2| falls then rises.
func TestAnalyseSobolG(t *testing.T) {
	a := []float64{0, 1, 4.5, 9, 99}
	g := func(p Point) float64 {
		y := 1.0
		for i, x := range p.Levels {
			y *= (math.Abs(4*x-2) + a[i]) / (1 + a[i])
		}
		return y
	}
	for _, s := range []Settings{{Trajectories: 10, Seed: 5}, {Trajectories: 20, Levels: 6, Seed: 6}} {
		d := mustDesign(t, unitFactors(len(a)), s)
		effects := mustAnalyse(t, d, run(d, g))
		if got, want := names(Ranked(effects)), []string{"x1", "x2", "x3", "x4", "x5"}; !slices.Equal(got, want) {
			t.Errorf("levels %d: ranking %v, want %v", d.Levels, got, want)
		}
		for _, e := range effects {
			if !(e.Sigma > 0) || math.Abs(e.Mu) >= e.MuStar {
				t.Errorf("levels %d: %s has mu %g, mu* %g, sigma %g; want |mu| < mu* and sigma > 0", d.Levels, e.Factor, e.Mu, e.MuStar, e.Sigma)
			}
		}
	}
}

func TestAnalyseDiscrete(t *testing.T) {
	// Three options on four levels: levels 0, 1/3, 2/3, 1 stand for options 0, 1, 1, 2, so every
	// move by delta = 2/3 crosses one option, and an output that rises by 30 per option has
	// effects of 30/delta = 45.
	factors := []Factor{discrete("window", "keep", "double", "triple"), continuous("unit", 0, 1)}
	d := mustDesign(t, factors, Settings{Trajectories: 10, Seed: 8})
	effects := mustAnalyse(t, d, run(d, func(p Point) float64 { return 30 * p.Values[0] }))
	if e := effects[0]; math.Abs(e.MuStar-45) > 1e-9 || e.Sigma > 1e-9 || e.Effects != 10 {
		t.Errorf("window: mu* %g, sigma %g from %d effects; want 45, 0 from 10", e.MuStar, e.Sigma, e.Effects)
	}
	if e := effects[1]; e.MuStar != 0 {
		t.Errorf("unit does not enter the output but has mu* %g", e.MuStar)
	}
}

func TestAnalyseMissingOutputs(t *testing.T) {
	factors := unitFactors(3)
	d := mustDesign(t, factors, Settings{Trajectories: 4, Seed: 11})
	k := len(factors)
	// movedAt says which factor moves into point j of trajectory t, read from the levels.
	movedAt := func(t, j int) int {
		for i := range k {
			if d.Trajectories[t][j].Levels[i] != d.Trajectories[t][j-1].Levels[i] {
				return i
			}
		}
		return -1
	}
	coefficients := []float64{7, -2, 0.5}
	linear := func(p Point) float64 {
		return coefficients[0]*p.Levels[0] + coefficients[1]*p.Levels[1] + coefficients[2]*p.Levels[2]
	}
	cases := []struct {
		name    string
		missing [][2]int // trajectory, point
		dropped func() []int
	}{
		{"none", nil, func() []int { return []int{0, 0, 0} }},
		{"first point", [][2]int{{0, 0}}, func() []int {
			drop := make([]int, k)
			drop[movedAt(0, 1)]++
			return drop
		}},
		{"middle point", [][2]int{{2, 1}}, func() []int {
			drop := make([]int, k)
			drop[movedAt(2, 1)]++
			drop[movedAt(2, 2)]++
			return drop
		}},
		{"last point", [][2]int{{3, k}}, func() []int {
			drop := make([]int, k)
			drop[movedAt(3, k)]++
			return drop
		}},
		{"two neighbours drop one effect each side and the one between once", [][2]int{{1, 1}, {1, 2}}, func() []int {
			drop := make([]int, k)
			drop[movedAt(1, 1)]++
			drop[movedAt(1, 2)]++
			drop[movedAt(1, 3)]++
			return drop
		}},
		{"whole trajectory", [][2]int{{0, 0}, {0, 1}, {0, 2}, {0, 3}}, func() []int { return []int{1, 1, 1} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			outputs := run(d, linear)
			for _, m := range c.missing {
				outputs[m[0]*(k+1)+m[1]] = math.NaN()
			}
			effects := mustAnalyse(t, d, outputs)
			want := c.dropped()
			for i, e := range effects {
				if e.Dropped != want[i] || e.Effects+e.Dropped != len(d.Trajectories) {
					t.Errorf("%s: %d dropped, %d kept; want %d dropped of %d", e.Factor, e.Dropped, e.Effects, want[i], len(d.Trajectories))
				}
				// The effects that remain are still right.
				if math.Abs(e.MuStar-math.Abs(coefficients[i])) > 1e-9 {
					t.Errorf("%s: mu* %g after dropping, want %g", e.Factor, e.MuStar, math.Abs(coefficients[i]))
				}
			}
		})
	}

	t.Run("infinite output is missing too", func(t *testing.T) {
		outputs := run(d, linear)
		outputs[0] = math.Inf(1)
		effects := mustAnalyse(t, d, outputs)
		if e := effects[movedAt(0, 1)]; e.Dropped != 1 {
			t.Errorf("%s: %d dropped for an infinite output, want 1", e.Factor, e.Dropped)
		}
	})
	t.Run("every run failed", func(t *testing.T) {
		outputs := run(d, func(Point) float64 { return math.NaN() })
		for _, e := range mustAnalyse(t, d, outputs) {
			if e.Effects != 0 || e.Dropped != 4 || !math.IsNaN(e.MuStar) {
				t.Errorf("%s: %d effects, %d dropped, mu* %g; want 0, 4, NaN", e.Factor, e.Effects, e.Dropped, e.MuStar)
			}
		}
	})
}

func TestAnalyseRejects(t *testing.T) {
	d := mustDesign(t, unitFactors(2), Settings{Trajectories: 2, Seed: 1})
	tampered := mustDesign(t, unitFactors(2), Settings{Trajectories: 2, Seed: 1})
	tampered.Trajectories[1][1].Levels = slices.Clone(tampered.Trajectories[1][2].Levels)
	cases := []struct {
		name    string
		design  Design
		outputs []float64
		want    string
	}{
		{"too few outputs", d, make([]float64, 5), "5 outputs for a design of 6 runs"},
		{"too many outputs", d, make([]float64, 7), "7 outputs for a design of 6 runs"},
		{"not one at a time", tampered, make([]float64, 6), "trajectory 2, step"},
		{"no levels", Design{Factors: d.Factors}, nil, "not a Morris design"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Analyse(c.design, c.outputs)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}
