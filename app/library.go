package app

import (
	"errors"
	"fmt"
	"os"

	"epsm/idf"
	"epsm/lca"
	"epsm/library"
	"epsm/store"
	"epsm/study"
	"epsm/takeoff"
)

// LibraryView is the library with every construction's computed figures (U, GWP/m2, cost/m2),
// never stored, so they are never stale.
type LibraryView struct {
	Materials     []library.Material     `json:"materials"`
	Windows       []library.WindowSystem `json:"windows"`
	Constructions []ConstructionView     `json:"constructions"`
	Problems      []library.Problem      `json:"problems"`
	Attribution   string                 `json:"attribution"`
}

// ConstructionView is a construction with its figures, or why they cannot be computed.
type ConstructionView struct {
	Construction library.Construction `json:"construction"`
	Figures      *library.Figures     `json:"figures"`
	Error        string               `json:"error,omitempty"`
	Unusable     string               `json:"unusable,omitempty"` // why a variant cannot use it
}

func viewOf(lib *library.Library) LibraryView {
	v := LibraryView{Materials: lib.Materials, Windows: lib.Windows, Problems: lib.Validate(), Attribution: library.DefaultAttribution()}
	for _, c := range lib.Constructions {
		v.Constructions = append(v.Constructions, constructionView(lib, c))
	}
	return v
}

func constructionView(lib *library.Library, c library.Construction) ConstructionView {
	cv := ConstructionView{Construction: c}
	if f, err := lib.Figures(c); err != nil {
		cv.Error = err.Error()
	} else {
		cv.Figures = &f
	}
	if err := lib.Usable(c); err != nil {
		cv.Unusable = err.Error()
	}
	return cv
}

// LibraryView returns the library with computed figures.
func (c *Core) LibraryView() (LibraryView, error) {
	lib, err := c.Library()
	if err != nil {
		return LibraryView{}, err
	}
	return viewOf(lib), nil
}

// PreviewConstruction computes the figures of a construction being edited, before saving.
func (c *Core) PreviewConstruction(con library.Construction) (ConstructionView, error) {
	lib, err := c.Library()
	if err != nil {
		return ConstructionView{}, err
	}
	if problems := lib.ValidateConstruction(con); len(problems) > 0 {
		cv := ConstructionView{Construction: con, Error: library.Problems(problems).Error()}
		return cv, nil
	}
	return constructionView(lib, con), nil
}

// ImportLibraryFromModel adds the materials and constructions of an imported model to the
// library (origin "imported"; GWP and cost missing until the user fills them in). Items whose
// id already exists are left alone and reported.
func (c *Core) ImportLibraryFromModel(modelID int64) (LibraryView, error) {
	m, err := c.store.Model(modelID)
	if err != nil {
		return LibraryView{}, fmt.Errorf("model %d: %w", modelID, err)
	}
	f, err := idf.ParseFile(m.StoredPath)
	if err != nil {
		return LibraryView{}, err
	}
	got, problems := library.FromIDF(f)
	if _, err := c.Library(); err != nil {
		return LibraryView{}, err
	}
	var errs []error
	for _, x := range got.Materials {
		if err := c.store.SaveMaterial(x); err != nil {
			errs = append(errs, err)
		}
	}
	for _, x := range got.Windows {
		if err := c.store.SaveWindowSystem(x); err != nil {
			errs = append(errs, err)
		}
	}
	for _, x := range got.Constructions {
		if err := c.store.SaveConstruction(x); err != nil {
			errs = append(errs, err)
		}
	}
	v, err := c.LibraryView()
	if err != nil {
		return v, err
	}
	v.Problems = append(v.Problems, problems...)
	for _, e := range errs {
		v.Problems = append(v.Problems, library.Problem{Item: m.Name, Message: e.Error()})
	}
	return v, nil
}

// ExportLibraryCSV writes the library as the three CSV files into dir.
func (c *Core) ExportLibraryCSV(dir string) error {
	lib, err := c.Library()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export library: %w", err)
	}
	return lib.WriteCSV(dir)
}

