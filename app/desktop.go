//go:build desktop || dev || production || bindings

package app

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// This is the one file that touches the Wails runtime. Everything else emits through Emitter.

// desktop adapts the Wails runtime to Emitter and Dialogs, and owns the window's lifecycle.
type desktop struct {
	app      *App
	cfg      Config
	ctx      context.Context
	core     *Core
	restored bool // the window geometry is restored once, not on every reload of the page
}

// RunDesktop opens the window and blocks until it is closed. Nothing with side effects happens
// before wails.Run: `wails build` runs this function to generate the bindings.
func RunDesktop(cfg Config, assets fs.FS, icon []byte) error {
	d := &desktop{app: NewApp(), cfg: cfg}
	return wails.Run(&options.App{
		Title:     "EPSM Desktop",
		Width:     1280,
		Height:    860,
		MinWidth:  minWindowWidth,
		MinHeight: minWindowHeight,
		Menu:      d.menu(),
		AssetServer: &assetserver.Options{
			Assets:  assets,
			Handler: http.HandlerFunc(d.serveRunFiles),
		},
		DragAndDrop:   &options.DragAndDrop{EnableFileDrop: true},
		Linux:         &linux.Options{Icon: icon, ProgramName: "epsm"},
		OnStartup:     d.startup,
		OnDomReady:    d.domReady,
		OnBeforeClose: d.beforeClose,
		OnShutdown:    d.shutdown,
		Bind:          []any{d.app},
		EnumBind:      []any{AllEvents},
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

const minWindowWidth, minWindowHeight = 900, 600

// menu is the native menu bar. Items the UI carries out (it knows the selected study and shows
// progress and errors) are sent to it as menu:action events; Quit closes the window, which
// remembers its geometry on the way out.
func (d *desktop) menu() *menu.Menu {
	m := menu.NewMenu()
	if goruntime.GOOS == "darwin" {
		m.Append(menu.AppMenu()) // About/Hide/Quit in the app menu, as macOS users expect
	}
	send := func(action string) func(*menu.CallbackData) {
		return func(*menu.CallbackData) { d.Emit(EventMenuAction, MenuAction{Action: action}) }
	}
	file := m.AddSubmenu("File")
	file.AddText("Import files…", keys.CmdOrCtrl("o"), send(MenuImportFiles))
	file.AddText("Import study…", keys.Combo("o", keys.CmdOrCtrlKey, keys.ShiftKey), send(MenuImportStudy))
	file.AddSeparator()
	file.AddText("Export results…", keys.CmdOrCtrl("e"), send(MenuExportResults))
	file.AddText("Export study…", keys.Combo("e", keys.CmdOrCtrlKey, keys.ShiftKey), send(MenuExportStudy))
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) { runtime.Quit(d.ctx) })
	if goruntime.GOOS == "darwin" {
		m.Append(menu.EditMenu()) // without it Cmd+C/V do nothing in a macOS webview
	}
	help := m.AddSubmenu("Help")
	help.AddText("About EPSM Desktop", keys.Key("F1"), send(MenuAbout))
	return m
}

// domReady puts the window where it was when it was last closed. It runs here, not in
// startup: Wails centres the window while startup runs, which would undo the move.
func (d *desktop) domReady(ctx context.Context) {
	if d.core == nil || d.restored {
		return
	}
	d.restored = true
	g, ok := d.core.WindowGeometry()
	if !ok {
		return
	}
	var area ScreenArea
	if screens, err := runtime.ScreenGetAll(ctx); err == nil {
		for _, s := range screens {
			area.Width += s.Size.Width
			area.Height = max(area.Height, s.Size.Height)
		}
	}
	g, ok = FitWindow(g, area, minWindowWidth, minWindowHeight)
	if !ok {
		return
	}
	runtime.WindowSetSize(ctx, g.Width, g.Height)
	runtime.WindowSetPosition(ctx, g.X, g.Y)
	if g.Maximised {
		runtime.WindowMaximise(ctx)
	}
}

// beforeClose remembers the window's size and position; a maximised window keeps the size it
// had before, so un-maximising after a restart gives the user's own size back.
func (d *desktop) beforeClose(ctx context.Context) bool {
	if d.core == nil {
		return false
	}
	g := WindowGeometry{Maximised: runtime.WindowIsMaximised(ctx)}
	if prev, ok := d.core.WindowGeometry(); ok && g.Maximised {
		g.X, g.Y, g.Width, g.Height = prev.X, prev.Y, prev.Width, prev.Height
	} else {
		g.Width, g.Height = runtime.WindowGetSize(ctx)
		g.X, g.Y = runtime.WindowGetPosition(ctx)
	}
	if err := d.core.SaveWindowGeometry(g); err != nil {
		slog.Warn("window geometry not saved", "err", err)
	}
	return false
}

// Notify shows a desktop notification (Notifier).
func (d *desktop) Notify(title, body string) error { return notifyDesktop(title, body) }

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
			{DisplayName: "EnergyPlus models, macro files and weather (*.idf, *.imf, *.epw)", Pattern: "*.idf;*.imf;*.epw"},
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
	return d.SaveFileOfType(title, defaultName, "", "")
}

// SaveFileOfType shows the native save dialog offering one file type. A dev build run by the
// end-to-end tests (EPSM_E2E_SAVE_DIR set) answers with that folder instead: a browser cannot
// drive the native dialog, and everything after it (the bound method, the export, the file)
// stays real. Production builds do not have this seam (see e2eSaveDir).
func (d *desktop) SaveFileOfType(title, defaultName, display, pattern string) (string, error) {
	if dir := e2eSaveDir(); dir != "" {
		return filepath.Join(dir, defaultName), nil
	}
	o := runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, CanCreateDirectories: true}
	if pattern != "" {
		o.Filters = []runtime.FileFilter{{DisplayName: display, Pattern: pattern}}
	}
	return runtime.SaveFileDialog(d.ctx, o)
}

// OpenFileOfType shows the native single-file dialog for one file type.
func (d *desktop) OpenFileOfType(title, display, pattern string) (string, error) {
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: display, Pattern: pattern}, {DisplayName: "All files", Pattern: "*"}}})
}

func (d *desktop) serveRunFiles(w http.ResponseWriter, r *http.Request) {
	if d.core == nil {
		http.NotFound(w, r)
		return
	}
	d.core.RunFilesHandler().ServeHTTP(w, r)
}
