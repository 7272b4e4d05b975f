package desktop

import (
	"context"
	"path/filepath"

	"epsm/services/computesvc"
	"epsm/services/dialog"
	"epsm/services/importsvc"
	"epsm/services/runsvc"
	"epsm/services/studysvc"
)

// Shell is what the window calls of the desktop itself: notifications, saving a chart image
// through the native dialog, what went wrong when the data folder could not be opened, and the
// files EPSM was opened with.
type Shell struct {
	dialogs dialog.Dialogs
	notify  func(ctx context.Context, title, body string) error
	problem string
	opened  openedFiles
}

// OpenedFiles is the import of the files EPSM was opened with (its command line, a file
// double-clicked in the file manager) before the page loaded, once: the window reads it as it
// loads, after subscribing to import:done, which carries every file opened later.
func (s *Shell) OpenedFiles() importsvc.ImportReport { return s.opened.take() }

// Problem is why EPSM could not open its data folder ("" when it did); the window then shows
// it instead of the screens, and no other service is bound.
func (s *Shell) Problem() string { return s.problem }

// Notify shows a desktop notification (a batch finished while the window was in the
// background). The window calls it when the page's own Notification API is not granted.
func (s *Shell) Notify(title, body string) error { return s.notify(context.Background(), title, body) }

// SaveChartImage asks where to save a chart (the native save dialog, with suggestedName) and
// writes it; it returns the path, or "" when the user cancelled.
func (s *Shell) SaveChartImage(suggestedName, dataURL string) (string, error) {
	// Decode first: a broken export must not open a dialog and then fail.
	if _, _, err := decodeChartImage(dataURL); err != nil {
		return "", err
	}
	path, err := s.dialogs.SaveFile("Save the chart", filepath.Base(suggestedName), dialog.Filter{})
	if err != nil || path == "" {
		return "", err
	}
	return WriteChartImage(path, dataURL)
}

// MenuAction names the native menu item the user picked.
type MenuAction struct {
	Action MenuItem `json:"action"`
}

// MenuItem is a native menu item the window carries out.
type MenuItem string

// Menu items the native menu sends to the window.
const (
	MenuImportFiles   MenuItem = "import-files"
	MenuExportResults MenuItem = "export-results"
	MenuExportStudy   MenuItem = "export-study"
	MenuImportStudy   MenuItem = "import-study"
	MenuAbout         MenuItem = "about"
)

// AllMenuItems feeds Wails's EnumBind: the window matches menu actions by this enum.
var AllMenuItems = []struct {
	Value  MenuItem
	TSName string
}{
	{MenuImportFiles, "ImportFiles"},
	{MenuExportResults, "ExportResults"},
	{MenuExportStudy, "ExportStudy"},
	{MenuImportStudy, "ImportStudy"},
	{MenuAbout, "About"},
}

// EventPayloads lists every event payload so that Wails generates their TypeScript types.
type EventPayloads struct {
	RunProgress    runsvc.RunProgress      `json:"runProgress"`
	RunStatus      runsvc.RunStatus        `json:"runStatus"`
	QueueState     runsvc.QueueState       `json:"queueState"`
	BatchSummary   runsvc.BatchSummary     `json:"batchSummary"`
	ImportReport   importsvc.ImportReport  `json:"importReport"`
	SourceChanged  importsvc.SourceChanged `json:"sourceChanged"`
	MenuAction     MenuAction              `json:"menuAction"`
	ComputeTargets []computesvc.Target     `json:"computeTargets"`
	ComputeCheck   computesvc.CheckEvent   `json:"computeCheck"`
	StudyMethod    studysvc.MethodProgress `json:"studyMethod"`
}

// EventTypes exists so that Wails generates TypeScript for every event payload.
func (s *Shell) EventTypes() EventPayloads { return EventPayloads{} }
