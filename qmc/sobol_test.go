package qmc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Every line of the direction table must come from a primitive polynomial, each degree's
// polynomials in Joe and Kuo's order and none twice, with odd initial numbers m_j < 2^j: a slip in
// copying the table shows here rather than as a quietly worse design.
func TestSobolDirectionTable(t *testing.T) {
	rows := directionRows()
	if got := len(rows) + 1; got != MaxDims {
		t.Fatalf("the table covers %d dimensions, MaxDims says %d", got, MaxDims)
	}
	for i, row := range rows {
		if !primitive(row.degree, row.inner) {
			t.Errorf("dimension %d: x^%d with inner coefficients %b is not a primitive polynomial", i+2, row.degree, row.inner)
		}
		if i > 0 {
			prev := rows[i-1]
			if row.degree < prev.degree || row.degree == prev.degree && row.inner <= prev.inner {
				t.Errorf("dimension %d: polynomial (%d, %d) out of order after (%d, %d)", i+2, row.degree, row.inner, prev.degree, prev.inner)
			}
		}
		for j, m := range row.m {
			if m%2 == 0 || m >= 1<<(j+1) {
				t.Errorf("dimension %d: m_%d = %d is not an odd number below %d", i+2, j+1, m, 1<<(j+1))
			}
		}
	}
}

// primitive reports whether x^degree + (inner's bits) + 1 over GF(2) is primitive: x has order
// 2^degree - 1 modulo it.
func primitive(degree int, inner uint32) bool {
	poly := uint32(1)<<degree | inner<<1 | 1
	period := 1<<degree - 1
	x := uint32(1)
	for step := 1; step <= period; step++ {
		x <<= 1
		if x&(1<<degree) != 0 {
			x ^= poly
		}
		if x == 1 {
			return step == period
		}
	}
	return false
}

// The unscrambled sequence is the standard one: these points (times 16, in Gray-code order) are
// SciPy's qmc.Sobol(d=128, scramble=False) for dimensions 1, 2, 3, 51 and 128.
func TestSobolSequenceMatchesReference(t *testing.T) {
	want := [][5]float64{
		{0, 0, 0, 0, 0}, {8, 8, 8, 8, 8}, {12, 4, 4, 4, 4}, {4, 12, 12, 12, 12},
		{6, 6, 10, 2, 10}, {14, 14, 2, 10, 2}, {10, 2, 14, 6, 14}, {2, 10, 6, 14, 6},
	}
	dims := []int{0, 1, 2, 50, 127}
	plain, err := NewSobol(MaxDims)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]float64, MaxDims)
	for i, w := range want {
		plain.Point(uint32(i^i>>1), got)
		for j, d := range dims {
			if got[d]*16 != w[j] {
				t.Errorf("point %d, dimension %d: %g, want %g", i, d+1, got[d]*16, w[j])
			}
		}
	}
}

// The scramble must keep the nets: the first 2^m points put exactly one point in every interval
// of length 2^-m of each dimension, and, for the first two dimensions (t = 0), one in every
// dyadic box of area 2^-m.
func TestScrambledSobolNets(t *testing.T) {
	const m, dims = 6, 20
	for _, seed := range []uint64{1, 7, 2026} {
		seq, err := NewScrambledSobol(dims, rand.New(rand.NewPCG(seed, 0)))
		if err != nil {
			t.Fatal(err)
		}
		points := make([][]float64, 1<<m)
		for i := range points {
			points[i] = make([]float64, dims)
			seq.Point(uint32(i), points[i])
		}
		for d := range dims {
			hits := make([]int, 1<<m)
			for _, p := range points {
				hits[int(p[d]*(1<<m))]++
			}
			for cell, n := range hits {
				if n != 1 {
					t.Fatalf("seed %d, dimension %d: %d points in interval %d of %d", seed, d+1, n, cell, 1<<m)
				}
			}
		}
		for a := 0; a <= m; a++ {
			rows, cols := 1<<a, 1<<(m-a)
			hits := make([]int, rows*cols)
			for _, p := range points {
				hits[int(p[0]*float64(rows))*cols+int(p[1]*float64(cols))]++
			}
			for cell, n := range hits {
				if n != 1 {
					t.Fatalf("seed %d: %d points in box %d of the %dx%d grid over dimensions 1 and 2", seed, n, cell, rows, cols)
				}
			}
		}
		if points[0][0] == 0 && points[0][1] == 0 {
			t.Errorf("seed %d: the first point is still the origin: not scrambled", seed)
		}
	}
}

// Next walks the same points as Point, in Gray-code order, for the plain and the scrambled
// sequence alike: the studies take Next's order, the sensitivity design Point's.
func TestSobolNextIsPointInGrayCodeOrder(t *testing.T) {
	const dims, n = 40, 1 << 9
	plain, err := NewSobol(dims)
	if err != nil {
		t.Fatal(err)
	}
	scrambled, err := NewScrambledSobol(dims, rand.New(rand.NewPCG(3, 4)))
	if err != nil {
		t.Fatal(err)
	}
	for name, seq := range map[string]*Sobol{"plain": plain, "scrambled": scrambled} {
		next, at := make([]float64, dims), make([]float64, dims)
		for i := range n {
			if !seq.Next(next) {
				t.Fatalf("%s: sequence ended after %d points", name, i)
			}
			seq.Point(uint32(i^i>>1), at)
			if fmt.Sprint(next) != fmt.Sprint(at) {
				t.Fatalf("%s: point %d from Next %v, from Point %v", name, i, next, at)
			}
		}
	}
}

// The 32-bit sequence has 2^32 points; past them Next says so instead of repeating them.
func TestSobolNextEndsAfterTheLastPoint(t *testing.T) {
	seq, err := NewSobol(2)
	if err != nil {
		t.Fatal(err)
	}
	seq.taken = 1<<sobolBits - 1
	out := []float64{-1, -1}
	if !seq.Next(out) || out[0] == -1 {
		t.Fatalf("the last point: not given (%v)", out)
	}
	out = []float64{-1, -1}
	if seq.Next(out) || out[0] != -1 {
		t.Fatalf("a point past the last one: %v", out)
	}
}

func TestSobolRefusesWhatItCannotMake(t *testing.T) {
	for _, dims := range []int{0, -1, MaxDims + 1} {
		for name, build := range map[string]func() (*Sobol, error){
			"plain":     func() (*Sobol, error) { return NewSobol(dims) },
			"scrambled": func() (*Sobol, error) { return NewScrambledSobol(dims, rand.New(rand.NewPCG(1, 2))) },
		} {
			_, err := build()
			want := fmt.Sprintf("qmc: %d dimensions asked of a Sobol' sequence: the direction numbers cover 1 to 128", dims)
			if err == nil || err.Error() != want {
				t.Errorf("%s, %d dimensions: err = %v, want %q", name, dims, err, want)
			}
		}
	}
	if _, err := NewScrambledSobol(2, nil); err == nil || !strings.Contains(err.Error(), "needs a random source") {
		t.Errorf("no random source: err = %v", err)
	}
	for _, dims := range []int{1, MaxDims} {
		seq, err := NewSobol(dims)
		if err != nil || seq.Dims() != dims {
			t.Errorf("%d dimensions: %v, err %v", dims, seq, err)
		}
	}
}
