package study

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"epsm/qmc"
)

func sobolPoints(t *testing.T, dims int, seed int64, n int) [][]float64 {
	t.Helper()
	q, err := newSobolSequence(dims, seed)
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]float64, n)
	for i := range out {
		p, ok := q.next()
		if !ok {
			t.Fatalf("sequence ended after %d points", i)
		}
		out[i] = p
	}
	return out
}

func TestSobolStartsLikeThePublishedSequence(t *testing.T) {
	// The unscrambled points of Joe and Kuo's sobol.cc (and SciPy's qmc.Sobol with
	// scramble=False), which use the same direction numbers and the Gray-code order.
	tests := []struct {
		dims int
		want [][]float64
	}{
		{2, [][]float64{{0, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375}, {0.875, 0.875}, {0.625, 0.125}, {0.125, 0.625}}},
		{3, [][]float64{
			{0, 0, 0}, {0.5, 0.5, 0.5}, {0.75, 0.25, 0.25}, {0.25, 0.75, 0.75},
			{0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375},
		}},
	}
	for _, tt := range tests {
		got := sobolPoints(t, tt.dims, 0, len(tt.want))
		for i := range tt.want {
			if fmt.Sprint(got[i]) != fmt.Sprint(tt.want[i]) {
				t.Errorf("%d-D point %d = %v, want %v", tt.dims, i, got[i], tt.want[i])
			}
		}
	}
}

func TestSobolPrefixesAreStratified(t *testing.T) {
	// Every 2^m prefix puts exactly one point in each of the 2^m equal bins of every
	// coordinate, scrambled or not: the property that spreads a study's options evenly.
	for _, seed := range []int64{0, 1, 7, -42} {
		pts := sobolPoints(t, qmc.MaxDims, seed, 1<<10)
		for m := 0; m <= 10; m++ {
			bins := 1 << m
			for d := range qmc.MaxDims {
				hits := make([]int, bins)
				for _, p := range pts[:bins] {
					hits[int(p[d]*float64(bins))]++
				}
				for b, h := range hits {
					if h != 1 {
						t.Fatalf("seed %d, dimension %d, first %d points: bin %d holds %d points, want 1", seed, d+1, bins, b, h)
					}
				}
			}
		}
	}
}

func TestSobolFirstTwoDimensionsFormANet(t *testing.T) {
	// Dimensions 1 and 2 are a (0,2)-sequence: each 2^m prefix has one point in every
	// 2^-a x 2^-(m-a) box, which a mistyped direction number breaks.
	pts := sobolPoints(t, 2, 0, 1<<8)
	for m := 1; m <= 8; m++ {
		for a := 0; a <= m; a++ {
			cols, rows := 1<<a, 1<<(m-a)
			hits := map[[2]int]int{}
			for _, p := range pts[:1<<m] {
				hits[[2]int{int(p[0] * float64(cols)), int(p[1] * float64(rows))}]++
			}
			if len(hits) != 1<<m {
				t.Fatalf("first %d points fill %d of the %dx%d boxes, want all", 1<<m, len(hits), cols, rows)
			}
		}
	}
}

func TestSobolRefusesDimensionsItHasNoNumbersFor(t *testing.T) {
	for _, dims := range []int{0, qmc.MaxDims + 1} {
		_, err := newSobolSequence(dims, 0)
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%d dimensions asked", dims)) || !strings.Contains(err.Error(), "1 to 128") {
			t.Errorf("%d dimensions: err = %v", dims, err)
		}
	}
}

func fourByFour() map[string][]string {
	return map[string][]string{
		"wall": {"keep", "w1", "w2", "w3"}, "roof": {"keep", "r1", "r2", "r3"},
		"floor": {"keep", "f1", "f2", "f3"}, "window": {"keep", "g1", "g2", "g3"},
	}
}

