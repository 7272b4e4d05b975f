//go:build desktop || dev || production || bindings

package main

import (
	_ "embed"
	"fmt"
	"os"

	"epsm/app"
	"epsm/desktop"
)

//go:embed build/appicon.png
var appIcon []byte

func runGUI() int {
	if err := desktop.Run(app.Config{}, frontendAssets(), appIcon); err != nil {
		fmt.Fprintln(os.Stderr, "epsm:", err)
		return 1
	}
	return 0
}
