// Package winetest tells a Windows test binary whether it runs under Wine and what that Wine
// cannot do which real Windows can, so that a test skips only that, saying why (make
// test-windows runs the Windows build's tests under Debian's wine64). Elsewhere it finds no Wine.
package winetest

import (
	"debug/pe"
	"path/filepath"
)

// Cannot32Bit returns why the Windows program exe cannot start here, or "" when it can: a
// 32-bit program does not start under a Wine without 32-bit support (Debian's wine64 without
// wine32: "failed to load \??\C:\windows\syswow64\ntdll.dll error c0000135"). The Windows
// EnergyPlus 25.2's EPMacro.exe is such a program; 64-bit Windows runs it.
func Cannot32Bit(exe string) string {
	if !Detected() || has32BitSupport() {
		return ""
	}
	f, err := pe.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_I386 {
		return ""
	}
	return filepath.Base(exe) + " is a 32-bit program, and this Wine (64-bit only: no syswow64) cannot start 32-bit programs; 64-bit Windows can"
}
