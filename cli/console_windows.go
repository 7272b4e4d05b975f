//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// AttachConsole gives the Windows app (a GUI-subsystem program: no console of its own) the
// console of the shell it was started from, when that shell did not redirect its output;
// without it, `epsm run` typed in cmd or PowerShell would print nothing. Output redirected to a
// pipe or a file, as scripts and the tests do, is left as it is.
func AttachConsole() {
	if h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != windows.InvalidHandle {
		return
	}
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	if r, _, _ := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole").Call(attachParentProcess); r == 0 {
		return // started from Explorer: no console to attach to
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
}
