package main

import "syscall"

// keepAfterParent clears the parent-death signal launch gives every child: EnergyPlus's own
// helpers (ExpandObjects, ReadVarsESO) have none, so like them this child outlives its parent.
func keepAfterParent() {
	syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_PDEATHSIG, 0, 0)
}
