package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"syscall"
	"text/tabwriter"

	"epsm/app"
	"epsm/lca"
	"epsm/study"
)

func studyCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("study", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jobs := fs.Int("jobs", 0, "parallel runs (default: one per CPU core)")
	csvOut := fs.String("csv", "", "write the variant table to this CSV file")
	asJSON := fs.Bool("json", false, "print the variant table as JSON")
	dataDir := fs.String("data-dir", "", "data folder (default: EPSM_DATA_DIR or the platform's data folder)")
	countOnly := fs.Bool("count", false, "print how many variants the spec makes and stop")
	if err := fs.Parse(reorder(args, map[string]bool{"jobs": true, "csv": true, "data-dir": true})); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: epsm study SPEC.json [--jobs N] [--csv OUT] [--json] [--data-dir DIR] [--count]")
		return 2
	}
	spec, err := study.LoadSpec(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "epsm study:", err)
		return 2
	}
	if err := spec.Validate(); err != nil {
		fmt.Fprintf(stderr, "epsm study: %s: %v\n", fs.Arg(0), err)
		return 2
	}
	if *countOnly {
		fmt.Fprintf(stdout, "%d variants besides the baseline\n", spec.Count())
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	progress := newTerminalProgress(stderr)
	core, err := app.Open(ctx, app.Config{DataDir: *dataDir, Workers: *jobs, Emitter: progress,
		Log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))})
	if err != nil {
		fmt.Fprintln(stderr, "epsm study:", err)
		return 2
	}
	defer core.Close()
	info, err := core.CreateStudy(spec)
	if err != nil {
		fmt.Fprintf(stderr, "epsm study: %s: %v\n", fs.Arg(0), err)
		return 2
	}
	ids := make([]int64, len(info.Runs))
	names := map[int64]string{}
	for i, r := range info.Runs {
		ids[i] = r.ID
		names[r.ID] = r.ModelName
	}
	progress.setNames(names)
	fmt.Fprintf(stderr, "study %q: %d variants + baseline × %d weather file(s) = %d runs\n", info.Study.Name, info.Variants, len(info.Weather), len(info.Runs))
	if err := core.Wait(ctx, ids); err != nil {
		fmt.Fprintln(stderr, "\nepsm study: interrupted")
		return 130
	}
	progress.done()
	table, err := core.StudyTable(info.Study.ID)
	if err != nil {
		fmt.Fprintln(stderr, "epsm study:", err)
		return 2
	}
	if *csvOut != "" {
		if err := writeStudyCSV(*csvOut, table); err != nil {
			fmt.Fprintln(stderr, "epsm study:", err)
			return 2
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(table)
	} else {
		printStudy(stdout, table)
	}
	for _, r := range table.Rows {
		if !r.Status.Succeeded() {
			return 1
		}
	}
	return 0
}

// studyColumns are the variant table's columns, with units in the headers.
var studyColumns = []string{"variant_id", "variant", "baseline", "wall", "roof", "floor", "window", "weather", "run_id", "status", "cached",
	"wall_area_m2", "roof_area_m2", "floor_area_m2", "window_area_m2",
	"annual_site_energy_kwh", "eui_kwh_m2", "operational_kgco2e_per_year", "embodied_kgco2e", "life_cycle_kgco2e",
	"energy_cost_per_year", "investment", "life_cycle_cost", "saving_energy_kwh_per_year", "saving_life_cycle_kgco2e",
	"simple_payback_years", "carbon_payback_years", "pareto_carbon_cost", "pareto_energy_embodied", "incomplete_because"}

func studyRecord(r app.VariantResult) []string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	amount := func(a lca.Amount) string {
		if !a.Complete {
			return ""
		}
		return f(a.Value)
	}
	area := func(el string) string {
		if a, ok := r.Areas[el]; ok {
			return f(a)
		}
		return ""
	}
	rec := []string{r.Key, r.Name, strconv.FormatBool(r.Baseline), r.Choices["wall"], r.Choices["roof"], r.Choices["floor"], r.Choices["window"],
		r.WeatherName, strconv.FormatInt(r.RunID, 10), string(r.Status), strconv.FormatBool(r.Cached),
		area("wall"), area("roof"), area("floor"), area("window")}
	if r.Results == nil || r.LCA == nil {
		rec = append(rec, make([]string, len(studyColumns)-len(rec))...)
		return rec
	}
	l := r.LCA
	payback := func(p lca.Payback) string {
		if p.Years == nil {
			return ""
		}
		return f(*p.Years)
	}
	var missing []string
	for _, a := range []lca.Amount{l.OperationalKgCO2ePerYear, l.EmbodiedKgCO2e, l.EnergyCostPerYear, l.InvestmentCost} {
		missing = append(missing, a.Missing...)
	}
	sort.Strings(missing)
	missing = compactStrings(missing)
	rec = append(rec, f(r.Results.TotalSiteKWh), f(r.Results.EUIKWhPerM2), amount(l.OperationalKgCO2ePerYear), amount(l.EmbodiedKgCO2e),
		amount(l.LifeCycleKgCO2e), amount(l.EnergyCostPerYear), amount(l.InvestmentCost), amount(l.LifeCycleCost),
		amount(l.Savings.EnergyKWh.Amount), amount(l.Savings.LifeCycleKgCO2e.Amount), payback(l.SimplePayback), payback(l.CarbonPayback),
		strconv.FormatBool(r.ParetoCarbonCost), strconv.FormatBool(r.ParetoEnergyEmbodied), joinSemicolon(missing))
	return rec
}

func compactStrings(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func joinSemicolon(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += "; "
		}
		out += v
	}
	return out
}

func writeStudyCSV(path string, t app.StudyTable) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	w := csv.NewWriter(f)
	w.Write(studyColumns)
	for _, r := range t.Rows {
		w.Write(studyRecord(r))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func printStudy(w io.Writer, t app.StudyTable) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VARIANT\tWEATHER\tSTATUS\tSITE kWh\tEMBODIED kgCO2e\tLIFE-CYCLE kgCO2e\tLIFE-CYCLE COST\tPARETO\tNAME")
	for _, r := range t.Rows {
		rec := studyRecord(r)
		col := func(name string) string {
			for i, c := range studyColumns {
				if c == name {
					if rec[i] == "" {
						return "-"
					}
					return rec[i]
				}
			}
			return "-"
		}
		pareto := ""
		if r.ParetoCarbonCost {
			pareto += "C/$ "
		}
		if r.ParetoEnergyEmbodied {
			pareto += "E/GWP"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Key, r.WeatherName, r.Status, col("annual_site_energy_kwh"),
			col("embodied_kgco2e"), col("life_cycle_kgco2e"), col("life_cycle_cost"), pareto, r.Name)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d of %d runs finished. A '-' is a figure that depends on a missing value (see the CSV's incomplete_because column or Settings).\n", t.Finished, t.Total)
}
