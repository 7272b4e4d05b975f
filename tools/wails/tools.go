//go:build tools

// Package tools pins the Wails CLI. Wails v2.9.2's CLI pins golang.org/x/tools v0.17.0,
// which no longer compiles on Go >= 1.25, so it is built from this module with a
// current x/tools instead of `go install`.
package tools

import _ "github.com/wailsapp/wails/v2/cmd/wails"
