package study

import (
	"fmt"
	"math/rand/v2"
)

// sobolBits is the precision of the generator: points are 32-bit binary fractions, so at most
// 2^32 points exist before the sequence would repeat.
const sobolBits = 32

// joeKuo holds the direction numbers of dimensions 2 to 16 as s, a, m_1 .. m_s, copied from
// S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
// projections", SIAM J. Sci. Comput. 30 (2008) 2635-2654, file new-joe-kuo-6.21201
// (https://web.maths.unsw.edu.au/~fkuo/sobol/). Dimension 1 is the van der Corput sequence and
// needs no row. A study has four elements, so 16 dimensions leave room to spare.
var joeKuo = [][]uint32{
	{1, 0, 1},
	{2, 1, 1, 3},
	{3, 1, 1, 3, 1},
	{3, 2, 1, 1, 1},
	{4, 1, 1, 1, 3, 3},
	{4, 4, 1, 3, 5, 13},
	{5, 2, 1, 1, 5, 5, 17},
	{5, 4, 1, 1, 5, 5, 5},
	{5, 7, 1, 1, 7, 11, 19},
	{5, 11, 1, 1, 5, 1, 1},
	{5, 13, 1, 1, 1, 3, 11},
	{5, 14, 1, 3, 5, 5, 31},
	{6, 1, 1, 3, 3, 9, 7, 49},
	{6, 13, 1, 1, 1, 15, 21, 21},
	{6, 16, 1, 3, 1, 13, 27, 49},
}

// sobolMaxDims is how many dimensions the embedded direction numbers cover (joeKuo has a row
// for each but the first).
const sobolMaxDims = 16

// sobolSequence yields the points of a Sobol sequence in Gray-code order (Antonov and
// Saleev), so each point costs one XOR per dimension. With a shift, every coordinate is XORed
// with a fixed random 32-bit word (a random digital shift): the points differ from the plain
// sequence, yet every property that rests on the binary digits, such as each 2^m prefix
// filling the 2^m equal bins of a coordinate once each, still holds.
type sobolSequence struct {
	directions [][sobolBits]uint32
	shift      []uint32
	x          []uint32
	index      uint64
}

// newSobolSequence makes a dims-dimensional sequence. Seed 0 gives the plain (unscrambled)
// sequence that starts at the origin, the one tables publish; any other seed a digitally
// shifted one, the same for the same seed.
func newSobolSequence(dims int, seed int64) (*sobolSequence, error) {
	if dims < 1 || dims > sobolMaxDims {
		return nil, fmt.Errorf("sobol: %d dimensions asked, the direction numbers cover 1 to %d", dims, sobolMaxDims)
	}
	q := &sobolSequence{directions: make([][sobolBits]uint32, dims), shift: make([]uint32, dims), x: make([]uint32, dims)}
	for k := range sobolBits {
		q.directions[0][k] = 1 << (sobolBits - 1 - k) // van der Corput: v_k = 2^-k
	}
	for d := 1; d < dims; d++ {
		row := joeKuo[d-1]
		s, a, m := int(row[0]), row[1], row[2:]
		v := &q.directions[d]
		for k := 0; k < s && k < sobolBits; k++ {
			v[k] = m[k] << (sobolBits - 1 - k)
		}
		for k := s; k < sobolBits; k++ {
			v[k] = v[k-s] ^ (v[k-s] >> s)
			for j := 1; j < s; j++ {
				if (a>>(s-1-j))&1 == 1 {
					v[k] ^= v[k-j]
				}
			}
		}
	}
	if seed != 0 {
		rng := rand.New(rand.NewPCG(uint64(seed), 0x50b01))
		for d := range q.shift {
			q.shift[d] = rng.Uint32()
		}
	}
	return q, nil
}

// next returns the next point, each coordinate in [0, 1), or false once the 2^32 points of
// the 32-bit sequence are used up.
func (q *sobolSequence) next() ([]float64, bool) {
	if q.index >= 1<<sobolBits {
		return nil, false
	}
	p := make([]float64, len(q.x))
	for d, x := range q.x {
		p[d] = float64(x^q.shift[d]) / (1 << sobolBits)
	}
	// Gray code: point i+1 differs from point i by the direction number of the lowest zero
	// bit of i.
	c := 0
	for i := q.index; i&1 == 1; i >>= 1 {
		c++
	}
	if c < sobolBits {
		for d := range q.x {
			q.x[d] ^= q.directions[d][c]
		}
	}
	q.index++
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
	// A (t,s)-sequence in at most four varying dimensions (t <= 3 here) puts a point in every
	// cell of the options grid within 2^t * 4^dims * total points, so a sound generator never
	// hits this bound; a broken one fails instead of looping.
	maxDraws := uint64(1) << sobolBits
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
