//go:build desktop || dev || production || bindings

// Package desktop is everything that touches the Wails runtime or the OS shell: the window and
// its lifecycle, native menus and dialogs, file drops, notifications, the event emitter and the
// run files the window loads. It opens the app (package app) and binds its services.
package desktop

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	goruntime "runtime"
	"sync/atomic"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"epsm/app"
	"epsm/events"
	"epsm/lca"
	"epsm/memtrim"
	"epsm/services/dialog"
	"epsm/services/importsvc"
	"epsm/sim"
	"epsm/store"
)

// window adapts the Wails runtime to events.Emitter and dialog.Dialogs, and owns the window's
// lifecycle.
type window struct {
	ctx      atomic.Pointer[context.Context] // set in startup: the runtime refuses any other
	app      *app.App                        // nil when the data folder could not be opened
	shell    *Shell
	log      *slog.Logger
	restored bool // the window geometry is restored once, not on every reload of the page
	stopTrim context.CancelFunc
}

// Run opens the app and its window and blocks until the window is closed. When `wails build`
// runs the program only to generate the bindings, nothing is opened.
func Run(cfg app.Config, assets fs.FS, icon []byte) error {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.DataDir == "" {
		d, err := store.DefaultDir()
		if err != nil {
			return err
		}
		cfg.DataDir = d
	}
	w := &window{log: cfg.Log}
	w.shell = &Shell{dialogs: w, notify: desktopNotify}
	bound := append([]any{w.shell}, app.Unopened()...)
	if !generatingBindings {
		cfg.Emitter, cfg.Dialogs, cfg.Resident = w, w, true
		a, err := app.Open(context.Background(), cfg)
		if err != nil {
			cfg.Log.Error("open EPSM", "err", err)
			w.shell.problem = "EPSM could not open its data folder: " + err.Error()
			bound = []any{w.shell}
		} else {
			w.app = a
			bound = append([]any{w.shell}, a.Bound()...)
		}
	}
	return wails.Run(&options.App{
		Title:     "EPSM Desktop",
		Width:     1280,
		Height:    860,
		MinWidth:  minWindowWidth,
		MinHeight: minWindowHeight,
		Menu:      w.menu(),
		AssetServer: &assetserver.Options{
			Assets:  assets,
			Handler: http.HandlerFunc(w.serveRunFiles),
		},
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		// One window per data folder: launching EPSM again (a double-click on a model in the
		// file manager) hands the files to the running window and ends. Where the hand-over
		// cannot work (Linux without a D-Bus session), the second launch finds the data folder
		// locked and says which process holds it.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(cfg.DataDir),
			OnSecondInstanceLaunch: w.secondLaunch,
		},
		Linux:         &linux.Options{Icon: icon, ProgramName: "epsm"},
		Mac:           &mac.Options{OnFileOpen: func(path string) { w.openFiles([]string{path}) }},
		OnStartup:     w.startup,
		OnDomReady:    w.domReady,
		OnBeforeClose: w.beforeClose,
		OnShutdown:    w.shutdown,
		Bind:          bound,
		EnumBind:      []any{events.All, sim.AllStatuses, sim.AllFailureKinds, AllMenuItems, importsvc.AllSourceKinds, lca.AllReasonCodes},
	})
}

func (w *window) startup(ctx context.Context) {
	w.ctx.Store(&ctx)
	// The window lives for hours and opens folders of thousands of runs: give each burst's
	// garbage back to the system rather than keep it mapped.
	trimCtx, stop := context.WithCancel(context.Background())
	w.stopTrim = stop
	go memtrim.New().Run(trimCtx)
	if w.app == nil {
		return
	}
	wd, _ := os.Getwd()
	if files := commandLineFiles(launchArgs(os.Args[1:]), wd); len(files) > 0 {
		w.openFiles(files)
	} else {
		w.app.Importer.ImportExampleIfEmpty()
	}
	runtime.OnFileDrop(ctx, func(_, _ int, paths []string) {
		w.Emit(events.ImportDone, w.app.ImportsService.ImportFiles(paths))
	})
}

// openFiles imports files opened from outside the window; the page hears of them as it loads,
// or at once through import:done if it has loaded.
func (w *window) openFiles(paths []string) {
	if w.app == nil {
		return
	}
	rep := w.app.ImportsService.ImportFiles(paths)
	if !w.shell.opened.hold(rep) {
		w.Emit(events.ImportDone, rep)
	}
}

// secondLaunch: EPSM was launched again on this data folder; that launch has ended, and its
// files come here. The window comes to the front so the user sees them arrive.
func (w *window) secondLaunch(second options.SecondInstanceData) {
	w.log.Info("a second launch handed over its files", "args", second.Args)
	if ctx := w.ctx.Load(); ctx != nil {
		runtime.WindowUnminimise(*ctx)
		runtime.Show(*ctx)
	}
	if files := commandLineFiles(launchArgs(second.Args), second.WorkingDirectory); len(files) > 0 {
		w.openFiles(files)
	}
}

const minWindowWidth, minWindowHeight = 900, 600

