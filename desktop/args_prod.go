//go:build !dev

package desktop

// launchArgs: a release build takes no flags of its own; every argument may be a file.
func launchArgs(args []string) []string { return args }
