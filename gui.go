//go:build desktop || dev || production || bindings

package main

import (
	"fmt"
	"os"

	"epsm/app"
)

func runGUI() int {
	if err := app.RunDesktop(app.Config{}, frontendAssets()); err != nil {
		fmt.Fprintln(os.Stderr, "epsm:", err)
		return 1
	}
	return 0
}
