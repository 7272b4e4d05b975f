// Package librarysvc is the window's access to the renovation library of the data folder:
// materials, window systems and constructions with their computed U-value, GWP and cost (never
// stored, so never stale), edits, CSV import and export, import from a model, and a model's
// envelope take-off.
package librarysvc

import (
	"errors"
	"fmt"
	"os"

	"epsm/idf"
	"epsm/library"
	"epsm/services/dialog"
	"epsm/store"
	"epsm/takeoff"
)

// Service is what the window calls about the library.
type Service struct {
	store   *store.Store
	dialogs dialog.Dialogs
}

// NewService binds the library of st for the window.
func NewService(st *store.Store, d dialog.Dialogs) *Service { return &Service{store: st, dialogs: d} }

// LibraryView is the library with every construction's computed figures.
type LibraryView struct {
	Materials     []library.Material     `json:"materials"`
	Windows       []library.WindowSystem `json:"windows"`
	Constructions []ConstructionView     `json:"constructions"`
	Problems      []library.Problem      `json:"problems"`
	Attribution   string                 `json:"attribution"`
}

// ConstructionView is a construction with its figures, or why they cannot be computed: Problems,
// each at its field ("layers[1].thicknessM", "windowSystemId"), and Error, the same in one line.
type ConstructionView struct {
	Construction library.Construction `json:"construction"`
	Figures      *library.Figures     `json:"figures"`
	Error        string               `json:"error,omitempty"`
	Problems     []library.Problem    `json:"problems,omitempty"`
	Unusable     string               `json:"unusable,omitempty"` // why a variant cannot use it
}

// refused is a view of c with no figures, for problems.
func refused(c library.Construction, problems library.Problems) ConstructionView {
	return ConstructionView{Construction: c, Error: problems.Error(), Problems: problems}
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
	f, err := lib.Figures(c)
	var problems library.Problems
	switch {
	case errors.As(err, &problems):
		cv = refused(c, problems)
	case err != nil:
		cv.Error = err.Error()
	default:
		cv.Figures = &f
	}
	if err := lib.Usable(c); err != nil {
		cv.Unusable = err.Error()
	}
	return cv
}

// Library returns the library with computed figures (the default library is seeded on first use).
func (s *Service) Library() (LibraryView, error) {
	lib, err := s.store.Library()
	if err != nil {
		return LibraryView{}, err
	}
	return viewOf(lib), nil
}

// PreviewConstruction computes the figures of a construction being edited, before saving.
func (s *Service) PreviewConstruction(con library.Construction) (ConstructionView, error) {
	lib, err := s.store.Library()
	if err != nil {
		return ConstructionView{}, err
	}
	if problems := lib.ValidateConstruction(con); len(problems) > 0 {
		return refused(con, problems), nil
	}
	return constructionView(lib, con), nil
}

// SaveMaterial adds or updates a material (validated; an invalid one changes nothing).
func (s *Service) SaveMaterial(m library.Material) (LibraryView, error) {
	return s.edit(func(st *store.Store) error { return st.SaveMaterial(m) })
}

// SaveWindowSystem adds or updates a window system.
func (s *Service) SaveWindowSystem(w library.WindowSystem) (LibraryView, error) {
	return s.edit(func(st *store.Store) error { return st.SaveWindowSystem(w) })
}

// SaveConstruction adds or updates a construction.
func (s *Service) SaveConstruction(con library.Construction) (LibraryView, error) {
	return s.edit(func(st *store.Store) error { return st.SaveConstruction(con) })
}

// DuplicateConstruction copies a construction under a new id and name.
func (s *Service) DuplicateConstruction(id, newID, newName string) (LibraryView, error) {
	return s.edit(func(st *store.Store) error { _, err := st.DuplicateConstruction(id, newID, newName); return err })
}

// DeleteMaterial deletes a material no construction uses.
func (s *Service) DeleteMaterial(id string) (LibraryView, error) {
	return s.edit(func(st *store.Store) error { return st.DeleteMaterial(id) })
}

