package sensitivity

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// runSobol evaluates f at every point of the design, in run order, as the queue will.
func runSobol(d SobolDesign, f func(p Point) float64) []float64 {
	points := d.Points()
	out := make([]float64, len(points))
	for i, p := range points {
		out[i] = f(p)
	}
	return out
}

func mustSobolDesign(t *testing.T, factors []Factor, s SobolSettings) SobolDesign {
	t.Helper()
	d, err := NewSobolDesign(factors, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustAnalyseSobol(t *testing.T, d SobolDesign, outputs []float64) []SobolIndex {
	t.Helper()
	indices, err := AnalyseSobol(d, outputs)
	if err != nil {
		t.Fatal(err)
	}
	return indices
}

// ishigami is Ishigami and Homma's test function, f = sin x1 + a sin² x2 + b x3⁴ sin x1 over
// [-pi, pi]³, with a = 7, b = 0.1.
func ishigami(p Point) float64 {
	x := p.Values
	return math.Sin(x[0]) + 7*math.Pow(math.Sin(x[1]), 2) + 0.1*math.Pow(x[2], 4)*math.Sin(x[0])
}

// ishigamiIndices are its analytic indices: x2 acts alone, x3 only with x1.
func ishigamiIndices() (first, total [3]float64) {
	const a, b = 7.0, 0.1
	pi4, pi8 := math.Pow(math.Pi, 4), math.Pow(math.Pi, 8)
	v1 := 0.5 * math.Pow(1+b*pi4/5, 2)
	v2 := a * a / 8
	v13 := b * b * pi8 * (1.0/18 - 1.0/50)
	v := v1 + v2 + v13
	return [3]float64{v1 / v, v2 / v, 0}, [3]float64{(v1 + v13) / v, v2 / v, v13 / v}
}

func ishigamiFactors() []Factor {
	return []Factor{continuous("x1", -math.Pi, math.Pi), continuous("x2", -math.Pi, math.Pi), continuous("x3", -math.Pi, math.Pi)}
}

func TestSobolRuns(t *testing.T) {
	for _, c := range []struct{ k, n, want int }{{3, 64, 320}, {10, 64, 768}, {1, 2, 6}} {
		if got := SobolRuns(c.k, c.n); got != c.want {
			t.Errorf("SobolRuns(%d, %d) = %d, want %d", c.k, c.n, got, c.want)
		}
		d := mustSobolDesign(t, unitFactors(c.k), SobolSettings{N: c.n, Seed: 1})
		if got := len(d.Points()); got != c.want {
			t.Errorf("k %d, N %d: the design has %d points, SobolRuns says %d", c.k, c.n, got, c.want)
		}
	}
}

func TestSobolDesignShape(t *testing.T) {
	factors := []Factor{
		continuous("insulation", 0.05, 0.3),
		discrete("heating", "gas", "district", "heat pump", "pellets"),
		continuous("setpoint", 18, 23),
	}
	cases := []struct {
		name     string
		settings SobolSettings
		n        int
	}{
		{"default", SobolSettings{Seed: 3}, 64},
		{"power of two", SobolSettings{N: 128, Seed: 4}, 128},
		{"any size", SobolSettings{N: 10, Seed: 5}, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustSobolDesign(t, factors, c.settings)
			k := len(factors)
			if d.N() != c.n {
				t.Fatalf("N %d, want %d", d.N(), c.n)
			}
			points := d.Points()
			if len(points) != c.n*(k+2) {
				t.Fatalf("%d points, want %d", len(points), c.n*(k+2))
			}
			for at, p := range points {
				for i, level := range p.Levels {
					if level < 0 || level >= 1 {
						t.Fatalf("point %d: level %g of %s outside [0,1)", at, level, factors[i].Name)
					}
					if want := factors[i].sampleValue(level); p.Values[i] != want {
						t.Fatalf("point %d: %s has value %g for level %g, want %g", at, factors[i].Name, p.Values[i], level, want)
					}
				}
			}
			// A, then B, then AB_i: A with factor i's column from B.
			a, b := points[:c.n], points[c.n:2*c.n]
			for i := range k {
				ab := points[(2+i)*c.n : (3+i)*c.n]
				for row := range c.n {
					for j := range k {
						want := a[row].Levels[j]
						if j == i {
							want = b[row].Levels[j]
						}
						if ab[row].Levels[j] != want {
							t.Fatalf("AB_%d row %d: %s at level %g, want %g", i+1, row, factors[j].Name, ab[row].Levels[j], want)
						}
					}
				}
			}
			for row := range c.n {
				if slices.Equal(a[row].Levels, b[row].Levels) {
					t.Fatalf("row %d: A and B are the same point", row)
				}
			}
		})
	}
}

// Each option of a discrete factor is equally likely, as a uniform choice among them should be;
// with a power-of-two N the quasi-random levels make the counts exact.
func TestSobolDesignOptionsEquallyLikely(t *testing.T) {
	factors := []Factor{discrete("heating", "gas", "district", "heat pump", "pellets"), discrete("window", "keep", "double")}
	d := mustSobolDesign(t, factors, SobolSettings{N: 64, Seed: 9})
	for i, f := range factors {
		for name, sample := range map[string][][]float64{"A": d.A, "B": d.B} {
			counts := make([]int, len(f.Options))
			for _, levels := range sample {
				counts[int(f.sampleValue(levels[i]))]++
			}
			want := 64 / len(f.Options)
			for option, n := range counts {
				if n != want {
					t.Errorf("%s in %s: option %q drawn %d times, want %d", f.Name, name, f.Options[option], n, want)
				}
			}
		}
	}
}

func TestSobolDeterminismAndJSON(t *testing.T) {
	factors := []Factor{continuous("insulation", 0.05, 0.3), discrete("window", "keep", "double", "triple"), continuous("x", -1, 1)}
	settings := SobolSettings{N: 32, Seed: 42}
	first := mustSobolDesign(t, factors, settings)
	again := mustSobolDesign(t, factors, settings)
	if !reflect.DeepEqual(first, again) {
		t.Fatal("the same seed gave two different designs")
	}
	if other := mustSobolDesign(t, factors, SobolSettings{N: 32, Seed: 43}); reflect.DeepEqual(first.A, other.A) {
		t.Error("seeds 42 and 43 gave the same design")
	}

	saved, err := json.Marshal(first)
	if err != nil {
		t.Fatal(err)
	}
	var loaded SobolDesign
	if err := json.Unmarshal(saved, &loaded); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded, first) || !reflect.DeepEqual(loaded.Points(), first.Points()) {
		t.Fatal("the design read back from JSON differs from the one saved")
	}

	f := func(p Point) float64 { return 3*p.Values[0] + p.Values[1]*p.Values[2] }
	indices := mustAnalyseSobol(t, first, runSobol(first, f))
	if again := mustAnalyseSobol(t, loaded, runSobol(loaded, f)); !reflect.DeepEqual(indices, again) {
		t.Errorf("the same outputs gave different indices:\n%+v\n%+v", indices, again)
	}
}