func variantIDs(vs []Variant) []string {
	ids := make([]string, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	return ids
}

func TestSobolSpecGivesNDistinctVariantsCoveringEveryOption(t *testing.T) {
	tests := []struct {
		name    string
		options map[string][]string
		n       int
		seed    int64
		minUses int // how often each option of each element must be used at least
	}{
		{"plain, 4 options per element", fourByFour(), 16, 0, 3},
		{"scrambled, 4 options per element", fourByFour(), 16, 5, 3},
		{"3 and 5 options, one element varied only", map[string][]string{
			"wall": {"keep", "w1", "w2"}, "window": {"keep", "g1", "g2", "g3", "g4"},
		}, 10, 3, 1},
		{"no keep: every variant changes the wall", map[string][]string{"wall": {"w1", "w2"}, "roof": {"keep", "r1", "r2"}}, 5, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Spec{Options: tt.options, Sampling: Sampling{Mode: Sobol, N: tt.n, Seed: tt.seed}}
			vs, err := s.Variants(idResolver, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !vs[0].Baseline || len(vs)-1 != tt.n || s.Count() != tt.n {
				t.Fatalf("%d variants besides the baseline, Count %d, want %d", len(vs)-1, s.Count(), tt.n)
			}
			seen := map[string]bool{}
			for _, v := range vs {
				if seen[v.ID] {
					t.Fatalf("variant %s twice", v.ID)
				}
				seen[v.ID] = true
			}
			for el, opts := range tt.options {
				uses := map[string]int{}
				for _, v := range vs[1:] {
					uses[v.Choices[el]]++
				}
				for _, o := range opts {
					if uses[o] < tt.minUses {
						t.Errorf("%s option %s used %d times in %d variants, want at least %d", el, o, uses[o], tt.n, tt.minUses)
					}
					delete(uses, o)
				}
				if len(uses) > 0 {
					t.Errorf("%s: choices %v are not among its options %q", el, uses, opts)
				}
			}
			again, _ := s.Variants(idResolver, nil)
			if strings.Join(variantIDs(again), ",") != strings.Join(variantIDs(vs), ",") {
				t.Fatal("the same spec gave a different sample")
			}
		})
	}
}

func TestSobolSeedChangesTheSample(t *testing.T) {
	sample := func(seed int64) string {
		s := Spec{Options: fourByFour(), Sampling: Sampling{Mode: Sobol, N: 8, Seed: seed}}
		vs, err := s.Variants(idResolver, nil)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(variantIDs(vs), ",")
	}
	if sample(1) == sample(2) || sample(0) == sample(1) {
		t.Fatal("seeds 0, 1 and 2 gave the same sample; a seed must scramble the sequence")
	}
	if sample(2) != sample(2) {
		t.Fatal("seed 2 twice gave two samples")
	}
}

func TestSobolSampleLargerThanTheSpaceIsTheFactorialAndSaysSo(t *testing.T) {
	s := Spec{Options: map[string][]string{"wall": {"keep", "w1", "w2"}, "roof": {"keep", "r1"}}, Sampling: Sampling{Mode: Sobol, N: 10}}
	vs, err := s.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs)-1 != 5 || s.Count() != 5 {
		t.Fatalf("%d variants, Count %d: want all 5 combinations besides the baseline", len(vs)-1, s.Count())
	}
	note := s.SampleShortfall()
	if !strings.Contains(note, "sampling.n is 10") || !strings.Contains(note, "only 5 distinct") {
		t.Fatalf("shortfall note = %q", note)
	}
	s.Sampling.N = 5
	if note := s.SampleShortfall(); note != "" {
		t.Fatalf("n equal to the space needs no note, got %q", note)
	}
}

func TestSobolSpecErrorsNameTheField(t *testing.T) {
	tests := []struct {
		sampling Sampling
		want     string
	}{
		{Sampling{Mode: Sobol}, `sampling "sobol" needs n > 0 (sampling.n: how many variants), not 0`},
		{Sampling{Mode: Sobol, N: -3}, "not -3"},
		{Sampling{Mode: "sobel", N: 3}, `unknown sampling mode "sobel" (use factorial, list, lhs or sobol)`},
	}
	for _, tt := range tests {
		s := Spec{Options: map[string][]string{"wall": {"keep", "w1"}}, Sampling: tt.sampling}
		_, err := s.Variants(idResolver, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want %q", tt.sampling, err, tt.want)
		}
	}
}

func TestSobolSamplesUpTo128VaryingMeasures(t *testing.T) {
	spec := func(measures int) Spec {
		s := Spec{Options: map[string][]string{"wall": {"keep", "w1"}}, Sampling: Sampling{Mode: Sobol, N: 64}}
		for i := range measures - 1 {
			s.Measures = append(s.Measures, Measure{ID: fmt.Sprintf("m%d", i), Fields: []FieldRef{{Class: "ZoneInfiltration:DesignFlowRate", Name: fmt.Sprintf("inf%d", i), Field: "Air Changes per Hour"}}, Continuous: &Bounds{Min: 0.1, Max: 0.6}})
		}
		return s
	}
	s := spec(qmc.MaxDims)
	vs, err := s.Variants(idResolver, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 65 {
		t.Fatalf("%d variants, want 64 + baseline", len(vs))
	}
	// Every coordinate of the plain sequence is stratified, the last as much as the first: the
	// first 64 points take each multiple of 1/64 once, so each measure's values are the 64
	// steps of its interval (rounded to 4 digits, hence the nearest step).
	for _, m := range []string{"m0", "m126"} {
		bins := map[int]bool{}
		for _, v := range vs[1:] {
			x, err := strconv.ParseFloat(v.Measures[m], 64)
			if err != nil {
				t.Fatal(err)
			}
			bins[int(math.Round((x-0.1)/0.5*64))] = true
		}
		if len(bins) != 64 {
			t.Errorf("measure %s: its 64 values take %d of the 64 steps", m, len(bins))
		}
	}
	s = spec(qmc.MaxDims + 1)
	want := `study spec: sampling "sobol" covers at most 128 varying elements and measures, the spec has 129`
	if err := s.Validate(); err == nil || err.Error() != want {
		t.Fatalf("129 varying: err = %v, want %q", err, want)
	}
}
