package study

import (
	"fmt"
	"math/rand/v2"

	"epsm/qmc"
)

// sobolSequence is the study's Sobol sequence, in Gray-code order. With a seed, every coordinate
// is XORed with a fixed random 32-bit word (a random digital shift): the points differ from the
// plain sequence, yet every property that rests on the binary digits, such as each 2^m prefix
// filling the 2^m equal bins of a coordinate once each, still holds. The shift is the study's
// own rather than qmc's scramble so that a spec with a seed keeps the variants it always had.
type sobolSequence struct {
	plain *qmc.Sobol
	shift []uint32
}

// newSobolSequence makes a dims-dimensional sequence. Seed 0 gives the plain (unscrambled)
// sequence that starts at the origin, the one tables publish; any other seed a digitally
// shifted one, the same for the same seed.
func newSobolSequence(dims int, seed int64) (*sobolSequence, error) {
	plain, err := qmc.NewSobol(dims)
	if err != nil {
		return nil, err
	}
	q := &sobolSequence{plain: plain, shift: make([]uint32, dims)}
	if seed != 0 {
		rng := rand.New(rand.NewPCG(uint64(seed), 0x50b01))
		for d := range q.shift {
			q.shift[d] = rng.Uint32()
		}
	}
	return q, nil
}

// next returns the next point, each coordinate in [0, 1), or false once the sequence's 2^32
// points are used up.
func (q *sobolSequence) next() ([]float64, bool) {
	p := make([]float64, len(q.shift))
	if !q.plain.Next(p) {
		return nil, false
	}
	for d, shift := range q.shift {
		// A coordinate is a multiple of 2^-32, so its 32 bits come back exactly.
		p[d] = float64(uint32(p[d]*(1<<32))^shift) / (1 << 32)
	}
	return p, true
}

// sobolSample takes combinations from a Sobol sequence in order, one coordinate per element
// that has more than one option (option floor(u*k) of k), until it has n distinct ones that
// are not the all-keep baseline. When n covers every such combination it returns the full
// factorial, as the Latin hypercube does. The sequence order is kept: any prefix of the
// sample is itself spread over the options.
func sobolSample(lists [][]string, cont []*Bounds, n int, seed int64) ([][]string, error) {
	total, allKeep, continuous := 1, true, false
	var varying []int
	for i, l := range lists {
		if cont[i] != nil {
			continuous, allKeep = true, false
			varying = append(varying, i)
			continue
		}
		total *= len(l)
		if len(l) > 1 {
			varying = append(varying, i)
		}
		if l[0] != Keep {
			allKeep = false
		}
	}
	space := total
	if allKeep {
		space--
	}
	if !continuous && (n >= space || len(varying) == 0) {
		return factorial(lists), nil
	}
	q, err := newSobolSequence(len(varying), seed)
	if err != nil {
		return nil, fmt.Errorf("study spec: sampling %q: %w", Sobol, err)
	}
	// A (t,s)-sequence puts a point in every cell of the options grid within about
	// 2^t * 4^dims * total points; with few discrete dimensions that bounds the search, so a
	// broken generator fails instead of looping. With many dimensions, or a continuous one (whose
	// points never repeat), only the sequence's own 2^32 points bound it.
	maxDraws := uint64(1) << 32
	if !continuous && 3+2*len(varying) < 32 {
		maxDraws = min(uint64(total)<<(3+2*len(varying)), maxDraws)
	}
	seen := map[string]bool{}
	var combos [][]string
	for draws := uint64(0); len(combos) < n; draws++ {
		u, ok := q.next()
		if !ok || draws >= maxDraws {
			return nil, fmt.Errorf("study spec: sampling %q found only %d of %d distinct combinations in %d points", Sobol, len(combos), n, draws)
		}
		combo := make([]string, len(lists))
		key := ""
		baseline := true
		for i, l := range lists {
			combo[i] = l[0]
		}
		for d, i := range varying {
			if b := cont[i]; b != nil {
				combo[i] = continuousValue(b, u[d])
				continue
			}
			j := int(u[d] * float64(len(lists[i])))
			combo[i] = lists[i][j]
		}
		for _, o := range combo {
			key += o + "\x00"
			baseline = baseline && o == Keep
		}
		if baseline || seen[key] {
			continue
		}
		seen[key] = true
		combos = append(combos, combo)
	}
	return combos, nil
}