// Ishigami's function is the standard test of variance-based indices: strongly nonlinear, with a
// factor (x3) that matters only through its interaction with x1. Rule: with N = 1024 every
// estimate is within 0.05 of the analytic index, and the analytic index lies inside at least 5 of
// the 6 bootstrap intervals (the intervals are 95 % ones, and wide for quasi-random rows, so all 6
// usually do).
func TestSobolIshigami(t *testing.T) {
	first, total := ishigamiIndices()
	for i, want := range [][2]float64{{0.3139, 0.5576}, {0.4424, 0.4424}, {0, 0.2437}} {
		if math.Abs(first[i]-want[0]) > 5e-5 || math.Abs(total[i]-want[1]) > 5e-5 {
			t.Fatalf("analytic indices of x%d: %.4f, %.4f; published %.4f, %.4f", i+1, first[i], total[i], want[0], want[1])
		}
	}
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			d := mustSobolDesign(t, ishigamiFactors(), SobolSettings{N: 1024, Seed: seed})
			indices := mustAnalyseSobol(t, d, runSobol(d, ishigami))
			covered := 0
			for i, s := range indices {
				t.Logf("%s: S1 %.3f ± %.3f (true %.3f), ST %.3f ± %.3f (true %.3f)", s.Factor, s.S1, s.S1Conf, first[i], s.ST, s.STConf, total[i])
				if math.Abs(s.S1-first[i]) > 0.05 || math.Abs(s.ST-total[i]) > 0.05 {
					t.Errorf("%s: S1 %.3f, ST %.3f; want within 0.05 of %.3f, %.3f", s.Factor, s.S1, s.ST, first[i], total[i])
				}
				if math.Abs(s.S1-first[i]) <= s.S1Conf {
					covered++
				}
				if math.Abs(s.ST-total[i]) <= s.STConf {
					covered++
				}
				if !(s.S1Conf > 0 && s.S1Conf < 0.1 && s.STConf > 0 && s.STConf < 0.1) {
					t.Errorf("%s: interval half-widths %.3f, %.3f; want in (0, 0.1) with 1024 rows", s.Factor, s.S1Conf, s.STConf)
				}
				if s.Rows != 1024 || s.Dropped != 0 {
					t.Errorf("%s: %d rows, %d dropped; want 1024, 0", s.Factor, s.Rows, s.Dropped)
				}
			}
			if covered < 5 {
				t.Errorf("the analytic index lies in %d of 6 intervals, want at least 5", covered)
			}
			if got := names2(RankedSobol(indices)); !slices.Equal(got, []string{"x1", "x2", "x3"}) {
				t.Errorf("ranking by total index %v, want x1, x2, x3", got)
			}
		})
	}
}

