// Command methods measures the study methods against the truth, for docs/BENCHMARKS.md: it runs
// the full factorial of a measure set on a real model with the real engine, then NSGA-II with a
// budget of at most 30 % of the factorial's runs over several seeds (every repeated variant is
// answered from the cache, so the optimiser's runs cost nothing new), and reports each front's
// hypervolume as a fraction of the true front's and the share of true Pareto points it found;
// then a Morris screening, whose top factor is compared with the factorial's largest main
// effect.
//
//	ENERGYPLUS_EXE=$(cat .cache/energyplus-path) go run ./bench/methods -data /tmp/epsm-methods
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"os"
	"slices"
	"sort"
	"time"

	"epsm/app"
	"epsm/optimize"
	"epsm/services/studysvc"
	"epsm/study"
)

func main() {
	data := flag.String("data", "", "data folder (kept: a second run answers every variant from the cache)")
	specPath := flag.String("spec", "bench/methods/office-factorial.json", "the factorial spec (its measures are the search space)")
	seeds := flag.Int("seeds", 5, "NSGA-II seeds")
	population := flag.Int("population", 10, "NSGA-II population")
	generations := flag.Int("generations", 4, "NSGA-II generations")
	trajectories := flag.Int("trajectories", 10, "Morris trajectories")
	jobs := flag.Int("jobs", 0, "parallel runs (default: one per core)")
	flag.Parse()
	if err := run(*data, *specPath, *seeds, *population, *generations, *trajectories, *jobs); err != nil {
		fmt.Fprintln(os.Stderr, "methods:", err)
		os.Exit(1)
	}
}

// objectives are the two figures searched: annual site energy against investment.
var objectives = []string{"siteEnergyKWh", "investmentCost"}

