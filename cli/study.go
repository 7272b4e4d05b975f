package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"epsm/lca"
	"epsm/services/studysvc"
	"epsm/study"
)

func studyCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("study", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jobs := fs.Int("jobs", 0, "parallel runs (default: one per CPU core)")
	csvOut := fs.String("csv", "", "write the variant table to this CSV file")
	xlsxOut := fs.String("xlsx", "", "write the variant table (and the carbon and cost assumptions) to this Excel workbook")
	reportOut := fs.String("report", "", "write the study's report to this file: an .html page or a .pdf")
	asJSON := fs.Bool("json", false, "print the variant table as JSON")
	dataDir := fs.String("data-dir", "", "data folder (default: EPSM_DATA_DIR or the platform's data folder)")
	countOnly := fs.Bool("count", false, "print how many variants the spec makes and stop")
	target := fs.String("target", "", "run the study on a Slurm cluster: a saved target's name or a URL (see epsm run --target)")
	verbose := fs.Bool("verbose", false, "log what EPSM does (the upload to a cluster, ...)")
	fresh := fs.Bool("new", false, "make a new study even when this spec's last study has not ended (by default it is continued)")
	if err := fs.Parse(reorder(args, map[string]bool{"jobs": true, "csv": true, "xlsx": true, "report": true, "data-dir": true, "target": true})); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: epsm study SPEC.json [--jobs N] [--csv OUT] [--xlsx OUT] [--report OUT.html|OUT.pdf] [--json] [--data-dir DIR] [--count] [--target NAME|URL] [--new] [--verbose]")
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
	if *reportOut != "" {
		// A misspelt report name fails now, not after the runs.
		if _, err := studysvc.ReportFormat(*reportOut); err != nil {
			fmt.Fprintln(stderr, "epsm study:", err)
			return 2
		}
	}
	if *countOnly {
		fmt.Fprintf(stdout, "%d variants besides the baseline\n", spec.Count())
		if note := spec.SampleShortfall(); note != "" {
			fmt.Fprintln(stdout, note)
		}
		return 0
	}
	sess, err := openSession("study", *dataDir, *jobs, *verbose, stderr)
	if err != nil {
		return 2
	}
	defer sess.close()
	ctx, progress, a := sess.ctx, sess.progress, sess.app
	var info studysvc.StudyInfo
	var resumed *studysvc.Resumed
	if *fresh {
		info, err = a.Studies.CreateOn(spec, *target)
	} else {
		info, resumed, err = a.Studies.CreateOrResume(spec, *target)
	}
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
	switch {
	case resumed != nil && *target != "":
		fmt.Fprintf(stderr, "study %q (#%d, made %s) had not ended: continuing it on the cluster. %d of %d runs had come back, %d followed again where they run, none submitted twice (--new makes a new study instead)\n",
			info.Study.Name, info.Study.ID, madeAt(info.Study.CreatedAt), resumed.Finished, resumed.Total, resumed.Following)
	case resumed != nil:
		fmt.Fprintf(stderr, "study %q (#%d, made %s) had not ended: continuing it. %d of %d runs had ended, %d queued again (--new makes a new study instead)\n",
			info.Study.Name, info.Study.ID, madeAt(info.Study.CreatedAt), resumed.Finished, resumed.Total, resumed.Requeued)
	default:
		fmt.Fprintf(stderr, "study %q: %d variants + baseline × %d weather file(s) = %d runs\n", info.Study.Name, info.Variants, len(info.Weather), len(info.Runs))
	}
	wait := func() error { return a.Queue.Wait(ctx, ids) }
	if info.Study.MethodJSON != "" {
		// The method asks for its next generation when one is evaluated, until it is done.
		wait = func() error { return a.Studies.Drive(ctx, info.Study.ID) }
	}
	if err := wait(); err != nil {
		if *target != "" {
			fmt.Fprintln(stderr, "\nepsm study: interrupted; the runs go on on the cluster: the same command again follows them and continues the study (--new starts it afresh)")
			return 130
		}
		fmt.Fprintln(stderr, "\nepsm study: interrupted; the same command again continues the study (--new starts it afresh)")
		return 130
	}
	progress.done()
	table, err := a.Studies.Table(info.Study.ID)
	if err != nil {
		fmt.Fprintln(stderr, "epsm study:", err)
		return 2
	}
	var method *studysvc.MethodView
	if info.Study.MethodJSON != "" {
		view, err := a.Studies.Method(info.Study.ID)
		if err != nil {
			fmt.Fprintln(stderr, "epsm study:", err)
			return 2
		}
		method = &view
	}
	for _, out := range []struct{ path, format string }{{*csvOut, studysvc.FormatCSV}, {*xlsxOut, studysvc.FormatXLSX}} {
		if out.path == "" {
			continue
		}
		if err := a.Studies.ExportResults(info.Study.ID, out.path, out.format); err != nil {
			fmt.Fprintln(stderr, "epsm study:", err)
			return 2
		}
	}
	if *reportOut != "" {
		if err := a.Studies.ExportReport(info.Study.ID, *reportOut); err != nil {
			fmt.Fprintln(stderr, "epsm study:", err)
			return 2
		}
		fmt.Fprintln(stderr, "report written to", *reportOut)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(struct {
			studysvc.StudyTable
			Method *studysvc.MethodView `json:"method,omitempty"`
		}{table, method})
	} else {
		printStudy(stdout, table)
		if method != nil {
			printMethod(stdout, *method)
		}
	}
	if method != nil && method.Status == studysvc.MethodFailed {
		fmt.Fprintln(stderr, "epsm study: the method stopped:", method.Message)
		return 1
	}
	for _, r := range table.Rows {
		if !r.Status.Succeeded() {
			return 1
		}
	}
	return 0
}

