package app

import (
	"epsm/sim"
	"epsm/store"
)

// EventName is the name of an event pushed to the UI, in the domain:verb style.
type EventName string

const (
	// EventRunProgress carries RunProgress, at most about 10 times a second per run.
	EventRunProgress EventName = "run:progress"
	// EventRunStatus carries RunStatus whenever a run changes state, and always at its end.
	EventRunStatus EventName = "run:status"
	// EventImportDone carries ImportReport after files dropped on the window were imported.
	EventImportDone EventName = "import:done"
	// EventQueueState carries QueueState when the queue is paused, resumed or resized.
	EventQueueState EventName = "queue:state"
	// EventSourceChanged carries SourceChanged when a user's original file changed on disk.
	EventSourceChanged EventName = "source:changed"
	// EventMenuAction carries MenuAction when the user picks a native menu item (or presses
	// its accelerator) that the UI carries out: it knows the selected study and shows progress.
	EventMenuAction EventName = "menu:action"
)

// AllEvents feeds Wails's EnumBind, which generates the TypeScript enum of event names.
var AllEvents = []struct {
	Value  EventName
	TSName string
}{
	{EventRunProgress, "RunProgress"},
	{EventRunStatus, "RunStatus"},
	{EventImportDone, "ImportDone"},
	{EventQueueState, "QueueState"},
	{EventSourceChanged, "SourceChanged"},
	{EventMenuAction, "MenuAction"},
}

// RunProgress is the live state of one running simulation.
type RunProgress struct {
	RunID    int64        `json:"runId"`
	Status   sim.Status   `json:"status"`
	Progress sim.Progress `json:"progress"`
	Warnings int          `json:"warnings"`
	Severe   int          `json:"severe"`
	LastLine string       `json:"lastLine"`
}

// RunStatus is a run as stored after a state change.
type RunStatus struct {
	Run store.Run `json:"run"`
}

// ImportError says which file could not be imported and why.
type ImportError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// ImportReport is what an import did, file by file.
type ImportReport struct {
	Models     []store.Model   `json:"models"`
	Weather    []store.Weather `json:"weather"`
	Duplicates []string        `json:"duplicates"` // paths whose content was already imported
	Errors     []ImportError   `json:"errors"`
}

// EventPayloads lists every payload type so that Wails generates them for TypeScript.
type EventPayloads struct {
	RunProgress   RunProgress   `json:"runProgress"`
	RunStatus     RunStatus     `json:"runStatus"`
	ImportReport  ImportReport  `json:"importReport"`
	QueueState    QueueState    `json:"queueState"`
	SourceChanged SourceChanged `json:"sourceChanged"`
	MenuAction    MenuAction    `json:"menuAction"`
}

// Menu actions the native menu sends to the UI.
const (
	MenuImportFiles   = "import-files"
	MenuExportResults = "export-results"
	MenuExportStudy   = "export-study"
	MenuImportStudy   = "import-study"
	MenuAbout         = "about"
)

// MenuAction names the menu item picked.
type MenuAction struct {
	Action string `json:"action"`
}

// SourceChanged says which imported file changed on the user's disk after import.
type SourceChanged struct {
	Kind string `json:"kind"` // "model" or "weather"
	ID   int64  `json:"id"`
	Path string `json:"path"`
}

// Emitter sends events to whatever shows them: the Wails window, the terminal, a test recorder.
type Emitter interface {
	Emit(name EventName, payload any)
}

// EmitterFunc adapts a function to Emitter.
type EmitterFunc func(name EventName, payload any)

// Emit calls f.
func (f EmitterFunc) Emit(name EventName, payload any) { f(name, payload) }
