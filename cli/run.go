package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"epsm/app"
	"epsm/bbr"
	"epsm/events"
	"epsm/runner"
	"epsm/services/computesvc"
	"epsm/services/runsvc"
	"epsm/sim"
)

// runResult is one row of `epsm run --json`.
type runResult struct {
	ID      int64      `json:"id"`
	Model   string     `json:"model"`
	Weather string     `json:"weather"`
	Status  sim.Status `json:"status"`
	// Kind is why the run failed, as a code (sim.FailureKind: disk-full, version-mismatch, ...).
	Kind        sim.FailureKind `json:"kind,omitempty"`
	Message     string          `json:"message,omitempty"`
	FirstSevere string          `json:"firstSevere,omitempty"`
	// Headline is the one line that explains how the run ended; failures are grouped by it.
	Headline       string       `json:"headline,omitempty"`
	LastSevere     string       `json:"lastSevere,omitempty"`
	Warnings       int          `json:"warnings"`
	Severe         int          `json:"severe"`
	ElapsedSeconds float64      `json:"elapsedSeconds"`
	Cached         bool         `json:"cached"`
	OutputDir      string       `json:"outputDir"`
	Results        *sim.Results `json:"results"`
	// The Swedish figures (the README lists their units), nil where an input is missing; Swedish
	// has all of them, with the missing inputs named.
	Atemp               *float64     `json:"atemp"`
	PrimaryEnergyNumber *float64     `json:"primaryEnergyNumber"`
	EnergyClass         string       `json:"energyClass"`
	PeakHeatingW        *float64     `json:"peakHeatingW"`
	OverheatingHours    *float64     `json:"overheatingHours"`
	Swedish             *bbr.Figures `json:"swedish,omitempty"`
}

func runCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	weather := fs.String("weather", "", "EPW weather file (required)")
	jobs := fs.Int("jobs", 0, "parallel runs (default: one per CPU core)")
	annual := fs.Bool("annual", false, "force an annual weather-file run (EnergyPlus -a)")
	asJSON := fs.Bool("json", false, "print results as JSON")
	dataDir := fs.String("data-dir", "", "data folder (default: EPSM_DATA_DIR or the platform's data folder)")
	verbose := fs.Bool("verbose", false, "log what EPSM does")
	force := fs.Bool("force", false, "run even when an identical run already succeeded (no answer from the cache)")
	keepAll := fs.Bool("keep-all", false, "keep every EnergyPlus output (default: only eplusout.err, the report and the run copy once the results and hourly meters are stored)")
	target := fs.String("target", "", "run on a Slurm cluster: slurm:///WORK?partition=P or slurm+ssh://[USER@]HOST/WORK?partition=P (see README)")
	if err := fs.Parse(reorder(args, map[string]bool{"weather": true, "jobs": true, "data-dir": true, "target": true})); err != nil {
		return 2
	}
	if *weather == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: epsm run --weather W.epw A.idf [B.idf ...] [--jobs N] [--annual] [--json]")
		return 2
	}
	sess, err := openSession("run", *dataDir, *jobs, *verbose, stderr)
	if err != nil {
		return 2
	}
	defer sess.close()
	ctx, progress, a := sess.ctx, sess.progress, sess.app
	if a.Settings.Engine().Path == "" {
		fmt.Fprintln(stderr, "epsm run:", runner.ErrNoEngine)
		return 2
	}

	rep := a.Importer.Import(append([]string{*weather}, fs.Args()...))
	for _, e := range rep.Errors {
		fmt.Fprintf(stderr, "epsm run: %s\n", e.Message)
	}
	if len(rep.Errors) > 0 {
		return 2
	}
	if len(rep.Weather) != 1 {
		fmt.Fprintf(stderr, "epsm run: --weather must name one .epw file, got %q\n", *weather)
		return 2
	}
	req := runsvc.RunRequest{WeatherID: rep.Weather[0].ID, ForceAnnual: *annual, Force: *force, Target: *target, KeepAll: *keepAll}
	names := map[int64]string{}
	for _, m := range rep.Models {
		req.ModelIDs = append(req.ModelIDs, m.ID)
	}
	if len(req.ModelIDs) == 0 {
		fmt.Fprintln(stderr, "epsm run: name at least one .idf model")
		return 2
	}
	runs, err := a.Queue.StartRuns(req)
	if err != nil {
		fmt.Fprintln(stderr, "epsm run:", err)
		return 2
	}
	ids := make([]int64, len(runs))
	for i, r := range runs {
		ids[i] = r.ID
		names[r.ID] = r.ModelName
	}
	progress.setNames(names)
	where := "here"
	if *target != "" {
		where = "on " + *target
	}
	fmt.Fprintf(stderr, "EnergyPlus %s (%s), %d run(s) %s\n", a.Settings.Engine().Version, a.Settings.Engine().Path, len(runs), where)
	if err := a.Queue.Wait(ctx, ids); err != nil {
		if *target != "" {
			// The cluster goes on without this process: the same command, or epsm attach,
			// brings the results back later.
			fmt.Fprintln(stderr, "\nepsm run: interrupted; the runs go on on the cluster: `epsm attach` brings them back")
			return 130
		}
		for _, id := range ids {
			a.Queue.CancelRun(id)
		}
		fmt.Fprintln(stderr, "\nepsm run: interrupted; unfinished runs were cancelled")
		return 130
	}
	progress.done()
	return report(a, ids, *asJSON, stdout, stderr)
}

