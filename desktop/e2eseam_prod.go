//go:build !dev

package desktop

// e2eSaveDir: outside the dev build the save dialog is always the native one.
func e2eSaveDir() string { return "" }
