package lca

import (
	"cmp"
	"slices"
	"sort"
)

// Point is one variant in a two-objective comparison, both objectives to be minimised, e.g.
// (life-cycle carbon, life-cycle cost) or (annual energy, embodied carbon).
type Point struct {
	X Amount `json:"x"`
	Y Amount `json:"y"`
}

// CarbonCostPoint places a Result on (life-cycle carbon, life-cycle cost).
func CarbonCostPoint(r Result) Point { return Point{X: r.LifeCycleKgCO2e, Y: r.LifeCycleCost} }

// EnergyEmbodiedPoint places a Result on (annual energy, embodied carbon).
func EnergyEmbodiedPoint(r Result) Point { return Point{X: r.AnnualEnergyKWh, Y: r.EmbodiedKgCO2e} }

// Exclusion is a point left out of the Pareto analysis and what its coordinates lack.
type Exclusion struct {
	Index   int      `json:"index"`
	Missing []string `json:"missing"`
}

// Front is the full Pareto analysis of a set of points.
type Front struct {
	Optimal  []int       `json:"optimal"`  // indices of the non-dominated points, ascending
	Rank     []int       `json:"rank"`     // per point: 1 = optimal, 2 = optimal once rank 1 is removed, ...; 0 = excluded
	Excluded []Exclusion `json:"excluded"` // points with an incomplete coordinate, ascending index
}

// Dominance and ties, deliberately: a dominates b when a is no worse on both objectives and
// strictly better on at least one. Points with identical coordinates do not dominate each other,
// so duplicates of an optimal point are all optimal (two variants that perform the same are
// equally good choices, and the user should see both). A point that ties another on one
// objective and is worse on the other is dominated. Points on a straight line that trade one
// objective for the other are all non-dominated. -0 and +0 are equal.
//
// A point with an incomplete or non-finite coordinate is excluded: placing it on its partial
// value would let a missing cost look like a cheap variant.

// ParetoFront returns the indices of the non-dominated points, ascending, in O(n log n).
// Excluded points are never in it; AnalyzePareto says which they are and why.
func ParetoFront(points []Point) []int {
	ps, _ := usable(points)
	return front(ps)
}

func front(ps []xy) []int {
	out := []int{}
	best := 0.0 // lowest y among points with a strictly smaller x
	for g := 0; g < len(ps); {
		h := g
		for h < len(ps) && ps[h].x == ps[g].x {
			h++
		}
		// ps[g] has the lowest y of its x; it is optimal unless a point further left is as low.
		if g == 0 || ps[g].y < best {
			for k := g; k < h && ps[k].y == ps[g].y; k++ {
				out = append(out, ps[k].i)
			}
			best = ps[g].y
		}
		g = h
	}
	slices.Sort(out)
	return out
}

// ParetoFronts returns each point's front rank (1 = optimal, 0 = excluded) in O(n log n): points
// are visited left to right, so every point that could dominate one is placed before it, and the
// fronts are searched by bisection because if front k+1 dominates a point, so does front k.
func ParetoFronts(points []Point) []int {
	ps, _ := usable(points)
	return ranks(ps, len(points))
}

func ranks(ps []xy, n int) []int {
	rank := make([]int, n)
	// Per front, its lowest y so far and the x of the first (hence leftmost) point that reached it.
	// A front dominates p iff it has a point lower than p, or as low and strictly left of p.
	var minY, minYX []float64
	for _, p := range ps {
		k := sort.Search(len(minY), func(k int) bool {
			return !(minY[k] < p.y || (minY[k] == p.y && minYX[k] < p.x))
		})
		switch {
		case k == len(minY):
			minY, minYX = append(minY, p.y), append(minYX, p.x)
		case p.y < minY[k]:
			minY[k], minYX[k] = p.y, p.x
		}
		rank[p.i] = k + 1
	}
	return rank
}

// AnalyzePareto gives the front, every point's rank and the excluded points with their reasons.
func AnalyzePareto(points []Point) Front {
	ps, excluded := usable(points)
	return Front{Optimal: front(ps), Rank: ranks(ps, len(points)), Excluded: excluded}
}

type xy struct {
	x, y float64
	i    int
}

// usable returns the complete points sorted by x, then y, then index (for a deterministic order),
// and the excluded ones.
func usable(points []Point) ([]xy, []Exclusion) {
	ps := make([]xy, 0, len(points))
	excluded := []Exclusion{}
	for i, p := range points {
		x, y := checked(p.X, "x"), checked(p.Y, "y")
		if !x.Complete || !y.Complete {
			excluded = append(excluded, Exclusion{Index: i, Missing: mergeMissing(x.Missing, y.Missing)})
			continue
		}
		ps = append(ps, xy{x.Value, y.Value, i})
	}
	slices.SortFunc(ps, func(a, b xy) int {
		return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.y, b.y), cmp.Compare(a.i, b.i))
	})
	return ps, excluded
}