// More base samples give narrower intervals: the budget buys precision.
func TestSobolIntervalsNarrowWithN(t *testing.T) {
	width := func(n int) float64 {
		d := mustSobolDesign(t, ishigamiFactors(), SobolSettings{N: n, Seed: 5})
		var sum float64
		for _, s := range mustAnalyseSobol(t, d, runSobol(d, ishigami)) {
			sum += s.S1Conf + s.STConf
		}
		return sum
	}
	small, large := width(128), width(2048)
	if !(large < small/2) {
		t.Errorf("summed half-widths %.3f with N = 128 and %.3f with N = 2048; want 16 times the rows to at least halve them", small, large)
	}
}

// An additive function has no interactions, so S1 = ST = a_i² var_i / sum_j a_j² var_j, with var_i
// = (max - min)²/12 for a uniform factor. A large offset, typical of energy use, must not matter.
func TestSobolAdditive(t *testing.T) {
	cases := []struct {
		name         string
		factors      []Factor
		coefficients []float64
		offset       float64
	}{
		{"building-like units", []Factor{continuous("insulation", 0.05, 0.3), continuous("setpoint", 18, 23), continuous("unit", 0, 1)},
			[]float64{-400, 12.5, 3}, 120},
		{"equal shares and an inert factor", unitFactors(4), []float64{1, -1, 1, 0}, 0},
		{"large mean", []Factor{continuous("a", 0, 1), continuous("b", 0, 2)}, []float64{1, 1}, 1e6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			shares := make([]float64, len(c.factors))
			var sum float64
			for i, f := range c.factors {
				shares[i] = math.Pow(c.coefficients[i]*(f.Max-f.Min), 2) / 12
				sum += shares[i]
			}
			d := mustSobolDesign(t, c.factors, SobolSettings{N: 512, Seed: 11})
			indices := mustAnalyseSobol(t, d, runSobol(d, func(p Point) float64 {
				y := c.offset
				for i, a := range c.coefficients {
					y += a * p.Values[i]
				}
				return y
			}))
			for i, s := range indices {
				want := shares[i] / sum
				if math.Abs(s.S1-want) > 0.02 || math.Abs(s.ST-want) > 0.02 {
					t.Errorf("%s: S1 %.4f, ST %.4f; want both %.4f", s.Factor, s.S1, s.ST, want)
				}
				if math.Abs(s.S1-want) > s.S1Conf+1e-12 || math.Abs(s.ST-want) > s.STConf+1e-12 {
					t.Errorf("%s: intervals S1 %.4f ± %.4f, ST %.4f ± %.4f miss %.4f", s.Factor, s.S1, s.S1Conf, s.ST, s.STConf, want)
				}
			}
		})
	}
}

