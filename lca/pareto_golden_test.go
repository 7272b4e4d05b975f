package lca

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"testing"
)

// goldenPareto is shared with the UI's Vitest (frontend/src/lib/pareto.test.ts): the scatter
// plot computes its front in TypeScript, and must mark the same variants as this package does.
const goldenPareto = "../frontend/src/lib/testdata/pareto_golden.json"

type goldenCase struct {
	Name   string        `json:"name"`
	Points []*[2]float64 `json:"points"` // null: a coordinate is missing
	Front  []int         `json:"front"`
}

func goldenCases() []goldenCase {
	r := rand.New(rand.NewPCG(7, 11))
	cases := []goldenCase{
		{Name: "ties, duplicates and a missing point", Points: []*[2]float64{{3, 1}, {1, 3}, {1, 3}, {2, 2}, {2, 3}, {3, 3}, nil, {1, 4}, {0.5, 9}, {4, 0.5}, {4, 0.5}}},
		{Name: "trade-off line", Points: []*[2]float64{{0, 10}, {1, 9}, {2, 8}, {3, 7}, {4, 6}}},
	}
	var random, integer goldenCase
	random.Name, integer.Name = "500 random points", "300 points on a coarse grid"
	for i := 0; i < 500; i++ {
		if i%37 == 0 {
			random.Points = append(random.Points, nil)
			continue
		}
		random.Points = append(random.Points, &[2]float64{r.Float64() * 1e5, r.NormFloat64()*2e4 + 5e4})
	}
	for i := 0; i < 300; i++ {
		integer.Points = append(integer.Points, &[2]float64{float64(r.IntN(20)), float64(r.IntN(20))})
	}
	cases = append(cases, random, integer)
	for k := range cases {
		pts := make([]Point, len(cases[k].Points))
		for i, p := range cases[k].Points {
			if p == nil {
				pts[i] = Point{X: Unknown("cost of a layer"), Y: Known(1)}
				continue
			}
			pts[i] = Point{X: Known(p[0]), Y: Known(p[1])}
		}
		cases[k].Front = ParetoFront(pts)
	}
	return cases
}

// EPSM_UPDATE_GOLDEN=1 go test ./lca -run TestParetoGolden rewrites the file.
func TestParetoGoldenMatchesTheUIFixture(t *testing.T) {
	want, err := json.Marshal(goldenCases())
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	if os.Getenv("EPSM_UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(goldenPareto, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(goldenPareto)
	if err != nil {
		t.Fatalf("%v (EPSM_UPDATE_GOLDEN=1 writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with ParetoFront: run EPSM_UPDATE_GOLDEN=1 go test ./lca -run TestParetoGolden, then the UI tests", goldenPareto)
	}
}
