//go:build !windows && !linux

package runner

import "syscall"

// setParentDeathSignal: macOS and the BSDs have no parent-death signal; the process group is
// killed on cancel and the app's restart re-queues what was running.
func setParentDeathSignal(*syscall.SysProcAttr) {}
