//go:build !windows

package launch

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func addPlatformRoles(r map[string]func([]string) int) {
	// signal NAME: the child kills itself with SIGKILL or SIGTERM.
	r["signal"] = func(args []string) int {
		sig := syscall.SIGKILL
		if args[0] == "TERM" {
			sig = syscall.SIGTERM
		}
		syscall.Kill(os.Getpid(), sig)
		time.Sleep(time.Hour)
		return 0
	}
	// escape: starts a grandchild in a process group of its own that holds the output pipe,
	// says "ready PID GRANDCHILD" and exits.
	r["escape"] = func([]string) int {
		gc := roleCommand("sleep")
		gc.Stdout = os.Stdout
		gc.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := gc.Start(); err != nil {
			fmt.Println("start grandchild:", err)
			return 3
		}
		fmt.Printf("ready %d %d\n", os.Getpid(), gc.Process.Pid)
		return 0
	}
	// orphan: starts a grandchild in its own process group (not holding any pipe), prints the
	// grandchild's pid and exits: the group outlives its leader.
	r["orphan"] = func([]string) int {
		gc := roleCommand("sleep")
		if err := gc.Start(); err != nil {
			fmt.Println("start grandchild:", err)
			return 3
		}
		fmt.Println(gc.Process.Pid)
		return 0
	}
}
