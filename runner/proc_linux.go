package runner

import "syscall"

// setParentDeathSignal makes the kernel kill the engine if this process dies, even by SIGKILL,
// so a killed app or CLI never leaves an orphan simulation running.
func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
