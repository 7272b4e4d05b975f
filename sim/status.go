package sim

// Status is a run's state. The first four are transient; every run ends in exactly one of the
// others.
type Status string

const (
	StatusQueued          Status = "queued"
	StatusPreparing       Status = "preparing"
	StatusRunning         Status = "running"
	StatusCollecting      Status = "collecting"
	StatusSucceeded       Status = "succeeded"
	StatusSucceededSevere Status = "succeeded-with-severe"
	StatusFatal           Status = "fatal"
	StatusCrashed         Status = "crashed"
	StatusHung            Status = "hung"
	StatusTimedOut        Status = "timed-out"
	StatusCancelled       Status = "cancelled"
	StatusInputError      Status = "input-error"
)

// Final reports whether s ends a run.
func (s Status) Final() bool {
	switch s {
	case StatusQueued, StatusPreparing, StatusRunning, StatusCollecting:
		return false
	}
	return true
}

// Succeeded reports whether the simulation completed (possibly with severe errors).
func (s Status) Succeeded() bool { return s == StatusSucceeded || s == StatusSucceededSevere }

// AllStatuses feeds Wails's EnumBind, which generates the TypeScript enum the window uses.
var AllStatuses = []struct {
	Value  Status
	TSName string
}{
	{StatusQueued, "Queued"},
	{StatusPreparing, "Preparing"},
	{StatusRunning, "Running"},
	{StatusCollecting, "Collecting"},
	{StatusSucceeded, "Succeeded"},
	{StatusSucceededSevere, "SucceededSevere"},
	{StatusFatal, "Fatal"},
	{StatusCrashed, "Crashed"},
	{StatusHung, "Hung"},
	{StatusTimedOut, "TimedOut"},
	{StatusCancelled, "Cancelled"},
	{StatusInputError, "InputError"},
}