// report prints the runs' results as a table (or JSON) and returns the exit code: 1 when a
// run failed.
func report(a *app.App, ids []int64, asJSON bool, stdout, stderr io.Writer) int {
	var results []runResult
	failed := 0
	for _, id := range ids {
		d, err := a.Queue.RunDetails(id)
		if err != nil {
			fmt.Fprintln(stderr, "epsm run:", err)
			return 2
		}
		if !d.Run.Status.Succeeded() {
			failed++
		}
		results = append(results, toResult(d))
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(results)
	} else {
		printTable(stdout, results)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func toResult(d runsvc.RunDetails) runResult {
	r := d.Run
	out := runResult{ID: r.ID, Model: r.ModelName, Weather: r.WeatherName, Status: r.Status, Kind: r.Kind, Message: r.Message, FirstSevere: r.FirstSevere, Headline: r.Headline,
		LastSevere: r.LastSevere, Warnings: r.Warnings, Severe: r.Severe, ElapsedSeconds: r.ElapsedSeconds,
		Cached: r.CachedFrom != 0, OutputDir: r.Dir, Results: d.Results, Swedish: d.Swedish}
	if d.Swedish != nil {
		sum := d.Swedish.Summary()
		out.Atemp, out.PrimaryEnergyNumber, out.EnergyClass, out.PeakHeatingW, out.OverheatingHours =
			sum.Atemp, sum.PrimaryEnergyNumber, sum.EnergyClass, sum.PeakHeatingW, sum.OverheatingHours
	}
	return out
}

// figure prints a figure that may be missing.
func figure(v *float64, format string) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf(format, *v)
}

func printTable(w io.Writer, rows []runResult) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tMODEL\tSTATUS\tWARN\tSEVERE\tSITE kWh\tEUI kWh/m2\tAREA m2\tEP_pet kWh/m2\tCLASS\tTIME s\tOUTPUT")
	for _, r := range rows {
		site, eui, area := "-", "-", "-"
		if r.Results != nil {
			site = fmt.Sprintf("%.1f", r.Results.TotalSiteKWh)
			eui = fmt.Sprintf("%.1f", r.Results.EUIKWhPerM2)
			area = fmt.Sprintf("%.1f", r.Results.TotalAreaM2)
		}
		status := string(r.Status)
		if r.Cached {
			status += " (cached)"
		}
		class := r.EnergyClass
		if class == "" {
			class = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\n", r.ID, r.Model, status, r.Warnings, r.Severe, site, eui, area,
			figure(r.PrimaryEnergyNumber, "%.1f"), class, r.ElapsedSeconds, r.OutputDir)
	}
	tw.Flush()
	// Failures grouped by their headline (the first severe error, or the version mismatch): 40
	// runs failing the same way are one line, not forty.
	type group struct {
		status     sim.Status
		headline   string
		lastSevere string
		runs       []string
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, r := range rows {
		if r.Status.Succeeded() {
			continue
		}
		key := string(r.Status) + "\x00" + r.Headline
		g := byKey[key]
		if g == nil {
			g = &group{status: r.Status, headline: r.Headline, lastSevere: r.LastSevere}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.runs = append(g.runs, fmt.Sprintf("%d (%s)", r.ID, r.Model))
	}
	for _, g := range groups {
		fmt.Fprintf(w, "%s in %d run(s): %s\n  runs: %s\n", g.status, len(g.runs), g.headline, strings.Join(g.runs, ", "))
		if g.lastSevere != "" && g.lastSevere != g.headline {
			fmt.Fprintf(w, "  last severe: %s\n", g.lastSevere)
		}
	}
}

// terminalProgress prints run progress to the terminal: one redrawn line on a TTY, otherwise a
// line per phase change or 10% step so logs stay short.
type terminalProgress struct {
	w   io.Writer
	tty bool

	mu    sync.Mutex
	names map[int64]string
	state map[int64]runsvc.RunProgress
	shown map[int64]string
	final map[int64]bool
}

func newTerminalProgress(w io.Writer) *terminalProgress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &terminalProgress{w: w, tty: tty, names: map[int64]string{}, state: map[int64]runsvc.RunProgress{}, shown: map[int64]string{}, final: map[int64]bool{}}
}

func (t *terminalProgress) setNames(n map[int64]string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for k, v := range n {
		t.names[k] = v
	}
}

// Emit implements events.Emitter.
func (t *terminalProgress) Emit(name events.Name, payload any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch p := payload.(type) {
	case computesvc.CheckEvent:
		printCheckStep(t.w, p.Step)
	case runsvc.RunProgress:
		t.state[p.RunID] = p
		t.report(p.RunID, fmt.Sprintf("%3.0f%% %s %s %s", p.Progress.Percent, p.Progress.Phase, p.Progress.Environment, p.Progress.SimDate), int(p.Progress.Percent)/10)
	case runsvc.RunStatus:
		r := p.Run
		if r.Status.Final() {
			t.final[r.ID] = true
			msg := ""
			if r.Message != "" {
				msg = ": " + r.Message
			}
			t.report(r.ID, fmt.Sprintf("%s (%d warnings, %d severe, %.1f s)%s", r.Status, r.Warnings, r.Severe, r.ElapsedSeconds, msg), 100)
		}
	}
}

func (t *terminalProgress) report(id int64, text string, step int) {
	name := t.names[id]
	if name == "" {
		name = fmt.Sprintf("run %d", id)
	}
	if t.tty {
		var parts []string
		ids := make([]int64, 0, len(t.state))
		for k := range t.state {
			ids = append(ids, k)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, k := range ids {
			if !t.final[k] {
				parts = append(parts, fmt.Sprintf("#%d %3.0f%% %s", k, t.state[k].Progress.Percent, t.state[k].Progress.Phase))
			}
		}
		if step == 100 {
			fmt.Fprintf(t.w, "\r\033[K[%d] %s: %s\n", id, name, text)
		}
		fmt.Fprintf(t.w, "\r\033[K%s", strings.Join(parts, "  "))
		return
	}
	key := fmt.Sprintf("%d/%s", step, strings.Fields(text + " x")[1])
	if t.shown[id] == key {
		return
	}
	t.shown[id] = key
	fmt.Fprintf(t.w, "[%d] %s: %s\n", id, name, strings.TrimSpace(text))
}

func (t *terminalProgress) done() {
	if t.tty {
		fmt.Fprint(t.w, "\r\033[K")
	}
}
