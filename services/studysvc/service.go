package studysvc

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"epsm/idfdiff"
	"epsm/lca"
	"epsm/services/dialog"
	"epsm/store"
	"epsm/study"
)

// Service is what the window calls about studies.
type Service struct {
	studies *Studies
	dialogs dialog.Dialogs
	// shown is the table last computed for a first screenful, kept for the call that asks
	// for the rest right after, so that the table is not computed twice.
	shown struct {
		sync.Mutex
		studyID int64
		at      time.Time
		table   StudyTable
	}
}

// restAfterFirst is how long the table computed for a first screenful answers the call for
// the rest; the window asks for it at once.
const restAfterFirst = 10 * time.Second

// NewService binds s for the window.
func NewService(s *Studies, d dialog.Dialogs) *Service { return &Service{studies: s, dialogs: d} }

// EstimateStudy counts a spec's variants and runs and estimates the run time. Its measures are
// checked against the model too (objects, IDD fields, values), so that the builder names a
// mistyped field while it is being filled in rather than when the study is created.
func (s *Service) EstimateStudy(spec study.Spec) (StudyEstimate, error) {
	if err := s.studies.checkSpecFromWindow(spec); err != nil {
		return StudyEstimate{}, err
	}
	e, err := s.studies.Estimate(spec)
	if err != nil || spec.ModelID == 0 || len(spec.Measures) == 0 {
		return e, err
	}
	model, err := s.studies.store.Model(spec.ModelID)
	if err != nil {
		return StudyEstimate{}, err
	}
	b, err := readBase(model)
	if err != nil {
		return StudyEstimate{}, err
	}
	for _, m := range spec.Measures {
		if err := b.Check(m); err != nil {
			return StudyEstimate{}, fmt.Errorf("study spec: %w (model %s)", err, model.Name)
		}
	}
	return e, nil
}

// CreateStudy builds a study's variants and queues their runs on this computer.
func (s *Service) CreateStudy(spec study.Spec) (StudyInfo, error) { return s.CreateStudyOn(spec, "") }

// CreateStudyOn builds a study's variants and sends their runs to target: a saved target's
// name, or "" for this computer.
func (s *Service) CreateStudyOn(spec study.Spec, target string) (StudyInfo, error) {
	if err := s.studies.checkSpecFromWindow(spec); err != nil {
		return StudyInfo{}, err
	}
	info, err := s.studies.CreateOn(spec, target)
	if err == nil && info.Study.MethodJSON != "" {
		s.studies.startDriver(info.Study.ID)
	}
	return info, err
}

// Studies lists the studies.
func (s *Service) Studies() ([]store.Study, error) { return s.studies.List() }

// StudyTable returns a study's variant table with KPIs and Pareto flags, its missing-value
// notes sent once (see internMissing).
func (s *Service) StudyTable(studyID int64) (StudyTable, error) {
	t, err := s.studies.Table(studyID)
	if err != nil {
		return t, err
	}
	slimForWindow(&t)
	t.MissingText = internMissing(&t.Rows)
	return t, nil
}

// StudyColumns returns a study's variant table in columns (see StudyColumns), the form the
// window reads: with first, only the first screenful of rows, so the table shows at once; then
// the window asks for all of them (first false), which reuses the table just computed.
func (s *Service) StudyColumns(studyID int64, first bool) (StudyColumns, error) {
	s.shown.Lock()
	defer s.shown.Unlock()
	var t StudyTable
	if !first && s.shown.studyID == studyID && time.Since(s.shown.at) < restAfterFirst {
		t = s.shown.table
	} else {
		var err error
		if t, err = s.studies.Table(studyID); err != nil {
			return StudyColumns{}, err
		}
	}
	s.shown.studyID, s.shown.table = 0, StudyTable{}
	if first {
		s.shown.studyID, s.shown.at, s.shown.table = studyID, time.Now(), t
		return toColumns(t, firstScreen), nil
	}
	return toColumns(t, 0), nil
}

// VariantDiff says what a variant changes in its base model's IDF (empty for the baseline).
func (s *Service) VariantDiff(variantID int64) (VariantDiff, error) {
	return s.studies.VariantDiff(variantID)
}

// VariantRawDiff is a variant's IDF against its base model as a unified line diff, cut after
// RawLines lines (empty for the baseline).
func (s *Service) VariantRawDiff(variantID int64) (idfdiff.Raw, error) {
	return s.studies.VariantRawDiff(variantID)
}

// GetLCASettings returns emission factors, prices, currency and analysis period.
func (s *Service) GetLCASettings() (lca.Settings, error) { return s.studies.LCASettings() }

// CheckLCASettings lists what is wrong with the settings, each problem at the JSON path of its
// input (lca.Problem.Field), so the form marks the inputs before it saves; none when
// SaveLCASettings would take them. Errors cross the bridge only as text, hence a result.
func (s *Service) CheckLCASettings(l lca.Settings) []lca.Problem { return l.Problems() }

