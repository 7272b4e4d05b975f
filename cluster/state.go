package cluster

import (
	"fmt"
	"strings"

	"epsm/sim"
)

// SlurmState is a job state as squeue and scontrol print it (PENDING, RUNNING, ...).
type SlurmState string

// Final reports whether Slurm is done with the task.
func (s SlurmState) Final() bool {
	switch s.base() {
	case "PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "RESIZING", "SUSPENDED", "STAGE_OUT", "SIGNALING", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "":
		return false
	}
	return true
}

// base drops what scontrol may add ("CANCELLED by 0").
func (s SlurmState) base() string {
	f := strings.Fields(strings.ToUpper(string(s)))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// Triage is a task's outcome from Slurm's side, for a task that left no result file: the
// worker never ran, or was stopped before it could write one (a result file, when there is
// one, is the run's own outcome and wins). exitCode is scontrol's "code:signal".
func Triage(state SlurmState, exitCode string) sim.Outcome {
	o := sim.Outcome{ExitCode: -1}
	switch st := state.base(); st {
	case "PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD", "SUSPENDED":
		o.Status = sim.StatusQueued
	case "RUNNING", "COMPLETING", "STAGE_OUT", "SIGNALING", "RESIZING":
		o.Status = sim.StatusRunning
	case "CANCELLED", "DEADLINE":
		o.Status, o.Kind, o.Message = sim.StatusCancelled, sim.KindCancelled, "cancelled on the cluster (Slurm: "+st+")"
	case "TIMEOUT":
		o.Status, o.Kind, o.Message = sim.StatusTimedOut, sim.KindTimeLimit, "Slurm stopped the task at its time limit (the target's time option)"
	case "OUT_OF_MEMORY":
		o.Status, o.Kind, o.Message = sim.StatusCrashed, sim.KindEngineCrash, "Slurm stopped the task: it ran out of memory (the target's mem option)"
	case "NODE_FAIL", "BOOT_FAIL":
		o.Status, o.Kind, o.Message = sim.StatusCrashed, sim.KindEngineCrash, "the compute node failed (Slurm: "+st+"): re-run the failed runs"
	case "PREEMPTED":
		o.Status, o.Kind, o.Message = sim.StatusCrashed, sim.KindEngineCrash, "Slurm preempted the task for another job: re-run the failed runs"
	case "COMPLETED", "FAILED":
		// The worker ended but left no result file: it could not start or not write.
		o.Status, o.Kind = sim.StatusCrashed, sim.KindEngineCrash
		o.Message = fmt.Sprintf("the worker ended without a result (Slurm: %s, exit %s): see its Slurm output file", st, exitCode)
	default:
		o.Status, o.Kind, o.Message = sim.StatusCrashed, sim.KindEngineCrash, "Slurm ended the task in state "+string(state)
	}
	if code, _, ok := strings.Cut(exitCode, ":"); ok {
		fmt.Sscan(code, &o.ExitCode)
	}
	return o
}

// Settled reports whether Slurm has nothing left to run of an array: squeue showed some task
// of it, and none is waiting or running. Tasks it no longer shows have left Slurm's memory:
// cancelled before they started (scancel of a pending task leaves no record), or ended more
// than MinJobAge ago.
func Settled(states map[int]SlurmState) bool {
	if len(states) == 0 {
		return false
	}
	for _, s := range states {
		if !s.Final() {
			return false
		}
	}
	return true
}

// TriageVanished is the outcome of a task that left no result file and that Slurm no longer
// knows: cancelled when EPSM asked for its cancel, else lost.
func TriageVanished(cancelAsked bool) sim.Outcome {
	if cancelAsked {
		return sim.Outcome{Status: sim.StatusCancelled, Kind: sim.KindCancelled, ExitCode: -1, Message: "cancelled on the cluster before it started"}
	}
	return sim.Outcome{Status: sim.StatusCrashed, Kind: sim.KindEngineCrash, ExitCode: -1,
		Message: "the task left no result and Slurm no longer knows it (it may have been cancelled on the cluster): re-run the failed runs"}
}
