package sensitivity

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"epsm/qmc"
)

// SobolSettings of a variance-based design. Zero fields take the defaults.
type SobolSettings struct {
	// N is the number of base samples; the design costs N(k+2) runs (SobolRuns). Powers of two
	// spread the points most evenly. Default 64.
	N int `json:"n"`
	// Seed makes the design, and the bootstrap of its analysis, reproducible.
	Seed uint64 `json:"seed"`
}

const (
	defaultSobolN = 64
	// maxSobolN is far beyond any budget of simulation runs; it keeps a typing slip from
	// allocating gigabytes.
	maxSobolN = 1 << 20
	// minSobolRows is the fewest complete base rows an index is estimated from: with fewer, the
	// estimate and its bootstrap say nothing.
	minSobolRows = 4
	// SobolResamples is how many bootstrap resamples of the base rows give the confidence intervals.
	SobolResamples = 200
	// SobolConfidence is the level of the confidence intervals.
	SobolConfidence = 0.95
)

// SobolRuns is what a variance-based design costs: n base samples of k factors take n(k+2) runs.
func SobolRuns(k, n int) int { return n * (k + 2) }

// SobolDesign is Saltelli's sampling scheme: two independent base samples A and B of N rows, one
// level in [0,1) per factor, and for each factor i the matrix AB_i, A with column i taken from B.
// Only A and B are stored; Points derives the rest.
type SobolDesign struct {
	Factors []Factor    `json:"factors"`
	Seed    uint64      `json:"seed"`
	A       [][]float64 `json:"a"`
	B       [][]float64 `json:"b"`
}

// N is the number of base samples.
func (d SobolDesign) N() int { return len(d.A) }

// NewSobolDesign lays out a variance-based design, deterministically for the seed. A and B are the
// first k and the last k coordinates of a scrambled Sobol' sequence in 2k dimensions: a
// quasi-random sequence covers the factor space more evenly than random points, so the indices
// converge faster than with plain Monte Carlo, and the scramble keeps the bootstrap's resampling of
// rows meaningful.
func NewSobolDesign(factors []Factor, settings SobolSettings) (SobolDesign, error) {
	if settings.N == 0 {
		settings.N = defaultSobolN
	}
	switch {
	case len(factors) == 0:
		return SobolDesign{}, errors.New("sensitivity: no factors to analyse")
	case settings.N < 2:
		return SobolDesign{}, fmt.Errorf("sensitivity: %d base samples: variance-based indices need at least 2 (default %d)", settings.N, defaultSobolN)
	case settings.N > maxSobolN:
		return SobolDesign{}, fmt.Errorf("sensitivity: %d base samples: at most %d", settings.N, maxSobolN)
	case 2*len(factors) > qmc.MaxDims:
		return SobolDesign{}, fmt.Errorf("sensitivity: %d factors: variance-based indices support at most %d", len(factors), qmc.MaxDims/2)
	}
	if err := validateFactors(factors, nil); err != nil {
		return SobolDesign{}, err
	}
	k := len(factors)
	rng := rand.New(rand.NewPCG(settings.Seed, settings.Seed^0x5851f42d4c957f2d))
	sequence, err := qmc.NewScrambledSobol(2*k, rng)
	if err != nil {
		return SobolDesign{}, fmt.Errorf("sensitivity: %w", err)
	}
	design := SobolDesign{Factors: factors, Seed: settings.Seed, A: make([][]float64, settings.N), B: make([][]float64, settings.N)}
	for row := range settings.N {
		levels := make([]float64, 2*k)
		sequence.Point(uint32(row), levels)
		design.A[row], design.B[row] = levels[:k:k], levels[k:]
	}
	return design, nil
}

// Points lists every point in run order: the N rows of A, the N rows of B, then AB_1 ... AB_k.
// AnalyseSobol expects its outputs in this order.
func (d SobolDesign) Points() []Point {
	n, k := d.N(), len(d.Factors)
	points := make([]Point, 0, SobolRuns(k, n))
	for _, levels := range d.A {
		points = append(points, d.point(levels))
	}
	for _, levels := range d.B {
		points = append(points, d.point(levels))
	}
	for i := range k {
		for row, a := range d.A {
			levels := append([]float64(nil), a...)
			levels[i] = d.B[row][i]
			points = append(points, d.point(levels))
		}
	}
	return points
}

func (d SobolDesign) point(levels []float64) Point {
	p := Point{Levels: levels, Values: make([]float64, len(levels))}
	for i, level := range levels {
		p.Values[i] = d.Factors[i].sampleValue(level)
	}
	return p
}

// sampleValue maps a uniform level in [0,1) to the factor's units, or to an option index. Unlike
// Morris's grid (value), a sample is not on levels chosen to hit every option, so options take
// equal bins of [0,1): each is equally likely and the variance shares are those of a uniform
// choice among the options.
func (f Factor) sampleValue(level float64) float64 {
	if f.Discrete() {
		return math.Min(math.Floor(level*float64(len(f.Options))), float64(len(f.Options)-1))
	}
	return f.Min + level*(f.Max-f.Min)
}

