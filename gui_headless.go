//go:build !desktop && !dev && !production && !bindings

package main

import (
	"fmt"
	"os"
)

// runGUI in a plain `go build`: that binary links no GTK/WebKit, for servers and clusters.
func runGUI() int {
	fmt.Fprintln(os.Stderr, "epsm: this is the headless build (no window). Commands: epsm run, epsm inspect; `epsm help` for usage.\nBuild the desktop app with `make build`.")
	return 2
}
