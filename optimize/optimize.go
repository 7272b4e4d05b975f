package optimize

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Var is one decision variable: discrete when Options > 0 (a value is an index in
// [0, Options)), continuous otherwise (a value in [Min, Max]).
type Var struct {
	Name    string  `json:"name"`
	Options int     `json:"options,omitempty"`
	Min     float64 `json:"min,omitempty"`
	Max     float64 `json:"max,omitempty"`
}

// Discrete reports whether v is a choice among options.
func (v Var) Discrete() bool { return v.Options > 0 }

// Problem is what is optimised: the variables and how many objectives (2 or 3) each
// candidate's result carries. All objectives are minimised.
type Problem struct {
	Vars       []Var `json:"vars"`
	Objectives int   `json:"objectives"`
}

// Settings tune the search. Zero fields take the defaults of Deb et al.: population 100,
// crossover probability 0.9, mutation probability 1/len(Vars) per variable, distribution
// indices 20 for SBX and for polynomial mutation.
type Settings struct {
	PopSize       int     `json:"popSize"`
	Seed          uint64  `json:"seed"`
	CrossoverProb float64 `json:"crossoverProb"`
	MutationProb  float64 `json:"mutationProb"`
	EtaCrossover  float64 `json:"etaCrossover"`
	EtaMutation   float64 `json:"etaMutation"`
}

// Candidate is one decision vector, in the order of Problem.Vars. A discrete variable's value
// is a whole number, the index of its option (see Index).
type Candidate struct {
	Values []float64 `json:"values"`
}

// Index is the option chosen for discrete variable i.
func (c Candidate) Index(i int) int { return int(c.Values[i]) }

// Key identifies the candidate exactly (two candidates with the same Key are the same
// variant), for the caller's cache of evaluated candidates.
func (c Candidate) Key() string {
	parts := make([]string, len(c.Values))
	for i, v := range c.Values {
		parts[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strings.Join(parts, ",")
}

// Result is a candidate's evaluation: its objective values and its constraint violation
// (0 when feasible, larger the further it is from feasible). A failed evaluation is best told
// as a large violation so that it loses every comparison without stopping the search.
type Result struct {
	Objectives []float64 `json:"objectives"`
	Violation  float64   `json:"violation"`
}

// Individual is an evaluated candidate.
type Individual struct {
	Candidate
	Result
}

// Optimizer runs NSGA-II one generation at a time. It is not safe for concurrent use.
type Optimizer struct {
	problem    Problem
	settings   Settings
	generation int
	population []Individual
	pending    []Candidate
	// seen holds the keys of every candidate evaluated so far: each costs a simulation, so a
	// batch asks for new points while the space has them (duplicates are remade, see distinct).
	seen map[string]bool

	// rank and crowding of population, recomputed from it after each Tell and on Restore.
	rank     []int
	crowding []float64
}

// New validates the problem and settings and returns an optimiser at generation 0.
func New(p Problem, s Settings) (*Optimizer, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	s = s.withDefaults(len(p.Vars))
	if err := s.validate(); err != nil {
		return nil, err
	}
	return &Optimizer{problem: cloneProblem(p), settings: s, seen: map[string]bool{}}, nil
}

func (p Problem) validate() error {
	if p.Objectives != 2 && p.Objectives != 3 {
		return fmt.Errorf("optimize: %d objectives: only 2 or 3 are supported", p.Objectives)
	}
	if len(p.Vars) == 0 {
		return errors.New("optimize: the problem has no variables")
	}
	for i, v := range p.Vars {
		switch {
		case v.Options < 0:
			return fmt.Errorf("optimize: variable %d (%q): %d options", i, v.Name, v.Options)
		case v.Discrete():
		case math.IsNaN(v.Min) || math.IsNaN(v.Max) || math.IsInf(v.Min, 0) || math.IsInf(v.Max, 0) || !(v.Min < v.Max):
			return fmt.Errorf("optimize: variable %d (%q): the range [%g, %g] is empty or not finite", i, v.Name, v.Min, v.Max)
		}
	}
	return nil
}

func (s Settings) withDefaults(nVars int) Settings {
	if s.PopSize == 0 {
		s.PopSize = 100
	}
	if s.CrossoverProb == 0 {
		s.CrossoverProb = 0.9
	}
	if s.MutationProb == 0 {
		s.MutationProb = 1 / float64(nVars)
	}
	if s.EtaCrossover == 0 {
		s.EtaCrossover = 20
	}
	if s.EtaMutation == 0 {
		s.EtaMutation = 20
	}
	return s
}

func (s Settings) validate() error {
	switch {
	case s.PopSize < 4:
		return fmt.Errorf("optimize: population size %d: at least 4 are needed", s.PopSize)
	case !(s.CrossoverProb >= 0 && s.CrossoverProb <= 1):
		return fmt.Errorf("optimize: crossover probability %g is not in [0, 1]", s.CrossoverProb)
	case !(s.MutationProb >= 0 && s.MutationProb <= 1):
		return fmt.Errorf("optimize: mutation probability %g is not in [0, 1]", s.MutationProb)
	case !(s.EtaCrossover > 0) || !(s.EtaMutation > 0):
		return fmt.Errorf("optimize: distribution indices must be positive (crossover %g, mutation %g)", s.EtaCrossover, s.EtaMutation)
	}
	return nil
}

// Generation is how many generations have been evaluated (told).
func (o *Optimizer) Generation() int { return o.generation }

// Ask returns the candidates of the next generation: a random population at first, then
// offspring of the current population. Asking again before Tell returns the same batch.
func (o *Optimizer) Ask() []Candidate {
	if o.pending == nil {
		rng := rand.New(rand.NewPCG(o.settings.Seed, uint64(o.generation)))
		if o.generation == 0 {
			o.pending = o.randomPopulation(rng)
		} else {
			o.pending = o.offspring(rng)
		}
		o.distinct(rng, o.pending)
	}
	return cloneCandidates(o.pending)
}

// maxRemakes bounds the mutations tried to turn a repeated candidate into a new one; in a
// small discrete space that has been searched through, the repeat is kept.
const maxRemakes = 100

// distinct remakes, by mutating one variable at a time, each candidate of the batch that was
// evaluated before or repeats an earlier one of the batch (as pymoo's duplicate elimination
// does): with a budget of a few dozen simulations, a repeated point is a wasted one.
func (o *Optimizer) distinct(rng *rand.Rand, batch []Candidate) {
	inBatch := map[string]bool{}
	for i := range batch {
		for try := 0; try < maxRemakes && (o.seen[batch[i].Key()] || inBatch[batch[i].Key()]); try++ {
			j := rng.IntN(len(o.problem.Vars))
			o.mutateVar(rng, batch[i].Values, j)
		}
		inBatch[batch[i].Key()] = true
	}
}

// Tell gives the results of the batch last returned by Ask, in the same order, and makes the
// survivors the current population.
func (o *Optimizer) Tell(results []Result) error {
	if o.pending == nil {
		return errors.New("optimize: Tell without a pending batch: call Ask first")
	}
	if len(results) != len(o.pending) {
		return fmt.Errorf("optimize: %d results for a batch of %d candidates", len(results), len(o.pending))
	}
	evaluated := make([]Individual, len(results))
	for i, r := range results {
		if err := o.checkResult(r); err != nil {
			return fmt.Errorf("optimize: result %d: %w", i, err)
		}
		evaluated[i] = Individual{Candidate: o.pending[i], Result: cloneResult(r)}
		o.seen[o.pending[i].Key()] = true
	}
	o.population = survivors(uniqueIndividuals(append(o.population, evaluated...)), o.settings.PopSize)
	o.pending = nil
	o.generation++
	o.rank, o.crowding = rankAndCrowding(o.population)
	return nil
}

func (o *Optimizer) checkResult(r Result) error {
	if len(r.Objectives) != o.problem.Objectives {
		return fmt.Errorf("%d objective values, the problem has %d", len(r.Objectives), o.problem.Objectives)
	}
	for j, f := range r.Objectives {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("objective %d is %g: tell a failed evaluation as a large violation", j, f)
		}
	}
	if math.IsNaN(r.Violation) || math.IsInf(r.Violation, 0) || r.Violation < 0 {
		return fmt.Errorf("violation %g: it must be finite and >= 0", r.Violation)
	}
	return nil
}

// Front returns the current population's first front under constrained domination, without
// repeated candidates: the feasible non-dominated set once any candidate is feasible, else the
// least infeasible candidates (check Violation). It is empty before the first Tell.
func (o *Optimizer) Front() []Individual {
	var front []Individual
	seen := map[string]bool{}
	for i, ind := range o.population {
		if o.rank[i] != 0 || seen[ind.Key()] {
			continue
		}
		seen[ind.Key()] = true
		front = append(front, cloneIndividual(ind))
	}
	return front
}

// Population returns the current (evaluated) population.
func (o *Optimizer) Population() []Individual {
	out := make([]Individual, len(o.population))
	for i, ind := range o.population {
		out[i] = cloneIndividual(ind)
	}
	return out
}

// randomPopulation spreads the first generation as a Latin hypercube: each discrete
// variable's options appear as evenly as the population allows, each continuous variable has
// one point in each of PopSize equal strata; the columns are paired at random.
func (o *Optimizer) randomPopulation(rng *rand.Rand) []Candidate {
	n := o.settings.PopSize
	pop := make([]Candidate, n)
	for i := range pop {
		pop[i] = Candidate{Values: make([]float64, len(o.problem.Vars))}
	}
	for j, v := range o.problem.Vars {
		col := make([]float64, n)
		for i := range col {
			if v.Discrete() {
				col[i] = float64(i * v.Options / n)
			} else {
				col[i] = v.Min + (float64(i)+rng.Float64())/float64(n)*(v.Max-v.Min)
			}
		}
		rng.Shuffle(n, func(a, b int) { col[a], col[b] = col[b], col[a] })
		for i := range pop {
			pop[i].Values[j] = col[i]
		}
	}
	return pop
}

// uniqueIndividuals drops repeats of a candidate (told twice over the generations), keeping the
// first: copies in the population would crowd out distinct points.
func uniqueIndividuals(pop []Individual) []Individual {
	seen := map[string]bool{}
	out := pop[:0:0]
	for _, ind := range pop {
		if k := ind.Key(); !seen[k] {
			seen[k] = true
			out = append(out, ind)
		}
	}
	return out
}

// offspring makes PopSize children by binary tournament, crossover and mutation.
func (o *Optimizer) offspring(rng *rand.Rand) []Candidate {
	kids := make([]Candidate, 0, o.settings.PopSize+1)
	for len(kids) < o.settings.PopSize {
		a := o.population[o.tournament(rng)].Values
		b := o.population[o.tournament(rng)].Values
		c1, c2 := slices.Clone(a), slices.Clone(b)
		if rng.Float64() < o.settings.CrossoverProb {
			o.crossover(rng, c1, c2)
		}
		o.mutate(rng, c1)
		o.mutate(rng, c2)
		kids = append(kids, Candidate{Values: c1}, Candidate{Values: c2})
	}
	return kids[:o.settings.PopSize]
}

// tournament picks two members at random and returns the better by rank, then by crowding
// distance (Deb's crowded-comparison operator); a tie goes to the first.
func (o *Optimizer) tournament(rng *rand.Rand) int {
	i, j := rng.IntN(len(o.population)), rng.IntN(len(o.population))
	switch {
	case o.rank[j] < o.rank[i]:
		return j
	case o.rank[j] == o.rank[i] && o.crowding[j] > o.crowding[i]:
		return j
	}
	return i
}

func (o *Optimizer) crossover(rng *rand.Rand, c1, c2 []float64) {
	for j, v := range o.problem.Vars {
		// Each variable is exchanged with probability 1/2, as in Deb's reference code.
		if rng.Float64() >= 0.5 {
			continue
		}
		if v.Discrete() {
			c1[j], c2[j] = c2[j], c1[j]
			continue
		}
		c1[j], c2[j] = sbx(rng, c1[j], c2[j], v.Min, v.Max, o.settings.EtaCrossover)
	}
}

func (o *Optimizer) mutate(rng *rand.Rand, x []float64) {
	for j := range o.problem.Vars {
		if rng.Float64() < o.settings.MutationProb {
			o.mutateVar(rng, x, j)
		}
	}
}

// mutateVar changes variable j: a discrete one to another of its options (a reset to the
// same option would be no mutation), a continuous one by polynomial mutation.
func (o *Optimizer) mutateVar(rng *rand.Rand, x []float64, j int) {
	v := o.problem.Vars[j]
	switch {
	case v.Discrete() && v.Options > 1:
		x[j] = float64((int(x[j]) + 1 + rng.IntN(v.Options-1)) % v.Options)
	case !v.Discrete():
		x[j] = polynomialMutation(rng, x[j], v.Min, v.Max, o.settings.EtaMutation)
	}
}

func cloneProblem(p Problem) Problem {
	p.Vars = slices.Clone(p.Vars)
	return p
}

func cloneResult(r Result) Result {
	r.Objectives = slices.Clone(r.Objectives)
	return r
}

func cloneIndividual(ind Individual) Individual {
	return Individual{Candidate: Candidate{Values: slices.Clone(ind.Values)}, Result: cloneResult(ind.Result)}
}

func cloneCandidates(cs []Candidate) []Candidate {
	out := make([]Candidate, len(cs))
	for i, c := range cs {
		out[i] = Candidate{Values: slices.Clone(c.Values)}
	}
	return out
}
