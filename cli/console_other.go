//go:build !windows

package cli

// AttachConsole: only the Windows app lacks a console of its own.
func AttachConsole() {}
