package cli

import (
	"flag"
	"fmt"
	"io"
	"sort"
)

// attachCommand is `epsm attach`: it follows again every batch on a cluster whose runs have not
// all come back (after the app or `epsm run --target` was closed or killed), brings each run
// back once, and prints them as `epsm run` does.
func attachCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("attach", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print results as JSON")
	dataDir := fs.String("data-dir", "", "data folder (default: EPSM_DATA_DIR or the platform's data folder)")
	verbose := fs.Bool("verbose", false, "log what EPSM does")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	sess, err := openSession("attach", *dataDir, 0, *verbose, stderr)
	if err != nil {
		return 2
	}
	defer sess.close()
	ctx, progress, a := sess.ctx, sess.progress, sess.app
	runs, err := a.Queue.Attach()
	if err != nil {
		fmt.Fprintln(stderr, "epsm attach:", err)
		return 2
	}
	if len(runs) == 0 {
		fmt.Fprintln(stderr, "epsm attach: no batch on a cluster is waiting to come back")
		return 0
	}
	ids := make([]int64, 0, len(runs))
	for id := range runs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	fmt.Fprintf(stderr, "following %d run(s) on their clusters\n", len(ids))
	if err := a.Queue.Wait(ctx, ids); err != nil {
		fmt.Fprintln(stderr, "\nepsm attach: interrupted; the runs go on on the cluster")
		return 130
	}
	progress.done()
	return report(a, ids, *asJSON, stdout, stderr)
}
