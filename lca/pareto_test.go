package lca

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func pts(xy ...float64) []Point {
	out := make([]Point, 0, len(xy)/2)
	for i := 0; i+1 < len(xy); i += 2 {
		out = append(out, Point{X: Known(xy[i]), Y: Known(xy[i+1])})
	}
	return out
}

func TestParetoHandMadeSets(t *testing.T) {
	cases := []struct {
		name    string
		points  []Point
		optimal []int
		rank    []int
	}{
		{
			// 0:(1,5) 1:(2,2) 2:(3,3) 3:(5,1) 4:(4,4). (3,3) is dominated by (2,2); (4,4) by (2,2)
			// and (3,3), so it sits one front further out.
			name:    "dominated points",
			points:  pts(1, 5, 2, 2, 3, 3, 5, 1, 4, 4),
			optimal: []int{0, 1, 3},
			rank:    []int{1, 1, 2, 1, 3},
		},
		{
			// Identical points do not dominate each other: both copies are optimal.
			name:    "duplicates",
			points:  pts(1, 1, 2, 2, 1, 1),
			optimal: []int{0, 2},
			rank:    []int{1, 2, 1},
		},
		{
			// (1,3) ties (1,2) on x and is worse on y; (2,2) ties it on y and is worse on x.
			name:    "ties on one objective are dominated",
			points:  pts(1, 2, 1, 3, 2, 2),
			optimal: []int{0},
			rank:    []int{1, 2, 2},
		},
		{
			// x + y = 3 trades one objective for the other: all optimal. (1,3) is beaten by (0,3).
			name:    "collinear trade-off",
			points:  pts(0, 3, 1, 2, 2, 1, 3, 0, 1, 3),
			optimal: []int{0, 1, 2, 3},
			rank:    []int{1, 1, 1, 1, 2},
		},
		{
			name:    "collinear on one axis",
			points:  pts(1, 3, 1, 1, 1, 2),
			optimal: []int{1},
			rank:    []int{3, 1, 2},
		},
		{
			name:    "duplicates behind the front",
			points:  pts(0, 0, 1, 1, 1, 1, 1, 1),
			optimal: []int{0},
			rank:    []int{1, 2, 2, 2},
		},
		{
			name:    "minus zero equals zero",
			points:  pts(math.Copysign(0, -1), 1, 0, 1),
			optimal: []int{0, 1},
			rank:    []int{1, 1},
		},
		{
			name:    "negative values",
			points:  pts(-5, -1, -1, -5, -2, -2, 0, 0),
			optimal: []int{0, 1, 2},
			rank:    []int{1, 1, 1, 2},
		},
		{name: "single point", points: pts(7, 7), optimal: []int{0}, rank: []int{1}},
		{name: "no points", points: nil, optimal: []int{}, rank: []int{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ParetoFront(c.points); !slices.Equal(got, c.optimal) || got == nil {
				t.Errorf("ParetoFront = %v, want %v", got, c.optimal)
			}
			if got := ParetoFronts(c.points); !slices.Equal(got, c.rank) {
				t.Errorf("ParetoFronts = %v, want %v", got, c.rank)
			}
		})
	}
}

// A point with a missing cost must not look like the cheapest variant: it is left out, with the
// reason, and gets rank 0.
func TestParetoExcludesIncompletePoints(t *testing.T) {
	points := []Point{
		{X: Known(1), Y: Unknown("Wall: ETICS 150 mm cost per m2")}, // partial value 0 would dominate all
		{X: Known(2), Y: Known(2)},
		{X: Known(math.Inf(1)), Y: Known(0)},
		{X: Known(3), Y: Known(1)},
		{X: Amount{Value: 0}, Y: Known(0)}, // incomplete without a name
	}
	f := AnalyzePareto(points)
	if !slices.Equal(f.Optimal, []int{1, 3}) {
		t.Errorf("optimal = %v, want [1 3]", f.Optimal)
	}
	if !slices.Equal(f.Rank, []int{0, 1, 0, 1, 0}) {
		t.Errorf("rank = %v, want [0 1 0 1 0]", f.Rank)
	}
	want := []Exclusion{
		{0, []string{"Wall: ETICS 150 mm cost per m2"}},
		{2, []string{"x is not a finite number"}},
		{4, []string{"x"}},
	}
	if !slices.EqualFunc(f.Excluded, want, func(a, b Exclusion) bool {
		return a.Index == b.Index && slices.Equal(a.Missing, b.Missing)
	}) {
		t.Errorf("excluded = %+v, want %+v", f.Excluded, want)
	}
}

