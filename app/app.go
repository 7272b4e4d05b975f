package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"epsm/store"
)

// Dialogs are the native dialogs the UI can ask for; the desktop adapter implements them.
type Dialogs interface {
	OpenFiles(title string) ([]string, error)
	OpenFile(title string) (string, error)
	ChooseFolder(title string) (string, error)
	SaveFile(title, defaultName string) (string, error)
}

// App is the facade bound to the UI: every exported method is callable from TypeScript.
// It is bound before the window opens; Core is attached in the desktop adapter's startup.
type App struct {
	mu      sync.RWMutex
	core    *Core
	dialogs Dialogs
	openErr error
}

// NewApp returns an App that is not attached yet.
func NewApp() *App { return &App{} }

func (a *App) attach(c *Core, d Dialogs, openErr error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.core, a.dialogs, a.openErr = c, d, openErr
}

func (a *App) c() (*Core, error) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.core == nil {
		if a.openErr != nil {
			return nil, fmt.Errorf("EPSM could not open its data folder: %w", a.openErr)
		}
		return nil, errors.New("EPSM is still starting")
	}
	return a.core, nil
}

// Overview is everything the main screen shows at once.
type Overview struct {
	DataDir  string          `json:"dataDir"`
	Engine   EngineStatus    `json:"engine"`
	Models   []store.Model   `json:"models"`
	Weather  []store.Weather `json:"weather"`
	Runs     []store.Run     `json:"runs"`
	Batches  []BatchSummary  `json:"batches"`
	Queue    QueueState      `json:"queue"`
	Settings Settings        `json:"settings"`
}

// Overview returns the stored models, weather files and runs, and the engine status.
func (a *App) Overview() (Overview, error) {
	c, err := a.c()
	if err != nil {
		return Overview{}, err
	}
	o := Overview{DataDir: c.store.Dir(), Engine: c.EngineStatus()}
	if o.Models, err = c.store.UserModels(); err != nil {
		return o, err
	}
	if o.Weather, err = c.store.WeatherFiles(); err != nil {
		return o, err
	}
	if o.Runs, err = c.store.Runs(); err != nil {
		return o, err
	}
	o.Queue, o.Settings = c.QueueState(), c.Settings()
	o.Batches, err = c.Batches()
	return o, err
}

// ImportFiles imports the given paths (files or folders). They come from the UI (a drop or a
// dialog gives absolute paths); a relative one would depend on the app's working folder, so it
// is refused rather than guessed.
func (a *App) ImportFiles(paths []string) (ImportReport, error) {
	c, err := a.c()
	if err != nil {
		return ImportReport{}, err
	}
	var ok []string
	var rep ImportReport
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("%q is not an absolute path: drop the file or pick it in the dialog", p)})
			continue
		}
		ok = append(ok, filepath.Clean(p))
	}
	got := c.Import(ok)
	got.Errors = append(rep.Errors, got.Errors...)
	return got, nil
}

// ChooseAndImport opens a file dialog and imports what the user picks.
func (a *App) ChooseAndImport() (ImportReport, error) {
	c, err := a.c()
	if err != nil {
		return ImportReport{}, err
	}
	a.mu.RLock()
	d := a.dialogs
	a.mu.RUnlock()
	if d == nil {
		return ImportReport{}, errors.New("file dialogs are not available")
	}
	paths, err := d.OpenFiles("Import EnergyPlus models and weather files")
	if err != nil {
		return ImportReport{}, fmt.Errorf("file dialog: %w", err)
	}
	return c.Import(paths), nil
}

// StartRuns queues one run per chosen model with the chosen weather file.
func (a *App) StartRuns(req RunRequest) ([]store.Run, error) {
	c, err := a.c()
	if err != nil {
		return nil, err
	}
	return c.StartRuns(req)
}

// CancelRun stops a queued or running run.
func (a *App) CancelRun(id int64) error {
	c, err := a.c()
	if err != nil {
		return err
	}
	return c.CancelRun(id)
}

// RunDetails returns a run with its results.
func (a *App) RunDetails(id int64) (RunDetails, error) {
	c, err := a.c()
	if err != nil {
		return RunDetails{}, err
	}
	return c.RunDetails(id)
}

// maxErrFileView bounds what the err viewer loads: a runaway model can write gigabytes.
const maxErrFileView = 4 << 20

// ReadErrFile returns the run's eplusout.err (its first 4 MiB).
func (a *App) ReadErrFile(id int64) (string, error) {
	c, err := a.c()
	if err != nil {
		return "", err
	}
	f, err := c.openRunFile(id, "eplusout.err")
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxErrFileView))
	return string(data), err
}

// ImportExample imports the bundled example model and weather file.
func (a *App) ImportExample() (ImportReport, error) {
	c, err := a.c()
	if err != nil {
		return ImportReport{}, err
	}
	return c.ImportExample(), nil
}