func run(data, specPath string, seeds, population, generations, trajectories, jobs int) error {
	if data == "" {
		return fmt.Errorf("-data is required")
	}
	a, err := app.Open(context.Background(), app.Config{DataDir: data, Workers: jobs, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer a.Close()
	ctx := context.Background()
	spec, err := study.LoadSpec(specPath)
	if err != nil {
		return err
	}

	start := time.Now()
	info, err := a.Studies.Create(spec)
	if err != nil {
		return err
	}
	var ids []int64
	for _, r := range info.Runs {
		ids = append(ids, r.ID)
	}
	if err := a.Queue.Wait(ctx, ids); err != nil {
		return err
	}
	truth, err := a.Studies.Table(info.Study.ID)
	if err != nil {
		return err
	}
	points := map[string][]float64{}
	for _, r := range truth.Rows {
		p, err := objectivePoint(r)
		if err != nil {
			return err
		}
		points[r.Key] = p
	}
	fmt.Printf("Factorial: %d variants (the baseline among them), %d runs, %s (%d cached)\n", len(points), len(truth.Rows), time.Since(start).Round(time.Second), cached(truth))
	lo, hi := bounds(points)
	ref := []float64{1.1, 1.1}
	trueFront := nonDominated(points)
	trueHV := optimize.Hypervolume(normalised(trueFront, points, lo, hi), ref)
	fmt.Printf("True front: %d points, hypervolume %.4f (objectives scaled to [0,1] over the factorial, reference point 1.1, 1.1)\n\n", len(trueFront), trueHV)

	budget := population * generations
	fmt.Printf("NSGA-II: population %d × %d generations = %d evaluations at most (%.0f %% of %d)\n\n", population, generations, budget, 100*float64(budget)/float64(len(points)), len(points))
	fmt.Println("| seed | distinct variants | share of factorial | hypervolume / true | true Pareto points on the front | found (evaluated) | time |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|")
	var ratios []float64
	for seed := 1; seed <= seeds; seed++ {
		s := spec
		s.Name = fmt.Sprintf("%s nsga2 seed %d", spec.Name, seed)
		s.Sampling = study.Sampling{}
		s.Method = &study.Method{Kind: study.MethodNSGA2, Objectives: objectives, Population: population, Generations: generations, Seed: uint64(seed)}
		t0 := time.Now()
		got, view, err := runMethod(ctx, a, s)
		if err != nil {
			return err
		}
		if view.Status != studysvc.MethodDone {
			return fmt.Errorf("seed %d: %s %s", seed, view.Status, view.Message)
		}
		table, err := a.Studies.Table(got.Study.ID)
		if err != nil {
			return err
		}
		labelKey := map[string]string{}
		evaluated := map[string]bool{}
		for _, r := range table.Rows {
			labelKey[r.Label] = r.Key
			if !r.Baseline || view.GenerationOf[r.Label] > 0 {
				evaluated[r.Key] = true
			}
		}
		var front []string
		for _, l := range view.Fronts[len(view.Fronts)-1] {
			front = append(front, labelKey[l])
			evaluated[labelKey[l]] = true // the baseline too, when the optimiser asked for it
		}
		hv := optimize.Hypervolume(normalised(front, points, lo, hi), ref)
		onFront, found := 0, 0
		for _, k := range trueFront {
			if slices.Contains(front, k) {
				onFront++
			}
			if evaluated[k] {
				found++
			}
		}
		ratios = append(ratios, hv/trueHV)
		fmt.Printf("| %d | %d | %.0f %% | %.3f | %d of %d | %d of %d | %s |\n", seed, len(evaluated), 100*float64(len(evaluated))/float64(len(points)),
			hv/trueHV, onFront, len(trueFront), found, len(trueFront), time.Since(t0).Round(time.Second))
	}
	sort.Float64s(ratios)
	fmt.Printf("\nMedian hypervolume ratio over %d seeds: %.3f\n\n", seeds, ratios[len(ratios)/2])

	return morris(ctx, a, spec, truth, trajectories)
}

// morris screens the same axes for site energy and compares the ranking with the factorial's
// main effects: the spread of each axis's marginal mean energy.
func morris(ctx context.Context, a *app.App, spec study.Spec, truth studysvc.StudyTable, trajectories int) error {
	s := spec
	s.Name = spec.Name + " morris"
	s.Sampling = study.Sampling{}
	s.Method = &study.Method{Kind: study.MethodMorris, Objectives: []string{"siteEnergyKWh"}, Trajectories: trajectories, Seed: 1}
	_, view, err := runMethod(ctx, a, s)
	if err != nil {
		return err
	}
	sc := view.Screening[0]
	fmt.Printf("Morris, r = %d: %d design points, %d distinct variants. %s\n\n", trajectories, trajectories*(len(spec.Measures)+1), view.Variants, sc.Summary)
	main := mainEffects(spec, truth)
	fmt.Println("| factor | Morris mu* (kWh) | sigma | factorial main effect (kWh: max − min of the marginal means) |")
	fmt.Println("|---|---:|---:|---:|")
	for _, e := range sc.Effects {
		fmt.Printf("| %s | %s | %s | %.0f |\n", e.Factor, num(e.MuStar), num(e.Sigma), main[e.Factor])
	}
	top := ""
	best := -1.0
	for f, v := range main {
		if v > best {
			top, best = f, v
		}
	}
	fmt.Printf("\nMorris's top factor: %s; the factorial's largest main effect: %s (%s)\n", sc.Effects[0].Factor, top, map[bool]string{true: "match", false: "NO MATCH"}[sc.Effects[0].Factor == top])
	return nil
}

// runMethod creates a method study and drives it to its end.
func runMethod(ctx context.Context, a *app.App, s study.Spec) (studysvc.StudyInfo, studysvc.MethodView, error) {
	got, err := a.Studies.Create(s)
	if err != nil {
		return got, studysvc.MethodView{}, err
	}
	if err := a.Studies.Drive(ctx, got.Study.ID); err != nil {
		return got, studysvc.MethodView{}, err
	}
	view, err := a.Studies.Method(got.Study.ID)
	return got, view, err
}

func mainEffects(spec study.Spec, truth studysvc.StudyTable) map[string]float64 {
	out := map[string]float64{}
	for _, m := range spec.Measures {
		sums, counts := map[string]float64{}, map[string]int{}
		for _, r := range truth.Rows {
			c := r.Measures[m.ID]
			if c == "" {
				c = study.Keep
			}
			sums[c] += r.Results.TotalSiteKWh
			counts[c]++
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for c, s := range sums {
			mean := s / float64(counts[c])
			lo, hi = math.Min(lo, mean), math.Max(hi, mean)
		}
		name := m.Name
		if name == "" {
			name = m.ID
		}
		out[name] = hi - lo
	}
	return out
}

func num(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.0f", *p)
}

func objectivePoint(r studysvc.VariantResult) ([]float64, error) {
	if !r.Status.Succeeded() || r.Results == nil {
		return nil, fmt.Errorf("%s (%s): %s %s", r.Label, r.Name, r.Status, r.Message)
	}
	if r.LCA == nil || !r.LCA.InvestmentCost.Complete {
		return nil, fmt.Errorf("%s (%s): investment incomplete", r.Label, r.Name)
	}
	return []float64{r.Results.TotalSiteKWh, r.LCA.InvestmentCost.Value}, nil
}

func cached(t studysvc.StudyTable) int {
	n := 0
	for _, r := range t.Rows {
		if r.Cached {
			n++
		}
	}
	return n
}

func bounds(points map[string][]float64) (lo, hi []float64) {
	lo, hi = []float64{math.Inf(1), math.Inf(1)}, []float64{math.Inf(-1), math.Inf(-1)}
	for _, p := range points {
		for i, v := range p {
			lo[i], hi[i] = math.Min(lo[i], v), math.Max(hi[i], v)
		}
	}
	return lo, hi
}

func normalised(keys []string, points map[string][]float64, lo, hi []float64) [][]float64 {
	var out [][]float64
	for _, k := range keys {
		p := points[k]
		q := make([]float64, len(p))
		for i := range p {
			q[i] = (p[i] - lo[i]) / math.Max(hi[i]-lo[i], 1e-12)
		}
		out = append(out, q)
	}
	return out
}

// nonDominated are the keys of the points no other point dominates (minimising both).
func nonDominated(points map[string][]float64) []string {
	var out []string
	for k, p := range points {
		dominated := false
		for j, q := range points {
			if j != k && q[0] <= p[0] && q[1] <= p[1] && (q[0] < p[0] || q[1] < p[1]) {
				dominated = true
				break
			}
		}
		if !dominated {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
