// Command seedresults fills a data folder with one large study whose results are SYNTHETIC, for
// the rendering and memory benchmarks of docs/BENCHMARKS.md: 10,000 variants cannot be simulated
// on a benchmark machine in reasonable time, and the table, the scatter and the app's memory do
// not depend on where the numbers came from. The study itself is real: it is made by the app's
// own CreateStudy (a Latin-hypercube sample over the default library plus thicker and thinner
// copies of its constructions), so the variants, their IDFs and their LCA figures are genuine;
// only each run's annual result is computed here from the variant's U-values instead of by
// EnergyPlus. The queue is paused while the study is made and no engine ever runs.
//
//	go run ./bench/seedresults -dir /tmp/epsm-10k -n 10000
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"epsm/app"
	"epsm/library"
	"epsm/sim"
	"epsm/study"
)

func main() {
	dir := flag.String("dir", "", "data folder to create (must not exist)")
	n := flag.Int("n", 10000, "variants to sample")
	flag.Parse()
	if err := seed(*dir, *n); err != nil {
		fmt.Fprintln(os.Stderr, "seedresults:", err)
		os.Exit(1)
	}
}

// thicknessScales make thinner and thicker copies of each opaque construction's new layers, so
// that the sample space holds more than 10,000 combinations.
var thicknessScales = func() []float64 {
	var k []float64
	for i := 6; i <= 100; i++ {
		if i != 20 {
			k = append(k, float64(i)/20)
		}
	}
	return k
}()

func seed(dir string, n int) error {
	if dir == "" {
		return fmt.Errorf("-dir is required")
	}
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("%s exists: seed a fresh folder", dir)
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	ctx := context.Background()
	c, err := app.Open(ctx, app.Config{DataDir: dir, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer c.Close()
	if c.Settings.Engine().Path == "" {
		return fmt.Errorf("no EnergyPlus found: CreateStudy queues runs for an engine (set ENERGYPLUS_EXE); none is started")
	}
	c.Queue.Pause()
	rep := c.Importer.Import([]string{filepath.Join(root, "examples", "1ZoneUncontrolled.idf"), filepath.Join(root, "examples", "USA_CO_Golden-NREL.724666_TMY3.epw")})
	if len(rep.Errors) > 0 || len(rep.Models) != 1 || len(rep.Weather) != 1 {
		return fmt.Errorf("import the example: %+v", rep.Errors)
	}
	options, err := addThicknessCopies(c)
	if err != nil {
		return err
	}
	start := time.Now()
	info, err := c.Studies.Create(study.Spec{
		Name: fmt.Sprintf("Synthetic %d-variant study (benchmark data)", n), ModelID: rep.Models[0].ID,
		WeatherIDs: []int64{rep.Weather[0].ID}, Options: options,
		// A sample repeats about 3% of its combinations, and those become one variant: ask for more.
		Sampling: study.Sampling{Mode: study.LHS, N: n + n/25, Seed: 1},
	})
	if err != nil {
		return fmt.Errorf("create study: %w", err)
	}
	fmt.Printf("study %d: %d variants made in %s\n", info.Study.ID, info.Variants, time.Since(start).Round(time.Millisecond))
	return finishSynthetic(c, info.Study.ID)
}

// addThicknessCopies saves scaled copies of the default opaque constructions and returns every
// usable option per element.
func addThicknessCopies(c *app.App) (map[string][]string, error) {
	lib, err := c.Store.Library()
	if err != nil {
		return nil, err
	}
	options := map[string][]string{}
	for _, el := range []string{library.ElementWall, library.ElementRoof} {
		options[el] = []string{study.Keep}
	}
	for _, con := range lib.Constructions {
		// The example model has exterior walls and a roof only.
		if (con.Element != library.ElementWall && con.Element != library.ElementRoof) || lib.Usable(con) != nil {
			continue
		}
		options[con.Element] = append(options[con.Element], con.ID)
		if con.Element == library.ElementWindow {
			continue
		}
		for _, k := range thicknessScales {
			cp := con
			cp.ID = fmt.Sprintf("%s_x%.2f", con.ID, k)
			cp.Name = fmt.Sprintf("%s (new layers ×%.2f)", con.Name, k)
			cp.Origin = "benchmark copy"
			cp.Layers = append([]library.Layer(nil), con.Layers...)
			for i := range cp.Layers {
				if !cp.Layers[i].Existing {
					cp.Layers[i].ThicknessM *= k
				}
			}
			if err := c.Store.SaveConstruction(cp); err != nil {
				return nil, fmt.Errorf("save %s: %w", cp.ID, err)
			}
			options[con.Element] = append(options[con.Element], cp.ID)
		}
	}
	return options, nil
}

// finishSynthetic stores a result for every run of the study: heating falls with the variant's
// U-values times the renovated areas (a steady-state degree-hour estimate), other end uses stay, and a
// little noise keeps points apart.
func finishSynthetic(c *app.App, studyID int64) error {
	s := c.Store
	_, variants, err := s.Study(studyID)
	if err != nil {
		return err
	}
	lib, err := c.Store.Library()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(7, 11))
	const area, degreeHours = 232.26, 110_000.0 // m² floor, K·h of a Golden-like heating season
	// The example's existing envelope, roughly: its UA in W/K and its U per element.
	const existingUA = 420.0
	existingU := map[string]float64{"wall": 0.6, "roof": 0.5, "floor": 0.7, "window": 2.8}
	for _, v := range variants {
		var figs struct {
			Areas   map[string]float64 `json:"areas"`
			Choices map[string]string  `json:"choices"`
		}
		if err := json.Unmarshal([]byte(v.FiguresJSON), &figs); err != nil {
			return fmt.Errorf("variant %s figures: %w", v.Name, err)
		}
		ua := existingUA
		for el, id := range figs.Choices {
			con, ok := lib.Construction(id)
			if !ok {
				continue // keep
			}
			f, err := lib.Figures(con)
			if err != nil {
				return fmt.Errorf("variant %s: %w", v.Name, err)
			}
			ua -= figs.Areas[el] * (existingU[el] - f.U)
		}
		heating := ua * degreeHours / 1000 * (1 + 0.03*rng.NormFloat64())
		lights, equipment := 9_800.0, 14_200.0
		total := heating + lights + equipment
		for _, runID := range v.Runs {
			res := &sim.Results{TotalSiteKWh: total, NetSiteKWh: total, TotalSourceKWh: total * 1.6, TotalAreaM2: area,
				ConditionedAreaM2: area, EUIKWhPerM2: total / area,
				EndUses: []sim.EndUse{{EndUse: "Heating", Fuel: "District Heating Water", KWh: math.Round(heating)},
					{EndUse: "Interior Lighting", Fuel: "Electricity", KWh: lights},
					{EndUse: "Interior Equipment", Fuel: "Electricity", KWh: equipment}}}
			out := sim.Outcome{Status: sim.StatusSucceeded, Message: "synthetic result (benchmark data)", Results: res,
				Progress: sim.Progress{Percent: 100}}
			if err := s.FinishRun(runID, out); err != nil {
				return err
			}
		}
	}
	fmt.Printf("%d variants have synthetic results\n", len(variants))
	return nil
}

func repoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "examples", "1ZoneUncontrolled.idf")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("run from inside the repository (examples/ not found above %s)", wd)
		}
	}
}
