// Package importsvc brings the user's models and weather files into the data folder: files
// and folders dropped or picked (content-addressed copies, macro files expanded with EPMacro),
// the bundled example, models transitioned to the engine's version, and the watch on the
// user's originals that marks a model whose file changed on disk. Importer is the part Go code
// drives; Service is the part the window calls.
package importsvc

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"epsm/events"
	"epsm/examples"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/store"
)

// Importer imports files into the store.
type Importer struct {
	store    *store.Store
	settings *settingsvc.Settings
	queue    *runsvc.Queue
	emit     events.Emitter
	log      *slog.Logger
	sources  *sourceWatcher
}

// NewImporter makes an importer; with watch it watches the originals of imported files.
func NewImporter(st *store.Store, settings *settingsvc.Settings, queue *runsvc.Queue, emit events.Emitter, log *slog.Logger, watch bool) *Importer {
	imp := &Importer{store: st, settings: settings, queue: queue, emit: emit, log: log}
	if watch {
		imp.sources = imp.watchSources()
	}
	return imp
}

// Close stops watching the originals.
func (imp *Importer) Close() {
	if imp.sources != nil {
		imp.sources.stop()
	}
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

// Import imports IDF and EPW files (and every IDF and EPW directly inside a given folder),
// file by file: one bad file never stops the others.
func (imp *Importer) Import(paths []string) ImportReport {
	var rep ImportReport
	for _, p := range expandFolders(paths, &rep) {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".idf", ".imf":
			m, created, err := imp.store.ImportModel(p)
			if me := (*store.MacroFileError)(nil); errors.As(err, &me) {
				m, created, err = imp.importMacroFile(me)
			}
			switch {
			case err != nil:
				rep.Errors = append(rep.Errors, ImportError{Path: p, Message: err.Error()})
			case !created:
				rep.Duplicates = append(rep.Duplicates, p)
				rep.Models = append(rep.Models, m)
			default:
				rep.Models = append(rep.Models, m)
				imp.watch(m.OriginalPath)
			}
		case ".epw":
			w, created, err := imp.store.ImportWeather(p)
			switch {
			case err != nil:
				rep.Errors = append(rep.Errors, ImportError{Path: p, Message: err.Error()})
			case !created:
				rep.Duplicates = append(rep.Duplicates, p)
				rep.Weather = append(rep.Weather, w)
			default:
				rep.Weather = append(rep.Weather, w)
				imp.watch(w.OriginalPath)
			}
		default:
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("%s: not an EnergyPlus model (.idf, .imf) or weather file (.epw)", filepath.Base(p))})
		}
	}
	return rep
}

// expandFolders replaces each folder by the IDF, IMF and EPW files directly inside it, keeping the
// order the user gave. Paths that cannot be read stay in the list: their import names the error.
func expandFolders(paths []string, rep *ImportReport) []string {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("the folder %s cannot be read: %v", p, err)})
			continue
		}
		found := false
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".idf" || ext == ".imf" || ext == ".epw") {
				out = append(out, filepath.Join(p, e.Name()))
				found = true
			}
		}
		if !found {
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("%s is a folder with no model (.idf, .imf) or weather file (.epw) directly inside it", p)})
		}
	}
	return out
}

// ImportExample imports the bundled example model and weather file.
func (imp *Importer) ImportExample() ImportReport {
	model, weather, err := examples.WriteTo(filepath.Join(imp.store.Dir(), "examples"))
	if err != nil {
		return ImportReport{Errors: []ImportError{{Path: "bundled example", Message: err.Error()}}}
	}
	return imp.Import([]string{model, weather})
}

// ImportExampleIfEmpty gives a first-time user something to run.
func (imp *Importer) ImportExampleIfEmpty() {
	models, err := imp.store.Models()
	if err != nil || len(models) > 0 {
		return
	}
	rep := imp.ImportExample()
	for _, e := range rep.Errors {
		imp.log.Error("import bundled example", "path", e.Path, "err", e.Message)
	}
}