// DeleteWindowSystem deletes a window system no construction uses.
func (s *Service) DeleteWindowSystem(id string) (LibraryView, error) {
	return s.edit(func(st *store.Store) error { return st.DeleteWindowSystem(id) })
}

// DeleteConstruction deletes a construction.
func (s *Service) DeleteConstruction(id string) (LibraryView, error) {
	return s.edit(func(st *store.Store) error { return st.DeleteConstruction(id) })
}

func (s *Service) edit(change func(*store.Store) error) (LibraryView, error) {
	if _, err := s.store.Library(); err != nil { // seeded before the first edit
		return LibraryView{}, err
	}
	if err := change(s.store); err != nil {
		return LibraryView{}, err
	}
	return s.Library()
}

// ImportLibraryFromModel adds the materials and constructions of an imported model to the
// library (origin "imported"; GWP and cost missing until the user fills them in). Items whose
// id already exists are left alone and reported.
func (s *Service) ImportLibraryFromModel(modelID int64) (LibraryView, error) {
	m, err := s.store.Model(modelID)
	if err != nil {
		return LibraryView{}, fmt.Errorf("model %d: %w", modelID, err)
	}
	f, err := idf.ParseFile(m.StoredPath)
	if err != nil {
		return LibraryView{}, err
	}
	got, problems := library.FromIDF(f)
	if _, err := s.store.Library(); err != nil {
		return LibraryView{}, err
	}
	errs := s.saveAll(got)
	v, err := s.Library()
	if err != nil {
		return v, err
	}
	v.Problems = append(v.Problems, problems...)
	for _, e := range errs {
		v.Problems = append(v.Problems, library.Problem{Item: m.Name, Message: e.Error()})
	}
	return v, nil
}

// saveAll saves every item of in, going on past a refused one; it returns the refusals.
func (s *Service) saveAll(in *library.Library) []error {
	var errs []error
	for _, x := range in.Materials {
		if err := s.store.SaveMaterial(x); err != nil {
			errs = append(errs, err)
		}
	}
	for _, x := range in.Windows {
		if err := s.store.SaveWindowSystem(x); err != nil {
			errs = append(errs, err)
		}
	}
	for _, x := range in.Constructions {
		if err := s.store.SaveConstruction(x); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// exportCSV writes the library as the three CSV files into dir.
func (s *Service) exportCSV(dir string) error {
	lib, err := s.store.Library()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export library: %w", err)
	}
	return lib.WriteCSV(dir)
}

// importCSV adds or updates the items of a library folder (the three CSV files); the first
// item refused stops the import and names the problem.
func (s *Service) importCSV(dir string) (LibraryView, error) {
	in, err := library.LoadCSV(dir)
	if err != nil {
		return LibraryView{}, err
	}
	if _, err := s.store.Library(); err != nil {
		return LibraryView{}, err
	}
	if errs := s.saveAll(in); len(errs) > 0 {
		return LibraryView{}, errs[0]
	}
	return s.Library()
}

// ExportLibraryCSV asks for a folder and writes the library's CSV files into it.
func (s *Service) ExportLibraryCSV() (string, error) {
	dir, err := s.dialogs.ChooseFolder("Export the library to a folder")
	if err != nil || dir == "" {
		return "", err
	}
	return dir, s.exportCSV(dir)
}

// ImportLibraryCSV asks for a library folder (materials.csv, glazing.csv, constructions.csv)
// and adds its items.
func (s *Service) ImportLibraryCSV() (LibraryView, error) {
	dir, err := s.dialogs.ChooseFolder("Import a library folder")
	if err != nil || dir == "" {
		v, _ := s.Library()
		return v, err
	}
	return s.importCSV(dir)
}

// ModelTakeoff returns a model's envelope areas per element and orientation.
func (s *Service) ModelTakeoff(modelID int64) (*takeoff.Takeoff, error) {
	m, err := s.store.Model(modelID)
	if err != nil {
		return nil, fmt.Errorf("model %d: %w", modelID, err)
	}
	f, err := idf.ParseFile(m.StoredPath)
	if err != nil {
		return nil, err
	}
	return takeoff.Compute(f)
}