func printStudy(w io.Writer, t studysvc.StudyTable) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVARIANT\tWEATHER\tSTATUS\tSITE kWh\tEMBODIED kgCO2e\tLIFE-CYCLE kgCO2e\tLIFE-CYCLE COST\tPARETO\tNAME")
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	var assumed []string // values taken from a published range, once each, in the order met
	amount := func(r studysvc.VariantResult, pick func(*lca.Result) lca.Amount) string {
		if r.LCA == nil || !pick(r.LCA).Complete {
			return "-"
		}
		a := pick(r.LCA)
		if len(a.Assumed) == 0 {
			return f(a.Value)
		}
		for _, s := range a.Assumed {
			if !slices.Contains(assumed, s) {
				assumed = append(assumed, s)
			}
		}
		return f(a.Value) + "*"
	}
	for _, r := range t.Rows {
		site := "-"
		if r.Results != nil {
			site = f(r.Results.TotalSiteKWh)
		}
		pareto := ""
		if r.ParetoCarbonCost {
			pareto += "C/$ "
		}
		if r.ParetoEnergyEmbodied {
			pareto += "E/GWP"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Label, r.Key, r.WeatherName, r.Status, site,
			amount(r, func(l *lca.Result) lca.Amount { return l.EmbodiedKgCO2e }),
			amount(r, func(l *lca.Result) lca.Amount { return l.LifeCycleKgCO2e }),
			amount(r, func(l *lca.Result) lca.Amount { return l.LifeCycleCost }), pareto, r.Name)
	}
	tw.Flush()
	fmt.Fprintf(w, "%d of %d runs finished. A '-' is a figure that depends on a missing value (see the export's Note column or Settings).\n", t.Finished, t.Total)
	for _, a := range assumed {
		fmt.Fprintf(w, "* taken from a published range (the spec's costRanges): %s\n", a)
	}
}

// madeAt is a stored time as a person reads it: local, to the minute.
func madeAt(stored string) string {
	t, err := time.Parse(time.RFC3339Nano, stored)
	if err != nil {
		return stored
	}
	return t.Local().Format("2006-01-02 15:04")
}

// printMethod tells what a method found: NSGA-II's front by generation, or Morris's ranking.
func printMethod(w io.Writer, m studysvc.MethodView) {
	switch m.Kind {
	case study.MethodNSGA2:
		fmt.Fprintf(w, "\nNSGA-II: %d of %d generations, %d distinct variants (the baseline among them); objectives (%s over the weather files):", m.Generation, m.Generations, m.Variants, m.Weather)
		for _, o := range m.Objectives {
			fmt.Fprintf(w, " %s [%s];", o.Name, o.Unit)
		}
		fmt.Fprintln(w)
		for g, front := range m.Fronts {
			fmt.Fprintf(w, "  front after generation %d: %s\n", g+1, strings.Join(front, " "))
		}
	case study.MethodMorris:
		fmt.Fprintf(w, "\nMorris screening (%s over the weather files):\n", m.Weather)
		for _, sc := range m.Screening {
			fmt.Fprintf(w, "%s [%s]: %s\n", sc.Objective.Name, sc.Objective.Unit, sc.Summary)
			tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "  FACTOR\tMU*\tMU\tSIGMA\tEFFECTS")
			for _, e := range sc.Effects {
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d\n", e.Factor, num(e.MuStar), num(e.Mu), num(e.Sigma), e.Effects)
			}
			tw.Flush()
			if sc.Missing > 0 {
				fmt.Fprintf(w, "  %d point(s) without a value: %s\n", sc.Missing, sc.Why)
			}
		}
	case study.MethodSobolIndices:
		fmt.Fprintf(w, "\nSobol indices (%s over the weather files; ± is the 95 %% bootstrap half-width):\n", m.Weather)
		for _, x := range m.Indices {
			fmt.Fprintf(w, "%s [%s]: %s\n", x.Objective.Name, x.Objective.Unit, x.Summary)
			tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "  FACTOR\tS1\tST\tROWS")
			for _, i := range x.Indices {
				fmt.Fprintf(tw, "  %s\t%s ± %s\t%s ± %s\t%d\n", i.Factor, num(i.S1), num(i.S1Conf), num(i.ST), num(i.STConf), i.Rows)
			}
			tw.Flush()
			if x.Missing > 0 {
				fmt.Fprintf(w, "  %d point(s) without a value: %s\n", x.Missing, x.Why)
			}
		}
	}
}

// num prints a figure that may be missing.
func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p, 'g', 3, 64)
}