// SobolIndex is what the variance decomposition says about one factor.
type SobolIndex struct {
	Factor string `json:"factor"`
	// S1 is the first-order index: the share of the output's variance the factor causes alone.
	S1 float64 `json:"s1"`
	// ST is the total index: the share the factor takes part in, alone or with others. ST - S1 is
	// its share in interactions; ST near 0 means the factor can be fixed anywhere in its range.
	ST float64 `json:"st"`
	// S1Conf and STConf are the half-widths of the 95 % bootstrap confidence intervals.
	S1Conf float64 `json:"s1Conf"`
	STConf float64 `json:"stConf"`
	// Rows is how many base rows went into the figures; Dropped how many could not be used
	// because a run they need (in A, B or AB_i) has no output. With fewer than 4 rows the figures
	// are NaN.
	Rows    int `json:"rows"`
	Dropped int `json:"dropped"`
}

// AnalyseSobol estimates each factor's first-order and total index from the outputs of the
// design's points, given in the order of SobolDesign.Points. The first-order index uses Saltelli
// et al.'s (2010) estimator mean(f(B)(f(AB_i) - f(A))) / V and the total index Jansen's (1999)
// mean((f(A) - f(AB_i))^2) / 2V, with V the variance of f over A and B together; outputs are
// centred on their mean first, which leaves the indices' expectations alone and keeps a large
// mean (typical of energy use) from swamping the first-order estimate with noise.
//
// A missing output (NaN or infinite: a failed run) drops its base row from the factors that need
// it: a point of A or B from every factor, a point of AB_i from factor i only.
//
// The confidence intervals come from SobolResamples bootstrap resamples of the usable rows, seeded
// by the design's seed so the same outputs always give the same intervals. They treat the rows as
// independent, which the quasi-random rows are not, so they tend to be wider than the real error.
func AnalyseSobol(d SobolDesign, outputs []float64) ([]SobolIndex, error) {
	n, k := d.N(), len(d.Factors)
	switch {
	case k == 0:
		return nil, errors.New("sensitivity: the design has no factors")
	case n == 0 || len(d.B) != n:
		return nil, fmt.Errorf("sensitivity: the design has %d rows in A and %d in B: not a variance-based design", n, len(d.B))
	case len(outputs) != SobolRuns(k, n):
		return nil, fmt.Errorf("sensitivity: %d outputs for a design of %d runs", len(outputs), SobolRuns(k, n))
	}
	for row := range n {
		if len(d.A[row]) != k || len(d.B[row]) != k {
			return nil, fmt.Errorf("sensitivity: row %d of the design has %d and %d levels for %d factors", row+1, len(d.A[row]), len(d.B[row]), k)
		}
	}
	yA, yB := outputs[:n], outputs[n:2*n]
	indices := make([]SobolIndex, k)
	for i, f := range d.Factors {
		yAB := outputs[(2+i)*n : (3+i)*n]
		var rows []int
		for row := range n {
			if finite(yA[row]) && finite(yB[row]) && finite(yAB[row]) {
				rows = append(rows, row)
			}
		}
		samples := sobolSamples{a: yA, b: yB, ab: yAB}
		rng := rand.New(rand.NewPCG(d.Seed, 0xb0075b0075+uint64(i)))
		indices[i] = samples.index(rows, rng)
		indices[i].Factor = f.Name
		indices[i].Dropped = n - len(rows)
	}
	return indices, nil
}

// sobolSamples are the outputs of A, B and AB_i for one factor, by base row.
type sobolSamples struct{ a, b, ab []float64 }

func (s sobolSamples) index(rows []int, rng *rand.Rand) SobolIndex {
	nan := math.NaN()
	index := SobolIndex{Rows: len(rows), S1: nan, ST: nan, S1Conf: nan, STConf: nan}
	if len(rows) < minSobolRows {
		return index
	}
	index.S1, index.ST = s.estimate(rows)
	firsts, totals := make([]float64, SobolResamples), make([]float64, SobolResamples)
	resample := make([]int, len(rows))
	for r := range SobolResamples {
		for j := range resample {
			resample[j] = rows[rng.IntN(len(rows))]
		}
		firsts[r], totals[r] = s.estimate(resample)
	}
	z := distuv.UnitNormal.Quantile(0.5 + SobolConfidence/2)
	index.S1Conf = z * stat.StdDev(firsts, nil)
	index.STConf = z * stat.StdDev(totals, nil)
	return index
}

// estimate computes the first-order and total index over the given base rows (repeats allowed).
// Without any variance (all outputs equal, up to rounding) there is nothing to share out, and both
// indices are 0.
func (s sobolSamples) estimate(rows []int) (first, total float64) {
	var sum float64
	for _, row := range rows {
		sum += s.a[row] + s.b[row]
	}
	n := float64(len(rows))
	mean := sum / (2 * n)
	var variance, firstSum, totalSum float64
	for _, row := range rows {
		a, b, ab := s.a[row]-mean, s.b[row]-mean, s.ab[row]-mean
		variance += a*a + b*b
		firstSum += b * (ab - a)
		totalSum += (a - ab) * (a - ab)
	}
	variance /= 2 * n
	if variance <= 1e-24*mean*mean {
		return 0, 0
	}
	return firstSum / n / variance, totalSum / (2 * n) / variance
}
