package cluster

import (
	"testing"

	"epsm/sim"
)

func TestTriageOfSlurmStates(t *testing.T) {
	tests := []struct {
		state    SlurmState
		exit     string
		final    bool
		status   sim.Status
		kind     sim.FailureKind
		exitCode int
	}{
		{"PENDING", "0:0", false, sim.StatusQueued, sim.KindNone, 0},
		{"RUNNING", "0:0", false, sim.StatusRunning, sim.KindNone, 0},
		{"COMPLETING", "0:0", false, sim.StatusRunning, sim.KindNone, 0},
		{"CANCELLED by 0", "0:15", true, sim.StatusCancelled, sim.KindCancelled, 0},
		{"TIMEOUT", "0:0", true, sim.StatusTimedOut, sim.KindTimeLimit, 0},
		{"OUT_OF_MEMORY", "0:125", true, sim.StatusCrashed, sim.KindEngineCrash, 0},
		{"NODE_FAIL", "0:0", true, sim.StatusCrashed, sim.KindEngineCrash, 0},
		{"PREEMPTED", "0:0", true, sim.StatusCrashed, sim.KindEngineCrash, 0},
		{"FAILED", "2:0", true, sim.StatusCrashed, sim.KindEngineCrash, 2},
		{"COMPLETED", "0:0", true, sim.StatusCrashed, sim.KindEngineCrash, 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.state), func(t *testing.T) {
			if tt.state.Final() != tt.final {
				t.Errorf("Final() = %t", tt.state.Final())
			}
			o := Triage(tt.state, tt.exit)
			if o.Status != tt.status || o.Kind != tt.kind || o.ExitCode != tt.exitCode {
				t.Errorf("Triage = %s/%s exit %d, want %s/%s exit %d (%s)", o.Status, o.Kind, o.ExitCode, tt.status, tt.kind, tt.exitCode, o.Message)
			}
			if tt.final && o.Message == "" {
				t.Error("a final state without a message for the user")
			}
		})
	}
}