// menu is the native menu bar. Items the window carries out (it knows the selected study and
// shows progress and errors) are sent to it as menu:action events; Quit closes the window,
// which remembers its geometry on the way out.
func (w *window) menu() *menu.Menu {
	m := menu.NewMenu()
	if goruntime.GOOS == "darwin" {
		m.Append(menu.AppMenu()) // About/Hide/Quit in the app menu, as macOS users expect
	}
	send := func(action MenuItem) func(*menu.CallbackData) {
		return func(*menu.CallbackData) { w.Emit(events.MenuAction, MenuAction{Action: action}) }
	}
	file := m.AddSubmenu("File")
	file.AddText("Import files…", keys.CmdOrCtrl("o"), send(MenuImportFiles))
	file.AddText("Import study…", keys.Combo("o", keys.CmdOrCtrlKey, keys.ShiftKey), send(MenuImportStudy))
	file.AddSeparator()
	file.AddText("Export results…", keys.CmdOrCtrl("e"), send(MenuExportResults))
	file.AddText("Export study…", keys.Combo("e", keys.CmdOrCtrlKey, keys.ShiftKey), send(MenuExportStudy))
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) {
		if ctx := w.ctx.Load(); ctx != nil {
			runtime.Quit(*ctx)
		}
	})
	if goruntime.GOOS == "darwin" {
		m.Append(menu.EditMenu()) // without it Cmd+C/V do nothing in a macOS webview
	}
	help := m.AddSubmenu("Help")
	help.AddText("About EPSM Desktop", keys.Key("F1"), send(MenuAbout))
	return m
}

// domReady puts the window where it was when it was last closed. It runs here, not in
// startup: Wails centres the window while startup runs, which would undo the move.
func (w *window) domReady(ctx context.Context) {
	if w.app == nil || w.restored {
		return
	}
	w.restored = true
	g, ok := loadWindowGeometry(w.app.Store)
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
func (w *window) beforeClose(ctx context.Context) bool {
	if w.app == nil {
		return false
	}
	g := WindowGeometry{Maximised: runtime.WindowIsMaximised(ctx)}
	if prev, ok := loadWindowGeometry(w.app.Store); ok && g.Maximised {
		g.X, g.Y, g.Width, g.Height = prev.X, prev.Y, prev.Width, prev.Height
	} else {
		g.Width, g.Height = runtime.WindowGetSize(ctx)
		g.X, g.Y = runtime.WindowGetPosition(ctx)
	}
	if err := saveWindowGeometry(w.app.Store, g); err != nil {
		w.log.Warn("window geometry not saved", "err", err)
	}
	return false
}

func (w *window) shutdown(context.Context) {
	if w.stopTrim != nil {
		w.stopTrim()
	}
	if w.app != nil {
		w.app.Close()
	}
}

// Emit sends an event to the window; before the window exists there is no one to tell (the
// window reads the state when it loads).
func (w *window) Emit(name events.Name, payload any) {
	if ctx := w.ctx.Load(); ctx != nil {
		runtime.EventsEmit(*ctx, string(name), payload)
	}
}

func (w *window) context() context.Context {
	if ctx := w.ctx.Load(); ctx != nil {
		return *ctx
	}
	return context.Background()
}

func filters(f dialog.Filter) []runtime.FileFilter {
	if f.Pattern == "" {
		return nil
	}
	return []runtime.FileFilter{{DisplayName: f.Display, Pattern: f.Pattern}, {DisplayName: "All files", Pattern: "*"}}
}

// OpenFiles shows the native multi-file dialog.
func (w *window) OpenFiles(title string, f dialog.Filter) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(w.context(), runtime.OpenDialogOptions{Title: title, Filters: filters(f)})
}

// OpenFile shows the native single-file dialog.
func (w *window) OpenFile(title string, f dialog.Filter) (string, error) {
	return runtime.OpenFileDialog(w.context(), runtime.OpenDialogOptions{Title: title, Filters: filters(f)})
}

// ChooseFolder shows the native folder dialog.
func (w *window) ChooseFolder(title string) (string, error) {
	return runtime.OpenDirectoryDialog(w.context(), runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// SaveFile shows the native save dialog. A dev build run by the end-to-end tests
// (EPSM_E2E_SAVE_DIR set) answers with that folder instead: a browser cannot drive the native
// dialog, and everything after it (the bound method, the export, the file) stays real.
// Production builds do not have this seam (see e2eSaveDir).
func (w *window) SaveFile(title, defaultName string, f dialog.Filter) (string, error) {
	if dir := e2eSaveDir(); dir != "" {
		return filepath.Join(dir, defaultName), nil
	}
	o := runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName, CanCreateDirectories: true}
	if f.Pattern != "" {
		o.Filters = []runtime.FileFilter{{DisplayName: f.Display, Pattern: f.Pattern}}
	}
	return runtime.SaveFileDialog(w.context(), o)
}

func (w *window) serveRunFiles(rw http.ResponseWriter, r *http.Request) {
	if w.app == nil {
		http.NotFound(rw, r)
		return
	}
	w.app.Queue.RunFilesHandler().ServeHTTP(rw, r)
}