// ImportLibraryCSV adds or updates the items of a library folder (the three CSV files).
func (c *Core) ImportLibraryCSV(dir string) (LibraryView, error) {
	in, err := library.LoadCSV(dir)
	if err != nil {
		return LibraryView{}, err
	}
	if _, err := c.Library(); err != nil {
		return LibraryView{}, err
	}
	for _, x := range in.Materials {
		if err := c.store.SaveMaterial(x); err != nil {
			return LibraryView{}, err
		}
	}
	for _, x := range in.Windows {
		if err := c.store.SaveWindowSystem(x); err != nil {
			return LibraryView{}, err
		}
	}
	for _, x := range in.Constructions {
		if err := c.store.SaveConstruction(x); err != nil {
			return LibraryView{}, err
		}
	}
	return c.LibraryView()
}

// Takeoff computes a model's envelope areas.
func (c *Core) Takeoff(modelID int64) (*takeoff.Takeoff, error) {
	m, err := c.store.Model(modelID)
	if err != nil {
		return nil, fmt.Errorf("model %d: %w", modelID, err)
	}
	f, err := idf.ParseFile(m.StoredPath)
	if err != nil {
		return nil, err
	}
	return takeoff.Compute(f)
}

// StudyEstimate is what a spec will cost before it runs.
type StudyEstimate struct {
	Variants int     `json:"variants"` // besides the baseline
	Runs     int     `json:"runs"`     // (variants + baseline) x weather files
	Seconds  float64 `json:"seconds"`  // estimated wall time on this machine, 0 when unknown
	HasTime  bool    `json:"hasTime"`
}

// EstimateStudy counts a spec's variants and runs and estimates the wall time from the mean
// run time measured on this machine.
func (c *Core) EstimateStudy(spec study.Spec) (StudyEstimate, error) {
	if err := spec.Validate(); err != nil {
		return StudyEstimate{}, err
	}
	weathers := len(spec.WeatherIDs) + len(spec.Weather)
	e := StudyEstimate{Variants: spec.Count(), Runs: (spec.Count() + 1) * max(weathers, 1)}
	if mean, ok := c.meanRunSeconds(nil); ok {
		e.HasTime = true
		e.Seconds = float64(e.Runs) * mean / float64(max(c.QueueState().Workers, 1))
	}
	return e, nil
}

var errNoDialogs = errors.New("file dialogs are not available")

// ---- bound methods ----

// Library returns the library with computed figures.
func (a *App) Library() (LibraryView, error) {
	c, err := a.c()
	if err != nil {
		return LibraryView{}, err
	}
	return c.LibraryView()
}

// PreviewConstruction computes a construction's figures while it is being edited.
func (a *App) PreviewConstruction(con library.Construction) (ConstructionView, error) {
	c, err := a.c()
	if err != nil {
		return ConstructionView{}, err
	}
	return c.PreviewConstruction(con)
}

// SaveMaterial adds or updates a material (validated; an invalid one changes nothing).
func (a *App) SaveMaterial(m library.Material) (LibraryView, error) {
	return a.libraryEdit(func(s *store.Store) error { return s.SaveMaterial(m) })
}

// SaveWindowSystem adds or updates a window system.
func (a *App) SaveWindowSystem(w library.WindowSystem) (LibraryView, error) {
	return a.libraryEdit(func(s *store.Store) error { return s.SaveWindowSystem(w) })
}

// SaveConstruction adds or updates a construction.
func (a *App) SaveConstruction(con library.Construction) (LibraryView, error) {
	return a.libraryEdit(func(s *store.Store) error { return s.SaveConstruction(con) })
}

// DuplicateConstruction copies a construction under a new id and name.
func (a *App) DuplicateConstruction(id, newID, newName string) (LibraryView, error) {
	return a.libraryEdit(func(s *store.Store) error { _, err := s.DuplicateConstruction(id, newID, newName); return err })
}

// DeleteMaterial deletes a material no construction uses.
func (a *App) DeleteMaterial(id string) (LibraryView, error) {
	return a.libraryEdit(func(s *store.Store) error { return s.DeleteMaterial(id) })
}

// DeleteWindowSystem deletes a window system no construction uses.
func (a *App) DeleteWindowSystem(id string) (LibraryView, error) {
	return a.libraryEdit(func(s *store.Store) error { return s.DeleteWindowSystem(id) })
}

// DeleteConstruction deletes a construction.
func (a *App) DeleteConstruction(id string) (LibraryView, error) {
	return a.libraryEdit(func(s *store.Store) error { return s.DeleteConstruction(id) })
}

