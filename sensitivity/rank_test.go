package sensitivity

import (
	"math"
	"slices"
	"testing"
)

func TestRanked(t *testing.T) {
	effects := []Effect{
		{Factor: "small", MuStar: 1, Effects: 3},
		{Factor: "failed", MuStar: math.NaN(), Dropped: 3},
		{Factor: "big", MuStar: 40, Effects: 3},
		{Factor: "tie-first", MuStar: 5, Effects: 3},
		{Factor: "tie-second", MuStar: 5, Effects: 3},
	}
	got := names(Ranked(effects))
	want := []string{"big", "tie-first", "tie-second", "small", "failed"}
	if !slices.Equal(got, want) {
		t.Errorf("ranking %v, want %v", got, want)
	}
	if effects[0].Factor != "small" {
		t.Error("Ranked reordered its input")
	}
}

func TestSummary(t *testing.T) {
	e := func(name string, muStar float64) Effect {
		if math.IsNaN(muStar) {
			return Effect{Factor: name, MuStar: muStar, Mu: muStar, Sigma: muStar, Dropped: 2}
		}
		return Effect{Factor: name, MuStar: muStar, Effects: 2}
	}
	cases := []struct {
		name    string
		effects []Effect
		matter  []string
		want    string
	}{
		{"a few matter", []Effect{e("window", 12), e("setpoint", 3.9), e("wall insulation", 41.2), e("roof", 4.2)},
			[]string{"wall insulation", "window", "roof"},
			"Matters most: wall insulation (mu* 41.2), window (mu* 12), roof (mu* 4.2); 1 other factor below 10% of wall insulation."},
		{"exactly at the threshold", []Effect{e("a", 10), e("b", 1), e("c", 0.99)},
			[]string{"a", "b"},
			"Matters most: a (mu* 10), b (mu* 1); 1 other factor below 10% of a."},
		{"all matter", []Effect{e("a", 2), e("b", 1)},
			[]string{"a", "b"},
			"Matters most: a (mu* 2), b (mu* 1)."},
		{"some not ranked", []Effect{e("a", 2), e("b", 0), e("c", math.NaN())},
			[]string{"a"},
			"Matters most: a (mu* 2); 1 other factor below 10% of a; 1 factor not ranked (no output for the runs needed)."},
		{"nothing changes the output", []Effect{e("a", 0), e("b", 0)},
			nil, "No factor changes the output."},
		{"every run failed", []Effect{e("a", math.NaN()), e("b", math.NaN())},
			nil, "No factor could be ranked: the runs its effects need have no output."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := names(Matter(c.effects, MattersShare)); !slices.Equal(got, c.matter) {
				t.Errorf("Matter %v, want %v", got, c.matter)
			}
			if got := Summary(c.effects); got != c.want {
				t.Errorf("Summary\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// The summary of a real screening names the factors the function is built from, not the inert one.
func TestSummaryOfScreening(t *testing.T) {
	d := mustDesign(t, unitFactors(4), Settings{Trajectories: 10, Seed: 3})
	effects := mustAnalyse(t, d, run(d, func(p Point) float64 {
		x := p.Levels
		return 10*x[0] + 5*x[1] + 0.2*x[3]
	}))
	if got := names(Matter(effects, MattersShare)); !slices.Equal(got, []string{"x1", "x2"}) {
		t.Errorf("factors that matter %v, want [x1 x2]", got)
	}
	if got, want := Summary(effects), "Matters most: x1 (mu* 10), x2 (mu* 5); 2 other factors below 10% of x1."; got != want {
		t.Errorf("Summary %q, want %q", got, want)
	}
}