// An output that depends only on a discrete factor's option: it carries all the variance, and the
// other factors, which never change the output, get exactly nothing.
func TestSobolDiscrete(t *testing.T) {
	factors := []Factor{continuous("insulation", 0.05, 0.3), discrete("window", "keep", "double", "triple"), continuous("setpoint", 18, 23)}
	byOption := []float64{120, 95, 88}
	d := mustSobolDesign(t, factors, SobolSettings{N: 256, Seed: 13})
	indices := mustAnalyseSobol(t, d, runSobol(d, func(p Point) float64 { return byOption[int(p.Values[1])] }))
	for i, s := range indices {
		if i == 1 {
			if math.Abs(s.S1-1) > 0.05 || math.Abs(s.ST-1) > 0.05 {
				t.Errorf("window: S1 %.3f, ST %.3f; want both about 1", s.S1, s.ST)
			}
			continue
		}
		if s.S1 != 0 || s.ST != 0 || s.S1Conf != 0 || s.STConf != 0 {
			t.Errorf("%s does not enter the output but has S1 %g ± %g, ST %g ± %g", s.Factor, s.S1, s.S1Conf, s.ST, s.STConf)
		}
	}
}

// A constant output has no variance to share out: every index is 0, and the summary says so.
func TestSobolConstantOutput(t *testing.T) {
	d := mustSobolDesign(t, unitFactors(3), SobolSettings{N: 16, Seed: 1})
	indices := mustAnalyseSobol(t, d, runSobol(d, func(Point) float64 { return 87.3 }))
	for _, s := range indices {
		if s.S1 != 0 || s.ST != 0 {
			t.Errorf("%s: S1 %g, ST %g for a constant output; want 0", s.Factor, s.S1, s.ST)
		}
	}
	if got, want := SobolSummary(indices), "No factor changes the output."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

func TestSobolMissingOutputs(t *testing.T) {
	const n = 64
	factors := []Factor{continuous("a", 0, 1), continuous("b", 0, 1), continuous("c", 0, 1)}
	coefficients := []float64{3, 1, 0.5}
	d := mustSobolDesign(t, factors, SobolSettings{N: n, Seed: 21})
	linear := func(p Point) float64 {
		return coefficients[0]*p.Values[0] + coefficients[1]*p.Values[1] + coefficients[2]*p.Values[2]
	}
	inA := func(r int) int { return runOf(n, 0, r) }
	inB := func(r int) int { return runOf(n, 1, r) }
	inAB := func(i, r int) int { return runOf(n, 2+i, r) }
	cases := []struct {
		name    string
		failed  []int
		dropped []int
	}{
		{"none", nil, []int{0, 0, 0}},
		{"a point of A drops its row for every factor", []int{inA(5)}, []int{1, 1, 1}},
		{"a point of B too", []int{inB(40)}, []int{1, 1, 1}},
		{"a point of AB_2 only for factor 2", []int{inAB(1, 7)}, []int{0, 1, 0}},
		{"A and AB_1 in the same row count once", []int{inA(3), inAB(0, 3)}, []int{1, 1, 1}},
		{"several rows", []int{inA(1), inB(2), inAB(2, 9), inAB(2, 10), inAB(0, 63)}, []int{3, 2, 4}},
	}
	var sum float64
	for i := range coefficients {
		sum += coefficients[i] * coefficients[i]
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			outputs := runSobol(d, linear)
			for j, run := range c.failed {
				if j%2 == 0 {
					outputs[run] = math.NaN()
				} else {
					outputs[run] = math.Inf(1)
				}
			}
			indices := mustAnalyseSobol(t, d, outputs)
			for i, s := range indices {
				if s.Dropped != c.dropped[i] || s.Rows != n-c.dropped[i] {
					t.Errorf("%s: %d rows, %d dropped; want %d, %d", s.Factor, s.Rows, s.Dropped, n-c.dropped[i], c.dropped[i])
				}
				want := coefficients[i] * coefficients[i] / sum
				// The remaining rows are no longer a balanced quasi-random set, so the estimates are
				// held to their own intervals rather than to the closeness of a full design.
				if math.Abs(s.S1-want) > math.Min(s.S1Conf, 0.1) || math.Abs(s.ST-want) > math.Min(s.STConf, 0.1) {
					t.Errorf("%s: S1 %.3f ± %.3f, ST %.3f ± %.3f after dropping rows; want both within their intervals (and 0.1) of %.3f",
						s.Factor, s.S1, s.S1Conf, s.ST, s.STConf, want)
				}
			}
		})
	}

	t.Run("too few rows left", func(t *testing.T) {
		small := mustSobolDesign(t, factors, SobolSettings{N: 5, Seed: 2})
		outputs := runSobol(small, linear)
		outputs[0], outputs[1] = math.NaN(), math.NaN() // two rows of A: 3 rows left for every factor
		outputs[runOf(5, 2+2, 4)] = math.NaN()          // and one of AB_3 on a row still complete
		for _, s := range mustAnalyseSobol(t, small, outputs) {
			if !math.IsNaN(s.S1) || !math.IsNaN(s.ST) || !math.IsNaN(s.S1Conf) || !math.IsNaN(s.STConf) {
				t.Errorf("%s: S1 %g, ST %g from %d rows; want NaN below 4 rows", s.Factor, s.S1, s.ST, s.Rows)
			}
		}
	})

	t.Run("every run failed", func(t *testing.T) {
		outputs := runSobol(d, linear)
		for i := range outputs {
			outputs[i] = math.NaN()
		}
		indices := mustAnalyseSobol(t, d, outputs)
		for _, s := range indices {
			if !math.IsNaN(s.S1) || !math.IsNaN(s.ST) || s.Rows != 0 || s.Dropped != n {
				t.Errorf("%s: S1 %g, ST %g, %d rows, %d dropped; want NaN, NaN, 0, %d", s.Factor, s.S1, s.ST, s.Rows, s.Dropped, n)
			}
		}
		if got := SobolSummary(indices); !strings.HasPrefix(got, "No factor could be ranked") {
			t.Errorf("summary %q, want one saying no factor could be ranked", got)
		}
	})
}

