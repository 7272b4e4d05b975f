package winetest

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// Detected reports whether this process runs under Wine: Wine's ntdll exports
// wine_get_version, Windows's does not.
func Detected() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}

// has32BitSupport: a prefix that can run 32-bit programs has a 32-bit ntdll in syswow64.
func has32BitSupport() bool {
	root := os.Getenv("SystemRoot")
	if root == "" {
		root = `C:\windows`
	}
	_, err := os.Stat(filepath.Join(root, "syswow64", "ntdll.dll"))
	return err == nil
}
