package optimize

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// The ZDT fronts (f1 in [0,1]) and their exact hypervolumes to (1.1, 1.1): the area under
// 1.1 - f2(f1) on [0,1] plus the strip 1 < f1 < 1.1 of height 1.1.
func TestZDTHypervolumeRatio(t *testing.T) {
	const gens = 250
	cases := []struct {
		name  string
		f     evaluate
		trueH float64
	}{
		{"ZDT1", zdt1, 0.1 + 2.0/3 + 0.11},
		{"ZDT2", zdt2, 0.1 + 1.0/3 + 0.11},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := run(t, Problem{Vars: continuousVars(30, 0, 1), Objectives: 2}, Settings{PopSize: 100, Seed: 1}, c.f, gens)
			front := o.Front()
			ratio := Hypervolume(objectives(front), []float64{1.1, 1.1}) / c.trueH
			t.Logf("%s: %d generations, %d front points, hypervolume ratio %.4f", c.name, gens, len(front), ratio)
			if ratio < 0.95 {
				t.Errorf("%s: hypervolume ratio %.4f, want >= 0.95", c.name, ratio)
			}
		})
	}
}

// TNK (Tanaka 1995): the unconstrained optimum is the origin; the constraints leave a
// disconnected front on the curve x1² + x2² ≈ 1.
func tnk(x []float64) Result {
	c1 := x[0]*x[0] + x[1]*x[1] - 1 - 0.1*math.Cos(16*math.Atan2(x[0], x[1]))
	c2 := (x[0]-0.5)*(x[0]-0.5) + (x[1]-0.5)*(x[1]-0.5) - 0.5
	return Result{Objectives: []float64{x[0], x[1]}, Violation: max(0, -c1) + max(0, c2)}
}

