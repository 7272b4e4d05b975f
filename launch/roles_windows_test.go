package launch

import (
	"fmt"
	"os"
	"time"

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
	// suspended: the app in the moment between creating a program and putting it in its job.
	// It joins the app's job as start does, creates a sleeping child suspended, says
	// "ready PID CHILD" and waits to be killed without ever assigning or resuming the child.
	r["suspended"] = func([]string) int {
		joinAppJob()
		child := roleCommand("sleep")
		child.SysProcAttr = sysProcAttr()
		if err := child.Start(); err != nil {
			fmt.Println("start child:", err)
			return 3
		}
		fmt.Printf("ready %d %d\n", os.Getpid(), child.Process.Pid)
		time.Sleep(time.Hour)
		return 0
	}
}
