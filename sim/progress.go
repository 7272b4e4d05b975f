package sim

// Phase names shown to users while a run goes on.
const (
	PhaseStarting     = "starting"
	PhaseInitializing = "initializing"
	PhaseSizing       = "sizing"
	PhaseWarmup       = "warm-up"
	PhaseSimulating   = "simulating"
	PhaseReporting    = "reporting"
	PhaseDone         = "done"
	PhaseFailed       = "failed"
)

// Progress is what a user sees of a running simulation.
type Progress struct {
	Percent     float64 `json:"percent"`
	Phase       string  `json:"phase"`
	Environment string  `json:"environment"`
	SimDate     string  `json:"simDate"`
	DaysDone    int     `json:"daysDone"`
	TotalDays   int     `json:"totalDays"`
}
