//go:build !windows && !linux

package launch

import "syscall"

// setParentDeathSignal: macOS and the BSDs have no parent-death signal. The process group is
// killed on cancel, and after a crash of the app StopSurvivor ends what it recorded.
func setParentDeathSignal(*syscall.SysProcAttr) {}

func pinThread() (unpin func()) { return func() {} }

// waitExited: Go offers no wait-without-reaping here (waitid stops early on macOS, see
// golang.org/issue/19314), so the tree is not killed after a normal exit, only on cancel;
// a cancel that races with the reaping of the leader could, in a window of microseconds,
// signal a group id the system already gave to a new process.
func (p *process) waitExited() bool { return false }
