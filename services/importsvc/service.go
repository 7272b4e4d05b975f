package importsvc

import (
	"context"
	"fmt"
	"path/filepath"

	"epsm/events"
	"epsm/services/dialog"
	"epsm/store"
)

// Service is what the window calls to import files.
type Service struct {
	imp     *Importer
	dialogs dialog.Dialogs
}

// NewService binds imp for the window.
func NewService(imp *Importer, d dialog.Dialogs) *Service { return &Service{imp: imp, dialogs: d} }

// Files are the imported models and weather files the window lists.
type Files struct {
	Models  []store.Model   `json:"models"`
	Weather []store.Weather `json:"weather"`
}

// Files lists the user's models (not a study's generated variants) and the weather files.
func (s *Service) Files() (Files, error) {
	models, err := s.imp.store.UserModels()
	if err != nil {
		return Files{}, err
	}
	weather, err := s.imp.store.WeatherFiles()
	if err != nil {
		return Files{}, err
	}
	if models == nil {
		models = []store.Model{}
	}
	if weather == nil {
		weather = []store.Weather{}
	}
	return Files{Models: models, Weather: weather}, nil
}

// ImportFiles imports the given paths (files or folders). They come from the window (a drop
// or a dialog gives absolute paths); a relative one would depend on the app's working folder,
// so it is refused rather than guessed.
func (s *Service) ImportFiles(paths []string) ImportReport {
	var ok []string
	var rep ImportReport
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			rep.Errors = append(rep.Errors, ImportError{Path: p, Message: fmt.Sprintf("%q is not an absolute path: drop the file or pick it in the dialog", p)})
			continue
		}
		ok = append(ok, filepath.Clean(p))
	}
	got := s.imp.Import(ok)
	got.Errors = append(rep.Errors, got.Errors...)
	return got
}

// ChooseAndImport opens a file dialog and imports what the user picks.
func (s *Service) ChooseAndImport() (ImportReport, error) {
	paths, err := s.dialogs.OpenFiles("Import EnergyPlus models and weather files",
		dialog.Filter{Display: "EnergyPlus models, macro files and weather (*.idf, *.imf, *.epw)", Pattern: "*.idf;*.imf;*.epw"})
	if err != nil {
		return ImportReport{}, fmt.Errorf("file dialog: %w", err)
	}
	return s.imp.Import(paths), nil
}

// ImportExample imports the bundled example model and weather file.
func (s *Service) ImportExample() ImportReport { return s.imp.ImportExample() }

// ReimportAndRerun re-imports a model whose original file changed and runs it again with the
// weather files it was run with.
func (s *Service) ReimportAndRerun(modelID int64) (ReimportResult, error) {
	return s.imp.ReimportAndRerun(modelID)
}

// TransitionOffer says whether an old model can be transitioned to the engine's version here.
func (s *Service) TransitionOffer(modelID int64) (TransitionOffer, error) {
	return s.imp.TransitionOffer(modelID)
}

// TransitionModel transitions a copy of an old model with NREL's version updaters and imports
// it; the window shows the new model like a dropped file (import:done).
func (s *Service) TransitionModel(modelID int64) (ImportReport, error) {
	rep, err := s.imp.TransitionModel(context.Background(), modelID)
	if err == nil {
		s.imp.emit.Emit(events.ImportDone, rep)
	}
	return rep, err
}
