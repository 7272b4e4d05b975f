// Package app is the composition root: it opens the data folder, finds the engines, starts the
// queue once, and hands each service what it needs. The desktop binds App.Bound() to the
// window; the CLI drives the same parts through App's fields. No service asks whether the app
// is ready: it does not exist before everything it needs is open.
package app

import (
	"context"
	"log/slog"

	"epsm/clock"
	"epsm/events"
	"epsm/services/computesvc"
	"epsm/services/dialog"
	"epsm/services/importsvc"
	"epsm/services/librarysvc"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/services/studysvc"
	"epsm/store"
)

// Config says where the app keeps its data and how it reports.
type Config struct {
	DataDir string         // "" means store.DefaultDir()
	Workers int            // > 0 overrides the stored worker count
	Emitter events.Emitter // nil means events are dropped
	Dialogs dialog.Dialogs // nil means none (the CLI)
	Log     *slog.Logger
	Clock   clock.Clock // nil means the system clock
	// Resident is the desktop app: it takes back the runs a previous session left unfinished,
	// pauses the queue on a full disk and remembers that pause, and watches the user's
	// original files. The CLI takes only its own runs back, through the run cache.
	Resident bool
	// Discover overrides engine discovery (tests); nil uses runner.Discover.
	Discover settingsvc.DiscoverFunc
}

// App is the opened application: its store, the parts Go code drives, and the services the
// window calls.
type App struct {
	Store    *store.Store
	Settings *settingsvc.Settings
	Queue    *runsvc.Queue
	Importer *importsvc.Importer
	Studies  *studysvc.Studies

	RunsService     *runsvc.Service
	ImportsService  *importsvc.Service
	LibraryService  *librarysvc.Service
	StudiesService  *studysvc.Service
	SettingsService *settingsvc.Service
	ComputeService  *computesvc.Service
}

// Open opens everything in order. On an error nothing stays open.
func Open(ctx context.Context, cfg Config) (*App, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.Emitter == nil {
		cfg.Emitter = events.Discard()
	}
	if cfg.Dialogs == nil {
		cfg.Dialogs = dialog.None{}
	}
	if cfg.DataDir == "" {
		d, err := store.DefaultDir()
		if err != nil {
			return nil, err
		}
		cfg.DataDir = d
	}
	st, err := store.Open(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	settings, err := settingsvc.Open(ctx, st, cfg.Log, cfg.Discover)
	if err != nil {
		st.Close()
		return nil, err
	}
	queue, err := runsvc.NewQueue(runsvc.Options{Store: st, Settings: settings, Emitter: cfg.Emitter, Log: cfg.Log,
		Clock: cfg.Clock, Workers: cfg.Workers, Resident: cfg.Resident})
	if err != nil {
		st.Close()
		return nil, err
	}
	a := &App{Store: st, Settings: settings, Queue: queue}
	if cfg.Resident {
		if err := queue.Recover(); err != nil {
			a.Close()
			return nil, err
		}
	}
	a.Importer = importsvc.NewImporter(st, settings, queue, cfg.Emitter, cfg.Log, cfg.Resident)
	a.Studies = studysvc.New(st, settings, queue, a.Importer, cfg.Emitter, cfg.Log)
	if cfg.Resident {
		if err := a.Studies.StartDrivers(ctx); err != nil {
			a.Close()
			return nil, err
		}
	}
	a.RunsService = runsvc.NewService(queue)
	a.ImportsService = importsvc.NewService(a.Importer, cfg.Dialogs)
	a.LibraryService = librarysvc.NewService(st, cfg.Dialogs)
	a.StudiesService = studysvc.NewService(a.Studies, cfg.Dialogs)
	a.SettingsService = settingsvc.NewService(settings, cfg.Dialogs)
	a.ComputeService = computesvc.New(st, queue.Worker, cfg.Emitter, cfg.Log)
	return a, nil
}

// Bound are the services the window calls, one per domain.
func (a *App) Bound() []any {
	return []any{a.RunsService, a.ImportsService, a.LibraryService, a.StudiesService, a.SettingsService, a.ComputeService}
}

// Unopened are the services with nothing behind them: what `wails build` binds when it runs
// the program only to generate the TypeScript bindings, and opens nothing.
func Unopened() []any {
	return []any{&runsvc.Service{}, &importsvc.Service{}, &librarysvc.Service{}, &studysvc.Service{}, &settingsvc.Service{}, &computesvc.Service{}}
}

// Close stops the queue and the file watch and closes the store. Runs still going are left
// unfinished in the store; the next resident Open takes them back.
func (a *App) Close() {
	if a.Studies != nil {
		a.Studies.Close()
	}
	if a.Importer != nil {
		a.Importer.Close()
	}
	a.Queue.Close()
	a.Store.Close()
}
