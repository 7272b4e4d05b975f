//go:build desktop || dev || production || bindings

package main

import (
	_ "embed"
	"fmt"
	"os"

	"epsm/app"
)

//go:embed build/appicon.png
var appIcon []byte

func runGUI() int {
	if err := app.RunDesktop(app.Config{}, frontendAssets(), appIcon); err != nil {
		fmt.Fprintln(os.Stderr, "epsm:", err)
		return 1
	}
	return 0
}
