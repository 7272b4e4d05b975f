// Command epsm is EPSM Desktop: with no arguments it opens the window (in a GUI build), with a
// command (run, inspect) it works headless. This file only wires the parts together.
package main

import (
	"os"

	"epsm/cli"
)

func main() {
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		cli.AttachConsole()
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(runGUI())
}