// RediscoverEngines searches for EnergyPlus engines again.
func (a *App) RediscoverEngines() (EngineStatus, error) {
	c, err := a.c()
	if err != nil {
		return EngineStatus{}, err
	}
	return c.RediscoverEngines(context.Background())
}

// SetEnginePath makes the EnergyPlus executable at path the default (checked with --version);
// an empty path goes back to automatic discovery.
func (a *App) SetEnginePath(path string) (EngineStatus, error) {
	c, err := a.c()
	if err != nil {
		return EngineStatus{}, err
	}
	return c.SetEnginePath(context.Background(), path)
}

// ChooseEngine opens a file dialog to pick the EnergyPlus executable and makes it the default.
func (a *App) ChooseEngine() (EngineStatus, error) {
	c, err := a.c()
	if err != nil {
		return EngineStatus{}, err
	}
	a.mu.RLock()
	d := a.dialogs
	a.mu.RUnlock()
	if d == nil {
		return EngineStatus{}, errors.New("file dialogs are not available")
	}
	path, err := d.OpenFile("Choose the EnergyPlus executable")
	if err != nil {
		return EngineStatus{}, fmt.Errorf("file dialog: %w", err)
	}
	if path == "" {
		return c.EngineStatus(), nil
	}
	return c.SetEnginePath(context.Background(), path)
}

// PauseQueue lets running runs finish and starts no new ones.
func (a *App) PauseQueue() error {
	c, err := a.c()
	if err != nil {
		return err
	}
	c.PauseQueue()
	return nil
}

// ResumeQueue starts queued runs again.
func (a *App) ResumeQueue() error {
	c, err := a.c()
	if err != nil {
		return err
	}
	c.ResumeQueue()
	return nil
}

// QueueState returns what each worker runs now and what waits, in order.
func (a *App) QueueState() (QueueState, error) {
	c, err := a.c()
	if err != nil {
		return QueueState{}, err
	}
	return c.QueueState(), nil
}

// CancelBatch stops every queued or running run of a batch.
func (a *App) CancelBatch(batchID int64) (int, error) {
	c, err := a.c()
	if err != nil {
		return 0, err
	}
	if err := c.checkBatch(batchID); err != nil {
		return 0, err
	}
	return c.CancelBatch(batchID)
}

// MoveBatchToFront makes a batch's queued runs start before all others.
func (a *App) MoveBatchToFront(batchID int64) error {
	c, err := a.c()
	if err != nil {
		return err
	}
	if err := c.checkBatch(batchID); err != nil {
		return err
	}
	c.MoveBatchToFront(batchID)
	return nil
}

// RerunFailed re-queues the failed runs of a batch.
func (a *App) RerunFailed(batchID int64) ([]store.Run, error) {
	c, err := a.c()
	if err != nil {
		return nil, err
	}
	if err := c.checkBatch(batchID); err != nil {
		return nil, err
	}
	return c.RerunFailed(batchID)
}

// BatchSummary returns a batch's progress, ETA and grouped errors.
func (a *App) BatchSummary(batchID int64) (BatchSummary, error) {
	c, err := a.c()
	if err != nil {
		return BatchSummary{}, err
	}
	return c.BatchSummary(batchID)
}

// GetSettings returns the queue settings.
func (a *App) GetSettings() (Settings, error) {
	c, err := a.c()
	if err != nil {
		return Settings{}, err
	}
	return c.Settings(), nil
}

// SaveSettings validates and stores the queue settings.
func (a *App) SaveSettings(s Settings) (Settings, error) {
	c, err := a.c()
	if err != nil {
		return Settings{}, err
	}
	return c.SaveSettings(s)
}

// ReimportAndRerun re-imports a model whose original file changed and runs it again with the
// weather files it was run with.
func (a *App) ReimportAndRerun(modelID int64) (ReimportResult, error) {
	c, err := a.c()
	if err != nil {
		return ReimportResult{}, err
	}
	return c.ReimportAndRerun(modelID)
}

// TransitionOffer says whether an old model can be transitioned to the engine's version here.
func (a *App) TransitionOffer(modelID int64) (TransitionOffer, error) {
	c, err := a.c()
	if err != nil {
		return TransitionOffer{}, err
	}
	return c.TransitionOffer(modelID)
}

// TransitionModel transitions a copy of an old model with NREL's version updaters and imports it.
func (a *App) TransitionModel(modelID int64) (ImportReport, error) {
	c, err := a.c()
	if err != nil {
		return ImportReport{}, err
	}
	rep, err := c.TransitionModel(context.Background(), modelID)
	if err == nil {
		c.emit.Emit(EventImportDone, rep) // the window shows the new model like a dropped file
	}
	return rep, err
}

// EventTypes exists so that Wails generates TypeScript for every event payload.
func (a *App) EventTypes() EventPayloads { return EventPayloads{} }

func (a *App) dialogsOrNil() Dialogs {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.dialogs
}