func TestParetoPointsFromResults(t *testing.T) {
	r := Evaluate(variantInputs(), baselineInputs(), testSettings())
	if p := CarbonCostPoint(r); p.X.Value != 260000 || p.Y.Value != 5000000 {
		t.Errorf("carbon/cost point = %+v", p)
	}
	if p := EnergyEmbodiedPoint(r); p.X.Value != 80000 || p.Y.Value != 30000 {
		t.Errorf("energy/embodied point = %+v", p)
	}
}

// bruteDominates is the definition, written out: no worse on both, better on one.
func bruteDominates(a, b Point) bool {
	ax, ay, bx, by := a.X.Value, a.Y.Value, b.X.Value, b.Y.Value
	return ax <= bx && ay <= by && (ax < bx || ay < by)
}

// bruteRanks peels fronts off one at a time, O(n^2) per front.
func bruteRanks(points []Point) []int {
	rank := make([]int, len(points))
	left := 0
	for i, p := range points {
		if p.X.Complete && p.Y.Complete {
			left++
		} else {
			rank[i] = -1
		}
	}
	for front := 1; left > 0; front++ {
		var this []int
		for i, p := range points {
			if rank[i] != 0 {
				continue
			}
			dominated := false
			for j, q := range points {
				if rank[j] == 0 && bruteDominates(q, p) {
					dominated = true
					break
				}
			}
			if !dominated {
				this = append(this, i)
			}
		}
		for _, i := range this {
			rank[i] = front
		}
		left -= len(this)
	}
	for i := range rank {
		if rank[i] < 0 {
			rank[i] = 0
		}
	}
	return rank
}

func randomPoints(rng *rand.Rand, n int, grid bool) []Point {
	out := make([]Point, n)
	for i := range out {
		var x, y float64
		if grid { // a small grid makes ties and duplicates common
			x, y = float64(rng.IntN(8)), float64(rng.IntN(8))
		} else {
			x, y = rng.NormFloat64()*1e5, rng.NormFloat64()*1e6
		}
		out[i] = Point{X: Known(x), Y: Known(y)}
		if rng.IntN(20) == 0 {
			out[i].Y = Unknown("price")
		}
	}
	return out
}

func TestParetoAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2026))
	for trial := range 400 {
		n, grid := rng.IntN(120), trial%2 == 0
		points := randomPoints(rng, n, grid)
		want := bruteRanks(points)
		var wantFront []int
		for i, r := range want {
			if r == 1 {
				wantFront = append(wantFront, i)
			}
		}
		if got := ParetoFront(points); !slices.Equal(got, wantFront) && !(len(got) == 0 && len(wantFront) == 0) {
			t.Fatalf("trial %d (n=%d grid=%v): ParetoFront = %v, brute force %v", trial, n, grid, got, wantFront)
		}
		if got := ParetoFronts(points); !slices.Equal(got, want) {
			t.Fatalf("trial %d (n=%d grid=%v): ParetoFronts = %v, brute force %v", trial, n, grid, got, want)
		}
	}
}

func benchmarkPoints(n int, antiCorrelated bool) []Point {
	rng := rand.New(rand.NewPCG(1, 10000))
	points := make([]Point, n)
	for i := range points {
		x := rng.Float64()
		y := rng.Float64()
		if antiCorrelated { // most points on or near the front: the largest output
			y = 1 - x + 0.01*y
		}
		points[i] = Point{X: Known(x), Y: Known(y)}
	}
	return points
}

func BenchmarkParetoFront10k(b *testing.B) {
	for _, c := range []struct {
		name string
		anti bool
	}{{"uniform", false}, {"anticorrelated", true}} {
		points := benchmarkPoints(10000, c.anti)
		b.Run(c.name+"/front", func(b *testing.B) {
			for b.Loop() {
				ParetoFront(points)
			}
		})
		b.Run(c.name+"/ranks", func(b *testing.B) {
			for b.Loop() {
				ParetoFronts(points)
			}
		})
	}
}