func TestConstrainedFrontIsFeasible(t *testing.T) {
	o := run(t, Problem{Vars: continuousVars(2, 1e-9, math.Pi), Objectives: 2}, Settings{PopSize: 100, Seed: 3}, tnk, 100)
	front := o.Front()
	if len(front) < 50 {
		t.Fatalf("front has %d points, want at least 50 of a population of 100", len(front))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, ind := range front {
		if ind.Violation != 0 || tnk(ind.Values).Violation != 0 {
			t.Errorf("front point %v violates the constraints by %g", ind.Values, tnk(ind.Values).Violation)
		}
		lo, hi = min(lo, ind.Objectives[0]), max(hi, ind.Objectives[0])
	}
	// The feasible front runs from about (0.04, 1.04) to (1.04, 0.04): both ends must be found.
	if lo > 0.1 || hi < 0.95 {
		t.Errorf("front spans f1 in [%.3f, %.3f], want it to reach below 0.1 and above 0.95", lo, hi)
	}
	t.Logf("TNK: %d feasible front points, f1 in [%.3f, %.3f]", len(front), lo, hi)
}

func TestConstrainedDomination(t *testing.T) {
	cases := []struct {
		name string
		a, b Result
		want bool
	}{
		{"feasible beats infeasible with better objectives", Result{[]float64{5, 5}, 0}, Result{[]float64{1, 1}, 0.1}, true},
		{"infeasible never beats feasible", Result{[]float64{1, 1}, 0.1}, Result{[]float64{5, 5}, 0}, false},
		{"smaller violation wins", Result{[]float64{5, 5}, 0.1}, Result{[]float64{1, 1}, 0.2}, true},
		{"larger violation loses", Result{[]float64{1, 1}, 0.2}, Result{[]float64{5, 5}, 0.1}, false},
		{"equal violation: neither", Result{[]float64{1, 1}, 0.2}, Result{[]float64{5, 5}, 0.2}, false},
		{"Pareto: better in one, equal in other", Result{[]float64{1, 2}, 0}, Result{[]float64{1, 3}, 0}, true},
		{"Pareto: trade-off", Result{[]float64{1, 3}, 0}, Result{[]float64{2, 2}, 0}, false},
		{"Pareto: equal", Result{[]float64{1, 3}, 0}, Result{[]float64{1, 3}, 0}, false},
	}
	for _, c := range cases {
		if got := constrainedDominates(c.a, c.b); got != c.want {
			t.Errorf("%s: dominates = %v, want %v", c.name, got, c.want)
		}
	}
}

// A discrete-only problem: four building parts, each with a few options of (cost, energy).
// The true front is found by enumerating all 5*4*6*5 = 600 combinations.
var discreteTable = [][][2]float64{
	{{0, 40}, {3, 31}, {5, 27}, {9, 22}, {4, 35}},
	{{0, 30}, {2, 26}, {6, 21}, {7, 24}},
	{{0, 25}, {1, 24}, {4, 17}, {8, 12}, {12, 10}, {6, 20}},
	{{0, 20}, {5, 12}, {3, 16}, {10, 9}, {2, 19}},
}

func discreteCostEnergy(x []float64) Result {
	var cost, energy float64
	for part, opt := range x {
		cost += discreteTable[part][int(opt)][0]
		energy += discreteTable[part][int(opt)][1]
	}
	return Result{Objectives: []float64{cost, energy}}
}

func TestDiscreteFrontFoundEntirely(t *testing.T) {
	var vars []Var
	for _, opts := range discreteTable {
		vars = append(vars, Var{Options: len(opts)})
	}
	// Enumerate every combination; keep the non-dominated objective vectors.
	var all [][]float64
	var walk func(x []float64)
	walk = func(x []float64) {
		if len(x) == len(vars) {
			all = append(all, discreteCostEnergy(x).Objectives)
			return
		}
		for opt := range vars[len(x)].Options {
			walk(append(x, float64(opt)))
		}
	}
	walk(nil)
	trueFront := map[[2]float64]bool{}
	for _, p := range all {
		dominated := false
		for _, q := range all {
			if constrainedDominates(Result{Objectives: q}, Result{Objectives: p}) {
				dominated = true
				break
			}
		}
		if !dominated {
			trueFront[[2]float64{p[0], p[1]}] = true
		}
	}
	const pop = 40
	if len(trueFront) >= pop {
		t.Fatalf("the true front has %d points: the test needs fewer than the population %d", len(trueFront), pop)
	}
	o := run(t, Problem{Vars: vars, Objectives: 2}, Settings{PopSize: pop, Seed: 7}, discreteCostEnergy, 60)
	found := map[[2]float64]bool{}
	for _, ind := range o.Front() {
		p := [2]float64{ind.Objectives[0], ind.Objectives[1]}
		if !trueFront[p] {
			t.Errorf("front point %v (choices %v) is not on the true front", p, ind.Values)
		}
		found[p] = true
	}
	for p := range trueFront {
		if !found[p] {
			t.Errorf("true front point %v was not found", p)
		}
	}
	t.Logf("discrete: %d of %d true front points found among %d combinations", len(found), len(trueFront), len(all))
}

// mixedProblem has both kinds of variables, so determinism and resume cover both operators.
var mixedProblem = Problem{
	Vars:       append([]Var{{Name: "window", Options: 4}, {Name: "wall", Options: 3}}, continuousVars(4, -1, 2)...),
	Objectives: 3,
}

func mixedEval(x []float64) Result {
	s := x[2]*x[2] + x[3]*x[3] + x[4] + x[5]
	return Result{
		Objectives: []float64{s + x[0], (x[2]-1)*(x[2]-1) + 3 - x[0] + x[1], math.Abs(x[3]) + x[1]*x[5]},
		Violation:  max(0, x[4]+x[5]-2),
	}
}

func TestDeterministicForASeed(t *testing.T) {
	batches := func(seed uint64) [][]Candidate {
		o, err := New(mixedProblem, Settings{PopSize: 20, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		var out [][]Candidate
		for range 8 {
			out = append(out, step(t, o, mixedEval))
		}
		return out
	}
	a, b, other := batches(42), batches(42), batches(43)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with seed 42 asked for different candidates")
	}
	if reflect.DeepEqual(a, other) {
		t.Error("seeds 42 and 43 asked for the same candidates")
	}
}

// Stopping after generation k (with or without a batch asked for), saving the state as JSON,
// restoring and continuing must ask for exactly what an uninterrupted run asks for.
func TestResumeGivesSameCandidates(t *testing.T) {
	const gens, seed = 12, 9
	whole := func() [][]Candidate {
		o, err := New(mixedProblem, Settings{PopSize: 24, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		var out [][]Candidate
		for range gens {
			out = append(out, step(t, o, mixedEval))
		}
		return out
	}()
	for _, c := range []struct {
		stopAfter int
		asked     bool // state saved after Ask, before Tell
	}{{0, true}, {1, false}, {5, false}, {5, true}, {11, true}} {
		t.Run(fmt.Sprintf("stop after %d asked=%v", c.stopAfter, c.asked), func(t *testing.T) {
			o, err := New(mixedProblem, Settings{PopSize: 24, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			var got [][]Candidate
			for range c.stopAfter {
				got = append(got, step(t, o, mixedEval))
			}
			if c.asked {
				o.Ask()
			}
			saved, err := json.Marshal(o.State())
			if err != nil {
				t.Fatal(err)
			}
			var state State
			if err := json.Unmarshal(saved, &state); err != nil {
				t.Fatal(err)
			}
			o, err = Restore(state)
			if err != nil {
				t.Fatal(err)
			}
			if o.Generation() != c.stopAfter {
				t.Fatalf("restored at generation %d, want %d", o.Generation(), c.stopAfter)
			}
			for o.Generation() < gens {
				got = append(got, step(t, o, mixedEval))
			}
			for g := range whole {
				if !reflect.DeepEqual(got[g], whole[g]) {
					t.Fatalf("generation %d differs from the uninterrupted run", g)
				}
			}
		})
	}
}

func TestBadInputIsRefused(t *testing.T) {
	good := Problem{Vars: continuousVars(2, 0, 1), Objectives: 2}
	cases := []struct {
		name    string
		p       Problem
		s       Settings
		wantErr string
	}{
		{"one objective", Problem{Vars: good.Vars, Objectives: 1}, Settings{}, "1 objectives"},
		{"no variables", Problem{Objectives: 2}, Settings{}, "no variables"},
		{"empty range", Problem{Vars: []Var{{Name: "u", Min: 1, Max: 1}}, Objectives: 2}, Settings{}, `"u"`},
		{"tiny population", good, Settings{PopSize: 2}, "population size 2"},
		{"crossover > 1", good, Settings{CrossoverProb: 1.5}, "crossover probability"},
	}
	for _, c := range cases {
		_, err := New(c.p, c.s)
		if err == nil || !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("%s: error %v, want one naming %q", c.name, err, c.wantErr)
		}
	}

	o, err := New(good, Settings{PopSize: 4})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Tell(nil); err == nil {
		t.Error("Tell before Ask was accepted")
	}
	batch := o.Ask()
	bad := make([]Result, len(batch))
	for i := range bad {
		bad[i] = Result{Objectives: []float64{1, 2}}
	}
	bad[2].Objectives[1] = math.NaN()
	if err := o.Tell(bad); err == nil || !strings.Contains(err.Error(), "result 2") {
		t.Errorf("a NaN objective: error %v, want one naming result 2", err)
	}
	if err := o.Tell(bad[:3]); err == nil || !strings.Contains(err.Error(), "3 results for a batch of 4") {
		t.Errorf("a short batch: error %v", err)
	}
	if o.Generation() != 0 {
		t.Errorf("a refused Tell advanced the generation to %d", o.Generation())
	}

	state := o.State()
	state.Pending[1].Values[0] = 7
	if _, err := Restore(state); err == nil || !strings.Contains(err.Error(), "pending 1") {
		t.Errorf("a pending candidate outside its range: error %v, want one naming pending 1", err)
	}
}
