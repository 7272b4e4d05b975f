package optimize

import (
	"math"
	"testing"
)

// evaluate is a test problem's objectives and violation for one decision vector.
type evaluate func(x []float64) Result

// run asks and tells gens generations and returns the optimiser.
func run(t *testing.T, p Problem, s Settings, f evaluate, gens int) *Optimizer {
	t.Helper()
	o, err := New(p, s)
	if err != nil {
		t.Fatal(err)
	}
	for range gens {
		step(t, o, f)
	}
	return o
}

// step asks one generation, checks it stays inside the problem, and tells its results.
func step(t *testing.T, o *Optimizer, f evaluate) []Candidate {
	t.Helper()
	batch := o.Ask()
	results := make([]Result, len(batch))
	for i, c := range batch {
		if err := o.checkCandidate(c); err != nil {
			t.Fatalf("generation %d candidate %d: %v", o.Generation(), i, err)
		}
		results[i] = f(c.Values)
	}
	if err := o.Tell(results); err != nil {
		t.Fatal(err)
	}
	return batch
}

func continuousVars(n int, lo, hi float64) []Var {
	vars := make([]Var, n)
	for i := range vars {
		vars[i] = Var{Min: lo, Max: hi}
	}
	return vars
}

func zdtG(x []float64) float64 {
	s := 0.0
	for _, v := range x[1:] {
		s += v
	}
	return 1 + 9*s/float64(len(x)-1)
}

func zdt1(x []float64) Result {
	g := zdtG(x)
	return Result{Objectives: []float64{x[0], g * (1 - math.Sqrt(x[0]/g))}}
}

func zdt2(x []float64) Result {
	g := zdtG(x)
	return Result{Objectives: []float64{x[0], g * (1 - (x[0]/g)*(x[0]/g))}}
}

func objectives(front []Individual) [][]float64 {
	out := make([][]float64, len(front))
	for i, ind := range front {
		out[i] = ind.Objectives
	}
	return out
}
