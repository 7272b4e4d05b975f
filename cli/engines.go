package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"epsm/runner"
)

func enginesCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("engines", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	engines, cands := runner.Discover(context.Background(), runner.DiscoverOptions{})
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(map[string]any{"engines": engines, "candidates": cands})
	} else {
		for i, e := range engines {
			mark := " "
			if i == 0 {
				mark = "*"
			}
			fmt.Fprintf(stdout, "%s EnergyPlus %s  %s  (%s)\n", mark, e.Version, e.Path, e.Source)
		}
		for _, c := range cands {
			if c.Error != "" {
				fmt.Fprintf(stdout, "  not usable: %s (%s): %s\n", c.Path, c.Source, c.Error)
			}
		}
	}
	if len(engines) == 0 {
		fmt.Fprintln(stderr, runner.ErrNoEngine)
		return 1
	}
	return 0
}
