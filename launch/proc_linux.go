package launch

import (
	"runtime"
	"syscall"

	"golang.org/x/sys/unix"
)

// setParentDeathSignal makes the kernel kill the program if the app dies, even by SIGKILL,
// so a killed app or CLI never leaves an orphan simulation running.
func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }

// pinThread keeps the calling goroutine on its OS thread until the process was waited for:
// Linux sends the parent-death signal when the *thread* that started the child ends, and Go
// ends a thread when a goroutine locked to it returns without unlocking. Pinned, the thread
// cannot be handed to such a goroutine while the child runs.
func pinThread() (unpin func()) {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}

// waitExited blocks until the program has exited, without reaping it (WNOWAIT): until it is
// reaped its pid, and so its process group id, cannot be reused, so killing the group is
// safe.
func (p *process) waitExited() bool {
	var info unix.Siginfo
	for {
		err := unix.Waitid(unix.P_PID, p.cmd.Process.Pid, &info, unix.WEXITED|unix.WNOWAIT, nil)
		if err != unix.EINTR {
			return err == nil
		}
	}
}
