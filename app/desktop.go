//go:build desktop || dev || production || bindings

package app

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// This is the one file that touches the Wails runtime. Everything else emits through Emitter.

// desktop adapts the Wails runtime to Emitter and Dialogs, and owns the window's lifecycle.
type desktop struct {
	app  *App
	cfg  Config
	ctx  context.Context
	core *Core
}

// RunDesktop opens the window and blocks until it is closed. Nothing with side effects happens
// before wails.Run: `wails build` runs this function to generate the bindings.
func RunDesktop(cfg Config, assets fs.FS, icon []byte) error {
	d := &desktop{app: NewApp(), cfg: cfg}
	return wails.Run(&options.App{
		Title:     "EPSM Desktop",
		Width:     1280,
		Height:    860,
		MinWidth:  900,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets:  assets,
			Handler: http.HandlerFunc(d.serveRunFiles),
		},
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		Linux:       &linux.Options{Icon: icon, ProgramName: "epsm"},
		OnStartup:   d.startup,
		OnShutdown:  d.shutdown,
		Bind:        []any{d.app},
		EnumBind:    []any{AllEvents},
	})
}

func (d *desktop) startup(ctx context.Context) {
	d.ctx = ctx
	cfg := d.cfg
	cfg.Emitter = d
	cfg.RequeueUnfinished = true
	cfg.WatchSources = true
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	core, err := Open(ctx, cfg)
	if err != nil {
		cfg.Log.Error("open EPSM", "err", err)
		d.app.attach(nil, d, err)
		return
	}
	core.ImportExampleIfEmpty()
	d.core = core
	d.app.attach(core, d, nil)
	runtime.OnFileDrop(ctx, func(_, _ int, paths []string) {
		d.Emit(EventImportDone, core.Import(paths))
	})
}

func (d *desktop) shutdown(context.Context) {
	if d.core != nil {
		d.core.Close()
	}
}

// Emit sends an event to the window.
func (d *desktop) Emit(name EventName, payload any) {
	runtime.EventsEmit(d.ctx, string(name), payload)
}

// OpenFiles shows the native multi-file dialog.
func (d *desktop) OpenFiles(title string) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(d.ctx, runtime.OpenDialogOptions{
		Title: title,
		Filters: []runtime.FileFilter{
			{DisplayName: "EnergyPlus models and weather (*.idf, *.epw)", Pattern: "*.idf;*.epw"},
			{DisplayName: "All files", Pattern: "*"},
		},
	})
}

// OpenFile shows the native single-file dialog.
func (d *desktop) OpenFile(title string) (string, error) {
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Title: title})
}

// ChooseFolder shows the native folder dialog.
func (d *desktop) ChooseFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(d.ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// SaveFile shows the native save dialog.
func (d *desktop) SaveFile(title, defaultName string) (string, error) {
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName})
}

func (d *desktop) serveRunFiles(w http.ResponseWriter, r *http.Request) {
	if d.core == nil {
		http.NotFound(w, r)
		return
	}
	d.core.RunFilesHandler().ServeHTTP(w, r)
}
