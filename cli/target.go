package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"epsm/cluster"
	"epsm/services/computesvc"
)

const targetUsage = `usage:
  epsm target list [--json]          the saved compute targets (Settings > Compute)
  epsm target add NAME URL           save a target: slurm:///WORK?partition=P or
                                     slurm+ssh://[USER@]HOST[:PORT]/WORK?partition=P (see README)
  epsm target remove NAME
  epsm target check NAME|URL [--json]
                                     test it: login node, Slurm, work folder, and EnergyPlus on a
                                     node through a 1-task test job; exits 1 when a step fails`

// targetCommand is `epsm target`: the saved compute targets, as Settings > Compute edits them,
// through the same service.
func targetCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, targetUsage)
		return 2
	}
	verb := args[0]
	fs := flag.NewFlagSet("target "+verb, flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	dataDir := fs.String("data-dir", "", "data folder (default: EPSM_DATA_DIR or the platform's data folder)")
	if err := fs.Parse(reorder(args[1:], map[string]bool{"data-dir": true})); err != nil {
		return 2
	}
	want := map[string]int{"list": 0, "add": 2, "remove": 1, "check": 1}
	n, known := want[verb]
	if !known || fs.NArg() != n {
		fmt.Fprintln(stderr, targetUsage)
		return 2
	}
	sess, err := openSession("target", *dataDir, 0, false, stderr)
	if err != nil {
		return 2
	}
	defer sess.close()
	svc := sess.app.ComputeService
	fail := func(err error) int {
		fmt.Fprintf(stderr, "epsm target %s: %v\n", verb, err)
		return 2
	}
	switch verb {
	case "list":
		all, err := svc.Targets()
		if err != nil {
			return fail(err)
		}
		if *asJSON {
			return printJSON(stdout, all)
		}
		if len(all) == 0 {
			fmt.Fprintln(stderr, "no saved target: epsm target add NAME URL, or Settings > Compute")
			return 0
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tWHERE\tLAST CHECK\tURL")
		for _, t := range all {
			check := "never"
			if t.CheckedAt != "" {
				check = "failed " + t.CheckedAt
				if t.CheckOK {
					check = "passed " + t.CheckedAt
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Name, t.Where, check, t.URL)
		}
		tw.Flush()
	case "add":
		form, err := computesvc.FormOf(fs.Arg(1))
		if err != nil {
			return fail(err)
		}
		t, err := svc.SaveTarget("", fs.Arg(0), form)
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(stdout, "saved %s: %s\n", t.Name, t.URL)
	case "remove":
		if err := svc.RemoveTarget(fs.Arg(0)); err != nil {
			return fail(err)
		}
	case "check":
		var steps []cluster.CheckStep
		if arg := fs.Arg(0); strings.Contains(arg, "://") {
			t, err := cluster.ParseTarget(arg)
			if err != nil {
				return fail(err)
			}
			steps = cluster.Check(sess.ctx, t, sess.app.Queue.Worker(), func(s cluster.CheckStep) { printCheckStep(stderr, s) })
		} else if steps, err = svc.CheckTarget(arg); err != nil { // its steps arrive as events
			return fail(err)
		}
		if *asJSON {
			printJSON(stdout, steps)
		}
		for _, s := range steps {
			if s.State != cluster.StepOK {
				return 1
			}
		}
		fmt.Fprintln(stderr, "every step passed")
	}
	return 0
}

// printCheckStep prints a check step as it starts and ends.
func printCheckStep(w io.Writer, s cluster.CheckStep) {
	switch s.State {
	case cluster.StepRunning:
		fmt.Fprintf(w, "  ...     %s\n", s.Title)
	case cluster.StepOK:
		fmt.Fprintf(w, "  ok      %s: %s (%.1f s)\n", s.Title, s.Detail, float64(s.Millis)/1000)
	default:
		fmt.Fprintf(w, "  FAILED  %s: %s\n", s.Title, s.Detail)
	}
}

func printJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return 2
	}
	return 0
}