// SaveLCASettings validates and stores them; it refuses invalid settings (see CheckLCASettings).
func (s *Service) SaveLCASettings(l lca.Settings) (lca.Settings, error) {
	return s.studies.SaveLCASettings(l)
}

// ExportStudySpec asks where to save a study's spec (runnable with `epsm study`).
func (s *Service) ExportStudySpec(studyID int64) (string, error) {
	path, err := s.askSavePath("Save the study spec", "study.json", "Study spec (*.json)", ".json")
	if err != nil || path == "" {
		return "", err
	}
	return path, s.studies.ExportSpec(studyID, path)
}

// ExportStudyResults asks where to save a study's variant table and writes it as CSV or XLSX
// (format "csv" or "xlsx"); it returns the path written, "" when the user cancelled.
func (s *Service) ExportStudyResults(studyID int64, format string) (string, error) {
	if format != FormatCSV && format != FormatXLSX {
		return "", fmt.Errorf("export format %q: use csv or xlsx", format)
	}
	st, _, err := s.studies.store.Study(studyID)
	if err != nil {
		return "", err
	}
	display := map[string]string{FormatCSV: "CSV (*.csv)", FormatXLSX: "Excel workbook (*.xlsx)"}[format]
	path, err := s.askSavePath("Export the results of "+st.Name, exportName(st.Name)+"."+format, display, "."+format)
	if err != nil || path == "" {
		return "", err
	}
	return path, s.studies.ExportResults(studyID, path, format)
}

// ExportStudyReport asks where to save a study's report and writes it as HTML or PDF, as the
// file name's extension says (.html when it has none); it returns the path written, "" when the
// user cancelled.
func (s *Service) ExportStudyReport(studyID int64) (string, error) {
	st, _, err := s.studies.store.Study(studyID)
	if err != nil {
		return "", err
	}
	path, err := s.dialogs.SaveFile("Save the report of "+st.Name, exportName(st.Name)+" report.html", dialog.Filter{Display: "Report: HTML or PDF (*.html, *.pdf)", Pattern: "*.html;*.pdf"})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return "", nil
	}
	if filepath.Ext(path) == "" {
		path += ".html"
	}
	return path, s.studies.ExportReport(studyID, path)
}

// ExportStudyBundle asks where to save a study as one .epsmstudy file another user can import.
func (s *Service) ExportStudyBundle(studyID int64) (string, error) {
	st, _, err := s.studies.store.Study(studyID)
	if err != nil {
		return "", err
	}
	path, err := s.askSavePath("Export the study "+st.Name, exportName(st.Name)+StudyBundleExt, "EPSM study (*"+StudyBundleExt+")", StudyBundleExt)
	if err != nil || path == "" {
		return "", err
	}
	return path, s.studies.ExportBundle(studyID, path)
}

// ChooseAndImportStudy asks for a .epsmstudy file and imports it (an empty report when cancelled).
func (s *Service) ChooseAndImportStudy() (StudyImportReport, error) {
	path, err := s.dialogs.OpenFile("Import a study", dialog.Filter{Display: "EPSM study (*" + StudyBundleExt + ")", Pattern: "*" + StudyBundleExt})
	if err != nil {
		return StudyImportReport{}, fmt.Errorf("file dialog: %w", err)
	}
	if path == "" {
		return StudyImportReport{}, nil
	}
	return s.ImportStudyFile(path)
}

// ImportStudyFile imports a .epsmstudy file by absolute path (a drop, or a test driving the window).
func (s *Service) ImportStudyFile(path string) (StudyImportReport, error) {
	if !filepath.IsAbs(path) {
		return StudyImportReport{}, fmt.Errorf("%q is not an absolute path: pick the study file in the dialog", path)
	}
	return s.studies.ImportBundle(filepath.Clean(path))
}

func (s *Service) askSavePath(title, defaultName, display, ext string) (string, error) {
	path, err := s.dialogs.SaveFile(title, defaultName, dialog.Filter{Display: display, Pattern: "*" + ext})
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return "", nil
	}
	return dialog.WithExt(path, ext), nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9 ._()+-]+`)

func exportName(name string) string {
	n := strings.TrimSpace(unsafeName.ReplaceAllString(name, "_"))
	if n == "" {
		return "study"
	}
	return n
}

// StudyMethod returns a method study's progress, NSGA-II fronts per generation or Morris
// screening.
func (s *Service) StudyMethod(studyID int64) (MethodView, error) { return s.studies.Method(studyID) }

// MeasureTemplates lists the ready-made measures, each saying whether it applies to the model
// and why not.
func (s *Service) MeasureTemplates(modelID int64) ([]study.TemplateFit, error) {
	return s.studies.TemplateFits(modelID)
}

// StudyFigures are the figures a method can minimise or limit.
func (s *Service) StudyFigures() []study.Figure { return study.Figures() }

// ContinueStudyMethod goes on with a method study stopped by cancelling its runs: they are
// queued again and the method resumes.
func (s *Service) ContinueStudyMethod(studyID int64) error { return s.studies.ContinueMethod(studyID) }
