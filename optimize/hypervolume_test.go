package optimize

import (
	"math"
	"testing"
)

func TestHypervolume(t *testing.T) {
	cases := []struct {
		name  string
		front [][]float64
		ref   []float64
		want  float64
	}{
		{"2-D one point", [][]float64{{1, 2}}, []float64{3, 3}, 2},
		// Staircase: (1,3) adds 3x1, (2,2) adds 2x1 more, (3,1) adds 1x1 more, to ref (4,4).
		{"2-D staircase", [][]float64{{3, 1}, {1, 3}, {2, 2}}, []float64{4, 4}, 6},
		{"2-D dominated and repeated points add nothing", [][]float64{{1, 3}, {2, 2}, {3, 1}, {2, 3}, {2, 2}}, []float64{4, 4}, 6},
		{"2-D points outside the box ignored", [][]float64{{1, 1}, {5, 0}, {0, 4}}, []float64{4, 4}, 9},
		{"2-D empty", nil, []float64{1, 1}, 0},
		{"3-D one point", [][]float64{{1, 1, 1}}, []float64{2, 3, 4}, 6},
		// Two boxes 2x1x1 and 1x2x1 (ref 2,2,1 from the origin side) overlapping in 1x1x1.
		{"3-D two overlapping boxes", [][]float64{{0, 1, 0}, {1, 0, 0}}, []float64{2, 2, 1}, 3},
		// (0,0,1): 2x2x1 = 4; (1,1,0) adds the slab z in [0,1] of 1x1 = 1.
		{"3-D different levels", [][]float64{{0, 0, 1}, {1, 1, 0}}, []float64{2, 2, 2}, 5},
		// The unit corners of a cube of side 2: 3 boxes of 1x2x2 overlapping pairwise in 1x1x2
		// and all three in 1x1x1: 3*4 - 3*2 + 1 = 7 (the cube minus the corner box).
		{"3-D three axes", [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, []float64{2, 2, 2}, 7},
	}
	for _, c := range cases {
		if got := Hypervolume(c.front, c.ref); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: hypervolume %g, want %g", c.name, got, c.want)
		}
	}
}

// A dense sample of the ZDT1 front approaches the analytic hypervolume from below.
func TestHypervolumeOfDenseFront(t *testing.T) {
	const n = 10000
	front := make([][]float64, n+1)
	for i := range front {
		f1 := float64(i) / n
		front[i] = []float64{f1, 1 - math.Sqrt(f1)}
	}
	got, want := Hypervolume(front, []float64{1.1, 1.1}), 0.1+2.0/3+0.11
	if got > want || want-got > 1e-3 {
		t.Errorf("hypervolume of the sampled ZDT1 front %g, want just below %g", got, want)
	}
}
