package optimize

import (
	"fmt"
	"math"
	"slices"
)

// stateVersion is bumped when State's meaning changes, so that an old saved state is refused
// rather than continued differently.
const stateVersion = 1

// State is everything an Optimizer needs to continue: plain data for encoding/json (whose
// float64 encoding round-trips exactly), so a restored optimiser asks for exactly the
// candidates the original would have.
type State struct {
	Version    int          `json:"version"`
	Problem    Problem      `json:"problem"`
	Settings   Settings     `json:"settings"`
	Generation int          `json:"generation"`
	Population []Individual `json:"population"`
	// Pending is the batch asked for but not yet told, if any; Ask after Restore returns it.
	Pending []Candidate `json:"pending,omitempty"`
	// Seen are the keys of every candidate evaluated, so a restored optimiser keeps asking for
	// new ones.
	Seen []string `json:"seen,omitempty"`
}

// State returns a copy of the optimiser's state.
func (o *Optimizer) State() State {
	s := State{
		Version:    stateVersion,
		Problem:    cloneProblem(o.problem),
		Settings:   o.settings,
		Generation: o.generation,
		Population: o.Population(),
	}
	if o.pending != nil {
		s.Pending = cloneCandidates(o.pending)
	}
	for k := range o.seen {
		s.Seen = append(s.Seen, k)
	}
	slices.Sort(s.Seen)
	return s
}

// Restore makes an optimiser from a saved State, checking that it is consistent.
func Restore(s State) (*Optimizer, error) {
	if s.Version != stateVersion {
		return nil, fmt.Errorf("optimize: saved state version %d, this build reads %d", s.Version, stateVersion)
	}
	o, err := New(s.Problem, s.Settings)
	if err != nil {
		return nil, fmt.Errorf("optimize: saved state: %w", err)
	}
	if s.Generation < 0 || (s.Generation == 0) != (len(s.Population) == 0) {
		return nil, fmt.Errorf("optimize: saved state: generation %d with %d evaluated candidates", s.Generation, len(s.Population))
	}
	for i, ind := range s.Population {
		if err := o.checkCandidate(ind.Candidate); err != nil {
			return nil, fmt.Errorf("optimize: saved state: population %d: %w", i, err)
		}
		if err := o.checkResult(ind.Result); err != nil {
			return nil, fmt.Errorf("optimize: saved state: population %d: %w", i, err)
		}
	}
	for i, c := range s.Pending {
		if err := o.checkCandidate(c); err != nil {
			return nil, fmt.Errorf("optimize: saved state: pending %d: %w", i, err)
		}
	}
	o.generation = s.Generation
	for _, ind := range s.Population {
		o.population = append(o.population, cloneIndividual(ind))
	}
	if len(s.Pending) > 0 {
		o.pending = cloneCandidates(s.Pending)
	}
	for _, k := range s.Seen {
		o.seen[k] = true
	}
	for _, ind := range o.population {
		o.seen[ind.Key()] = true
	}
	o.rank, o.crowding = rankAndCrowding(o.population)
	return o, nil
}

func (o *Optimizer) checkCandidate(c Candidate) error {
	if len(c.Values) != len(o.problem.Vars) {
		return fmt.Errorf("%d values for %d variables", len(c.Values), len(o.problem.Vars))
	}
	for j, v := range o.problem.Vars {
		x := c.Values[j]
		switch {
		case v.Discrete() && (x != math.Trunc(x) || x < 0 || x >= float64(v.Options)):
			return fmt.Errorf("variable %d (%q): %g is not an option index below %d", j, v.Name, x, v.Options)
		case !v.Discrete() && !(x >= v.Min && x <= v.Max):
			return fmt.Errorf("variable %d (%q): %g is outside [%g, %g]", j, v.Name, x, v.Min, v.Max)
		}
	}
	return nil
}