// runOf is the run number of a base row in matrix A (0), B (1) or AB_i (2+i) of a design of n rows.
func runOf(n, matrix, row int) int { return matrix*n + row }

func TestSobolErrors(t *testing.T) {
	good := unitFactors(2)
	designErrors := []struct {
		name     string
		factors  []Factor
		settings SobolSettings
		want     string
	}{
		{"no factors", nil, SobolSettings{}, "no factors"},
		{"one base sample", good, SobolSettings{N: 1}, "at least 2"},
		{"negative base samples", good, SobolSettings{N: -3}, "at least 2"},
		{"too many base samples", good, SobolSettings{N: 1 << 21}, "at most"},
		{"too many factors", unitFactors(65), SobolSettings{}, "at most 64"},
		{"unnamed factor", []Factor{{Min: 0, Max: 1}}, SobolSettings{}, "no name"},
		{"empty range", []Factor{continuous("u", 2, 2)}, SobolSettings{}, "not below max"},
		{"one option", []Factor{discrete("window", "keep")}, SobolSettings{}, "only one option"},
	}
	for _, c := range designErrors {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewSobolDesign(c.factors, c.settings)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}

	d := mustSobolDesign(t, good, SobolSettings{N: 8, Seed: 1})
	outputs := make([]float64, SobolRuns(2, 8))
	ragged := mustSobolDesign(t, good, SobolSettings{N: 8, Seed: 1})
	ragged.B[3] = ragged.B[3][:1]
	analyseErrors := []struct {
		name    string
		design  SobolDesign
		outputs []float64
		want    string
	}{
		{"too few outputs", d, outputs[:len(outputs)-1], "31 outputs for a design of 32 runs"},
		{"too many outputs", d, append(slices.Clone(outputs), 1), "33 outputs for a design of 32 runs"},
		{"no factors", SobolDesign{A: d.A, B: d.B}, outputs, "no factors"},
		{"no rows", SobolDesign{Factors: good}, nil, "not a variance-based design"},
		{"B shorter than A", SobolDesign{Factors: good, A: d.A, B: d.B[:7]}, outputs, "8 rows in A and 7 in B"},
		{"ragged row", ragged, outputs, "row 4 of the design has 2 and 1 levels for 2 factors"},
	}
	for _, c := range analyseErrors {
		t.Run(c.name, func(t *testing.T) {
			_, err := AnalyseSobol(c.design, c.outputs)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}

func names2(indices []SobolIndex) []string {
	out := make([]string, len(indices))
	for i, s := range indices {
		out[i] = s.Factor
	}
	return out
}

func TestRankedSobol(t *testing.T) {
	indices := []SobolIndex{
		{Factor: "small", ST: 0.02},
		{Factor: "failed", ST: math.NaN()},
		{Factor: "big", ST: 0.7},
		{Factor: "tie-first", ST: 0.2},
		{Factor: "tie-second", ST: 0.2},
	}
	if got, want := names2(RankedSobol(indices)), []string{"big", "tie-first", "tie-second", "small", "failed"}; !slices.Equal(got, want) {
		t.Errorf("ranking %v, want %v", got, want)
	}
	if indices[0].Factor != "small" {
		t.Error("RankedSobol reordered its input")
	}
}

func TestSobolSummary(t *testing.T) {
	s := func(name string, st float64) SobolIndex { return SobolIndex{Factor: name, ST: st, S1: st} }
	cases := []struct {
		name    string
		indices []SobolIndex
		want    string
	}{
		{"a few matter", []SobolIndex{s("window", 0.01), s("heat recovery", 0.31), s("wall insulation", 0.62), s("roof", 0.04)},
			"Total effect largest: wall insulation (ST 0.62), heat recovery (0.31); 2 other factors below 0.05."},
		{"one matters", []SobolIndex{s("wall insulation", 0.97), s("roof", 0.01)},
			"Total effect largest: wall insulation (ST 0.97); 1 other factor below 0.05."},
		{"all matter", []SobolIndex{s("a", 0.5), s("b", 0.5)}, "Total effect largest: a (ST 0.50), b (0.50)."},
		{"some not ranked", []SobolIndex{s("a", 0.8), s("b", math.NaN()), s("c", 0.01)},
			"Total effect largest: a (ST 0.80); 1 other factor below 0.05; 1 factor not ranked (too few runs with an output)."},
		{"many small", []SobolIndex{s("a", 0.04), s("b", 0.03), s("c", 0.03)},
			"No factor has a total effect of 0.05 or more; largest: a (ST 0.04); 2 other factors below 0.05."},
		{"none ranked", []SobolIndex{s("a", math.NaN())}, "No factor could be ranked: too few runs have an output."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := SobolSummary(c.indices); got != c.want {
				t.Errorf("summary\n%q, want\n%q", got, c.want)
			}
		})
	}
}
