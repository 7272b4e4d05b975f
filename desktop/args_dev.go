//go:build dev

package desktop

import (
	"flag"
	"io"
)

// launchArgs: the dev build (what Playwright drives) takes Wails's dev-server flags on its
// command line; the files are what follows them.
func launchArgs(args []string) []string {
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, name := range []string{"assetdir", "devserver", "frontenddevserverurl", "loglevel"} {
		fs.String(name, "", "")
	}
	if fs.Parse(args) != nil {
		return nil
	}
	return fs.Args()
}
