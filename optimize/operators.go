package optimize

import (
	"math"
	"math/rand/v2"
	"slices"
)

// sbx is Deb and Agrawal's simulated binary crossover in its bounded form: the spread of the
// children is drawn so that they stay within [lo, hi].
func sbx(rng *rand.Rand, x1, x2, lo, hi, eta float64) (float64, float64) {
	if math.Abs(x1-x2) <= 1e-14 {
		return x1, x2
	}
	y1, y2 := min(x1, x2), max(x1, x2)
	u := rng.Float64()
	spread := func(beta float64) float64 {
		alpha := 2 - math.Pow(beta, -(eta+1))
		if u <= 1/alpha {
			return math.Pow(u*alpha, 1/(eta+1))
		}
		return math.Pow(1/(2-u*alpha), 1/(eta+1))
	}
	c1 := 0.5 * ((y1 + y2) - spread(1+2*(y1-lo)/(y2-y1))*(y2-y1))
	c2 := 0.5 * ((y1 + y2) + spread(1+2*(hi-y2)/(y2-y1))*(y2-y1))
	c1, c2 = clamp(c1, lo, hi), clamp(c2, lo, hi)
	if rng.Float64() < 0.5 {
		c1, c2 = c2, c1
	}
	return c1, c2
}

// polynomialMutation is Deb's bounded polynomial mutation: small steps are likely, steps past
// a bound impossible.
func polynomialMutation(rng *rand.Rand, x, lo, hi, eta float64) float64 {
	width := hi - lo
	u := rng.Float64()
	power := 1 / (eta + 1)
	var delta float64
	if u < 0.5 {
		xy := 1 - (x-lo)/width
		val := 2*u + (1-2*u)*math.Pow(xy, eta+1)
		delta = math.Pow(val, power) - 1
	} else {
		xy := 1 - (hi-x)/width
		val := 2*(1-u) + 2*(u-0.5)*math.Pow(xy, eta+1)
		delta = 1 - math.Pow(val, power)
	}
	return clamp(x+delta*width, lo, hi)
}

func clamp(x, lo, hi float64) float64 { return min(max(x, lo), hi) }

// constrainedDominates is Deb's constrained domination: a feasible candidate beats an
// infeasible one, of two infeasible ones the smaller violation wins, and two feasible ones
// compare by Pareto dominance.
func constrainedDominates(a, b Result) bool {
	switch {
	case a.Violation == 0 && b.Violation > 0:
		return true
	case a.Violation > 0 && b.Violation > 0:
		return a.Violation < b.Violation
	case a.Violation > 0:
		return false
	}
	better := false
	for k, fa := range a.Objectives {
		fb := b.Objectives[k]
		if fa > fb {
			return false
		}
		if fa < fb {
			better = true
		}
	}
	return better
}

// nonDominatedSort is Deb's fast non-dominated sort: the indices of pop by front, the first
// front first, each front in index order.
func nonDominatedSort(pop []Individual) [][]int {
	n := len(pop)
	dominates := make([][]int, n)
	dominatedBy := make([]int, n)
	var current []int
	for i := range n {
		for j := i + 1; j < n; j++ {
			switch {
			case constrainedDominates(pop[i].Result, pop[j].Result):
				dominates[i] = append(dominates[i], j)
				dominatedBy[j]++
			case constrainedDominates(pop[j].Result, pop[i].Result):
				dominates[j] = append(dominates[j], i)
				dominatedBy[i]++
			}
		}
	}
	for i := range n {
		if dominatedBy[i] == 0 {
			current = append(current, i)
		}
	}
	var fronts [][]int
	for len(current) > 0 {
		fronts = append(fronts, current)
		var next []int
		for _, i := range current {
			for _, j := range dominates[i] {
				dominatedBy[j]--
				if dominatedBy[j] == 0 {
					next = append(next, j)
				}
			}
		}
		slices.Sort(next)
		current = next
	}
	return fronts
}

// crowdingDistances returns, for the members of one front (indices into pop), the sum over
// objectives of the normalised gap between each member's neighbours; the extremes are
// infinitely far so that the ends of a front are always kept.
func crowdingDistances(pop []Individual, front []int) []float64 {
	d := make([]float64, len(front))
	if len(front) <= 2 {
		for i := range d {
			d[i] = math.Inf(1)
		}
		return d
	}
	order := make([]int, len(front)) // positions in front
	for k := range pop[front[0]].Objectives {
		for i := range order {
			order[i] = i
		}
		obj := func(pos int) float64 { return pop[front[pos]].Objectives[k] }
		slices.SortStableFunc(order, func(a, b int) int {
			switch fa, fb := obj(a), obj(b); {
			case fa < fb:
				return -1
			case fa > fb:
				return 1
			}
			return 0
		})
		lo, hi := obj(order[0]), obj(order[len(order)-1])
		d[order[0]], d[order[len(order)-1]] = math.Inf(1), math.Inf(1)
		if hi == lo {
			continue // every member alike in this objective: it says nothing about crowding
		}
		for i := 1; i < len(order)-1; i++ {
			d[order[i]] += (obj(order[i+1]) - obj(order[i-1])) / (hi - lo)
		}
	}
	return d
}

// rankAndCrowding gives each member of pop its front number and crowding distance.
func rankAndCrowding(pop []Individual) ([]int, []float64) {
	rank := make([]int, len(pop))
	crowding := make([]float64, len(pop))
	for r, front := range nonDominatedSort(pop) {
		for i, d := range crowdingDistances(pop, front) {
			rank[front[i]] = r
			crowding[front[i]] = d
		}
	}
	return rank, crowding
}

// survivors is NSGA-II's elitist selection: whole fronts while they fit, then the least
// crowded members of the front that does not.
func survivors(pop []Individual, size int) []Individual {
	if len(pop) <= size {
		return pop
	}
	next := make([]Individual, 0, size)
	for _, front := range nonDominatedSort(pop) {
		if len(next)+len(front) <= size {
			for _, i := range front {
				next = append(next, pop[i])
			}
			continue
		}
		d := crowdingDistances(pop, front)
		pos := make([]int, len(front))
		for i := range pos {
			pos[i] = i
		}
		slices.SortStableFunc(pos, func(a, b int) int {
			switch {
			case d[a] > d[b]:
				return -1
			case d[a] < d[b]:
				return 1
			}
			return 0
		})
		for _, p := range pos[:size-len(next)] {
			next = append(next, pop[front[p]])
		}
		break
	}
	return next
}
