package optimize

import (
	"cmp"
	"fmt"
	"slices"
)

// Hypervolume is the volume of objective space (minimised) dominated by front and bounded by
// ref, exactly, for 2 or 3 objectives. Points that do not dominate ref add nothing. Three
// objectives are sliced along the third, which costs O(n² log n): fine for fronts of hundreds.
// It panics when the dimensions are not 2 or 3 or do not match ref.
func Hypervolume(front [][]float64, ref []float64) float64 {
	if len(ref) != 2 && len(ref) != 3 {
		panic(fmt.Sprintf("optimize.Hypervolume: %d objectives; only 2 or 3 are supported", len(ref)))
	}
	var pts [][]float64
	for i, p := range front {
		if len(p) != len(ref) {
			panic(fmt.Sprintf("optimize.Hypervolume: point %d has %d objectives, ref %d", i, len(p), len(ref)))
		}
		if dominatesRef(p, ref) {
			pts = append(pts, p)
		}
	}
	if len(ref) == 2 {
		return hypervolume2(pts, ref[0], ref[1])
	}
	// Between two consecutive third-objective levels, the dominated slice is the 2-D area of
	// the points at or below the lower level.
	slices.SortFunc(pts, func(a, b []float64) int { return cmp.Compare(a[2], b[2]) })
	total := 0.0
	for i := range pts {
		top := ref[2]
		if i+1 < len(pts) {
			top = pts[i+1][2]
		}
		if top > pts[i][2] {
			total += hypervolume2(pts[:i+1], ref[0], ref[1]) * (top - pts[i][2])
		}
	}
	return total
}

func dominatesRef(p, ref []float64) bool {
	for k := range p {
		if !(p[k] < ref[k]) {
			return false
		}
	}
	return true
}

// hypervolume2 is the area dominated by pts (first two objectives, all inside the reference
// box) up to (r1, r2): a sweep along the first objective.
func hypervolume2(pts [][]float64, r1, r2 float64) float64 {
	sorted := slices.Clone(pts)
	slices.SortFunc(sorted, func(a, b []float64) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	area, floor := 0.0, r2
	for _, p := range sorted {
		if p[1] < floor {
			area += (r1 - p[0]) * (floor - p[1])
			floor = p[1]
		}
	}
	return area
}
