package sensitivity

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func continuous(name string, lo, hi float64) Factor { return Factor{Name: name, Min: lo, Max: hi} }

func discrete(name string, options ...string) Factor { return Factor{Name: name, Options: options} }

func TestDesignShape(t *testing.T) {
	mixed := []Factor{
		continuous("insulation", 0.05, 0.3),
		discrete("window", "keep", "double", "triple"),
		continuous("infiltration", 0.1, 1.2),
	}
	cases := []struct {
		name         string
		factors      []Factor
		settings     Settings
		trajectories int
		levels       int
		delta        float64
	}{
		{"defaults", mixed, Settings{Seed: 1}, 10, 4, 2.0 / 3},
		{"three trajectories", mixed, Settings{Trajectories: 3, Levels: 4, Seed: 2}, 3, 4, 2.0 / 3},
		{"six levels", mixed, Settings{Trajectories: 20, Levels: 6, Seed: 3}, 20, 6, 0.6},
		{"one factor on two levels", mixed[:1], Settings{Trajectories: 5, Levels: 2, Seed: 4}, 5, 2, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := NewDesign(c.factors, c.settings)
			if err != nil {
				t.Fatal(err)
			}
			k := len(c.factors)
			if len(d.Trajectories) != c.trajectories || d.Levels != c.levels || math.Abs(d.Delta-c.delta) > 1e-15 {
				t.Fatalf("design: %d trajectories, %d levels, delta %g; want %d, %d, %g",
					len(d.Trajectories), d.Levels, d.Delta, c.trajectories, c.levels, c.delta)
			}
			if got := len(d.Points()); got != c.trajectories*(k+1) {
				t.Fatalf("%d points, want %d", got, c.trajectories*(k+1))
			}
			seenLevel := make([]map[float64]bool, k)
			for i := range seenLevel {
				seenLevel[i] = map[float64]bool{}
			}
			for ti, trajectory := range d.Trajectories {
				if len(trajectory) != k+1 {
					t.Fatalf("trajectory %d: %d points, want %d", ti, len(trajectory), k+1)
				}
				for _, p := range trajectory {
					for i, level := range p.Levels {
						onGrid := level * float64(c.levels-1)
						if level < 0 || level > 1 || math.Abs(onGrid-math.Round(onGrid)) > 1e-12 {
							t.Fatalf("trajectory %d: level %g of %s is not on the %d-level grid", ti, level, c.factors[i].Name, c.levels)
						}
						seenLevel[i][level] = true
					}
				}
				moved := make([]int, k)
				for j := 1; j <= k; j++ {
					changed := 0
					for i := range k {
						diff := math.Abs(trajectory[j].Levels[i] - trajectory[j-1].Levels[i])
						if diff == 0 {
							continue
						}
						changed++
						moved[i]++
						if math.Abs(diff-c.delta) > 1e-12 {
							t.Errorf("trajectory %d step %d: %s moves by %g, want ±%g", ti, j, c.factors[i].Name, diff, c.delta)
						}
					}
					if changed != 1 {
						t.Errorf("trajectory %d step %d: %d factors move, want exactly 1", ti, j, changed)
					}
				}
				for i, n := range moved {
					if n != 1 {
						t.Errorf("trajectory %d: %s moves %d times, want once", ti, c.factors[i].Name, n)
					}
				}
			}
			// Morris's design gives every level a chance; with enough trajectories each is used.
			if c.trajectories >= 10 {
				for i, seen := range seenLevel {
					if len(seen) != c.levels {
						t.Errorf("%s: levels used %v, want all %d", c.factors[i].Name, seen, c.levels)
					}
				}
			}
		})
	}
}

func TestDesignSeed(t *testing.T) {
	factors := []Factor{continuous("a", 0, 1), continuous("b", 0, 1), discrete("c", "x", "y")}
	first, err := NewDesign(factors, Settings{Trajectories: 8, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := NewDesign(factors, Settings{Trajectories: 8, Seed: 42})
	if !reflect.DeepEqual(first, again) {
		t.Error("the same seed gave two different designs")
	}
	other, _ := NewDesign(factors, Settings{Trajectories: 8, Seed: 43})
	if reflect.DeepEqual(first.Trajectories, other.Trajectories) {
		t.Error("seeds 42 and 43 gave the same design")
	}
}

func TestDesignValues(t *testing.T) {
	cases := []struct {
		name   string
		factor Factor
		levels int
	}{
		{"two options", discrete("heating", "district", "heat pump"), 4},
		{"three options", discrete("window", "keep", "double", "triple"), 4},
		{"four options", discrete("roof", "a", "b", "c", "d"), 4},
		{"five options on six levels", discrete("wall", "a", "b", "c", "d", "e"), 6},
		{"continuous", continuous("setpoint", 18, 23), 4},
		{"negative range", continuous("offset", -3, -1), 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := NewDesign([]Factor{c.factor, continuous("other", 0, 1)}, Settings{Trajectories: 30, Levels: c.levels, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			used := map[float64]bool{}
			for _, p := range d.Points() {
				level, value := p.Levels[0], p.Values[0]
				used[value] = true
				if !c.factor.Discrete() {
					want := c.factor.Min + level*(c.factor.Max-c.factor.Min)
					if value < c.factor.Min || value > c.factor.Max || math.Abs(value-want) > 1e-12 {
						t.Fatalf("level %g gave %g, want %g in [%g, %g]", level, value, want, c.factor.Min, c.factor.Max)
					}
					continue
				}
				if value != math.Trunc(value) || value < 0 || int(value) >= len(c.factor.Options) {
					t.Fatalf("level %g gave option index %g, not one of the %d options", level, value, len(c.factor.Options))
				}
			}
			if c.factor.Discrete() && len(used) != len(c.factor.Options) {
				t.Errorf("options used %v, want all %d", used, len(c.factor.Options))
			}
		})
	}
}

func TestDesignRejects(t *testing.T) {
	ok := continuous("ok", 0, 1)
	cases := []struct {
		name     string
		factors  []Factor
		settings Settings
		want     string
	}{
		{"no factors", nil, Settings{}, "no factors"},
		{"odd levels", []Factor{ok}, Settings{Levels: 5}, "even number of levels"},
		{"negative trajectories", []Factor{ok}, Settings{Trajectories: -1}, "-1 trajectories"},
		{"unnamed", []Factor{ok, {Min: 0, Max: 1}}, Settings{}, "factor 2 has no name"},
		{"twice", []Factor{ok, ok}, Settings{}, `"ok" is listed twice`},
		{"one option", []Factor{discrete("glass", "clear")}, Settings{}, `"glass" has only one option`},
		{"options beyond levels", []Factor{discrete("wall", "a", "b", "c", "d", "e")}, Settings{}, "use at least 6 levels"},
		{"empty range", []Factor{continuous("u", 2, 2)}, Settings{}, `"u" has min 2 not below max 2`},
		{"reversed range", []Factor{continuous("u", 3, 1)}, Settings{}, `"u" has min 3 not below max 1`},
		{"NaN range", []Factor{continuous("u", math.NaN(), 1)}, Settings{}, `"u" has a range that is not a finite number`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewDesign(c.factors, c.settings)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}
