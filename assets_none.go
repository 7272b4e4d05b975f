//go:build (desktop || bindings) && !dev && !production

package main

import (
	"embed"
	"io/fs"
)

// The bindings build has no frontend yet: Wails only needs the Go side to generate bindings.
var dist embed.FS

func frontendAssets() fs.FS { return dist }
