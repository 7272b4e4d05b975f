// Package events is how the services tell the window what changed: the event names in the
// domain:verb style, the Emitter they push through (the Wails runtime, the terminal, a test
// recorder), and the throttle and coalescer that keep a flood of changes to a rate the webview
// can take. State is pushed, never polled.
package events

// Name is the name of an event pushed to the window.
type Name string

const (
	// RunProgress carries runsvc.RunProgress, at most about 10 times a second per run.
	RunProgress Name = "run:progress"
	// RunStatus carries runsvc.RunStatus whenever a run changes state, and always at its end.
	RunStatus Name = "run:status"
	// QueueState carries runsvc.QueueState whenever the queue changes: a run queued, started or
	// ended, a pause, a resume, a new worker count (coalesced).
	QueueState Name = "queue:state"
	// BatchSummary carries runsvc.BatchSummary whenever a run of that batch moved (coalesced).
	BatchSummary Name = "batch:summary"
	// ImportDone carries importsvc.ImportReport after files dropped on the window were imported.
	ImportDone Name = "import:done"
	// SourceChanged carries importsvc.SourceChanged when a user's original file changed on disk.
	SourceChanged Name = "source:changed"
	// MenuAction carries desktop.MenuAction when the user picks a native menu item that the
	// window carries out (it knows the selected study and shows progress).
	MenuAction Name = "menu:action"
	// ComputeTargets carries the saved compute targets ([]computesvc.Target) whenever one is
	// saved, removed, or its check starts or ends.
	ComputeTargets Name = "compute:targets"
	// ComputeCheck carries computesvc.CheckEvent as each step of a connection check starts and ends.
	ComputeCheck Name = "compute:check"
	// StudyMethod carries studysvc.MethodProgress whenever a study's method (NSGA-II, Morris)
	// moves: a generation queued, evaluated, the search done, stopped or failed.
	StudyMethod Name = "study:method"
)

// All feeds Wails's EnumBind, which generates the TypeScript enum of event names.
var All = []struct {
	Value  Name
	TSName string
}{
	{RunProgress, "RunProgress"},
	{RunStatus, "RunStatus"},
	{QueueState, "QueueState"},
	{BatchSummary, "BatchSummary"},
	{ImportDone, "ImportDone"},
	{SourceChanged, "SourceChanged"},
	{MenuAction, "MenuAction"},
	{ComputeTargets, "ComputeTargets"},
	{ComputeCheck, "ComputeCheck"},
	{StudyMethod, "StudyMethod"},
}

// Emitter sends events to whatever shows them.
type Emitter interface {
	Emit(name Name, payload any)
}

// EmitterFunc adapts a function to Emitter.
type EmitterFunc func(name Name, payload any)

// Emit calls f.
func (f EmitterFunc) Emit(name Name, payload any) { f(name, payload) }

// Discard is an Emitter that drops everything (a command that shows nothing).
func Discard() Emitter { return EmitterFunc(func(Name, any) {}) }