func (a *App) libraryEdit(edit func(*store.Store) error) (LibraryView, error) {
	c, err := a.c()
	if err != nil {
		return LibraryView{}, err
	}
	if _, err := c.Library(); err != nil { // seeded before the first edit
		return LibraryView{}, err
	}
	if err := edit(c.store); err != nil {
		return LibraryView{}, err
	}
	return c.LibraryView()
}

// ImportLibraryFromModel adds a model's materials and constructions to the library.
func (a *App) ImportLibraryFromModel(modelID int64) (LibraryView, error) {
	c, err := a.c()
	if err != nil {
		return LibraryView{}, err
	}
	return c.ImportLibraryFromModel(modelID)
}

// ExportLibraryCSV asks for a folder and writes the library's CSV files into it.
func (a *App) ExportLibraryCSV() (string, error) {
	c, err := a.c()
	if err != nil {
		return "", err
	}
	d := a.dialogsOrNil()
	if d == nil {
		return "", errNoDialogs
	}
	dir, err := d.ChooseFolder("Export the library to a folder")
	if err != nil || dir == "" {
		return "", err
	}
	return dir, c.ExportLibraryCSV(dir)
}

// ImportLibraryCSV asks for a library folder (materials.csv, glazing.csv, constructions.csv)
// and adds its items.
func (a *App) ImportLibraryCSV() (LibraryView, error) {
	c, err := a.c()
	if err != nil {
		return LibraryView{}, err
	}
	d := a.dialogsOrNil()
	if d == nil {
		return LibraryView{}, errNoDialogs
	}
	dir, err := d.ChooseFolder("Import a library folder")
	if err != nil || dir == "" {
		v, _ := c.LibraryView()
		return v, err
	}
	return c.ImportLibraryCSV(dir)
}

// ModelTakeoff returns a model's envelope areas per element and orientation.
func (a *App) ModelTakeoff(modelID int64) (*takeoff.Takeoff, error) {
	c, err := a.c()
	if err != nil {
		return nil, err
	}
	return c.Takeoff(modelID)
}

// EstimateStudy counts a spec's variants and runs and estimates the run time.
func (a *App) EstimateStudy(spec study.Spec) (StudyEstimate, error) {
	c, err := a.c()
	if err != nil {
		return StudyEstimate{}, err
	}
	if err := c.checkSpecFromUI(spec); err != nil {
		return StudyEstimate{}, err
	}
	return c.EstimateStudy(spec)
}

// CreateStudy builds a study's variants and queues their runs.
func (a *App) CreateStudy(spec study.Spec) (StudyInfo, error) {
	c, err := a.c()
	if err != nil {
		return StudyInfo{}, err
	}
	if err := c.checkSpecFromUI(spec); err != nil {
		return StudyInfo{}, err
	}
	return c.CreateStudy(spec)
}

// Studies lists the studies.
func (a *App) Studies() ([]store.Study, error) {
	c, err := a.c()
	if err != nil {
		return nil, err
	}
	return c.Studies()
}

// StudyTable returns a study's variant table with KPIs and Pareto flags, its missing-value
// notes sent once (see internMissing).
func (a *App) StudyTable(studyID int64) (StudyTable, error) {
	c, err := a.c()
	if err != nil {
		return StudyTable{}, err
	}
	t, err := c.StudyTable(studyID)
	if err != nil {
		return t, err
	}
	slimForWindow(&t)
	t.MissingText = internMissing(&t.Rows)
	return t, nil
}

// ExportStudySpec asks where to save a study's spec (runnable with `epsm study`).
func (a *App) ExportStudySpec(studyID int64) (string, error) {
	c, err := a.c()
	if err != nil {
		return "", err
	}
	d := a.dialogsOrNil()
	if d == nil {
		return "", errNoDialogs
	}
	path, err := d.SaveFile("Save the study spec", "study.json")
	if err != nil || path == "" {
		return "", err
	}
	return path, c.ExportStudySpec(studyID, path)
}

// GetLCASettings returns emission factors, prices, currency and analysis period.
func (a *App) GetLCASettings() (lca.Settings, error) {
	c, err := a.c()
	if err != nil {
		return lca.Settings{}, err
	}
	return c.LCASettings()
}

// SaveLCASettings validates and stores them.
func (a *App) SaveLCASettings(s lca.Settings) (lca.Settings, error) {
	c, err := a.c()
	if err != nil {
		return lca.Settings{}, err
	}
	return c.SaveLCASettings(s)
}
