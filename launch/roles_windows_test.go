package launch

import (
	"fmt"

	"golang.org/x/sys/windows"
)

func addPlatformRoles(r map[string]func([]string) int) {
	// console: says whether the program has a console and a console window ("console CP
	// WINDOW": the console's code page, 0 when it has none, and the window's handle).
	r["console"] = func([]string) int {
		k := windows.NewLazySystemDLL("kernel32.dll")
		cp, _, _ := k.NewProc("GetConsoleCP").Call()
		win, _, _ := k.NewProc("GetConsoleWindow").Call()
		fmt.Printf("console %d %#x\n", cp, win)
		return 0
	}
}
