package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// Notifier shows a desktop notification; the desktop adapter implements it.
type Notifier interface {
	Notify(title, body string) error
}

// fileOpener is a Dialogs that can limit the open dialog to one kind of file.
type fileOpener interface {
	OpenFileOfType(title, display, pattern string) (string, error)
}

// saver is a Dialogs that can offer a file type in the save dialog.
type saver interface {
	SaveFileOfType(title, defaultName, display, pattern string) (string, error)
}

// withExt appends ext when the user typed a name without it (GTK's dialog adds none).
func withExt(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}

func (a *App) askSavePath(title, defaultName, display, ext string) (string, error) {
	d := a.dialogsOrNil()
	if d == nil {
		return "", errNoDialogs
	}
	var path string
	var err error
	if s, ok := d.(saver); ok {
		path, err = s.SaveFileOfType(title, defaultName, display, "*"+ext)
	} else {
		path, err = d.SaveFile(title, defaultName)
	}
	if err != nil {
		return "", fmt.Errorf("save dialog: %w", err)
	}
	if path == "" {
		return "", nil
	}
	return withExt(path, ext), nil
}

func exportName(name string) string {
	n := strings.TrimSpace(unsafeName.ReplaceAllString(name, "_"))
	if n == "" {
		return "study"
	}
	return n
}

// ExportStudyResults asks where to save a study's variant table and writes it as CSV or XLSX
// (format "csv" or "xlsx"); it returns the path written, "" when the user cancelled.
func (a *App) ExportStudyResults(studyID int64, format string) (string, error) {
	c, err := a.c()
	if err != nil {
		return "", err
	}
	if format != FormatCSV && format != FormatXLSX {
		return "", fmt.Errorf("export format %q: use csv or xlsx", format)
	}
	st, _, err := c.store.Study(studyID)
	if err != nil {
		return "", err
	}
	display := map[string]string{FormatCSV: "CSV (*.csv)", FormatXLSX: "Excel workbook (*.xlsx)"}[format]
	path, err := a.askSavePath("Export the results of "+st.Name, exportName(st.Name)+"."+format, display, "."+format)
	if err != nil || path == "" {
		return "", err
	}
	return path, c.ExportStudyResults(studyID, path, format)
}

// ExportStudyBundle asks where to save a study as one .epsmstudy file another user can import.
func (a *App) ExportStudyBundle(studyID int64) (string, error) {
	c, err := a.c()
	if err != nil {
		return "", err
	}
	st, _, err := c.store.Study(studyID)
	if err != nil {
		return "", err
	}
	path, err := a.askSavePath("Export the study "+st.Name, exportName(st.Name)+StudyBundleExt, "EPSM study (*"+StudyBundleExt+")", StudyBundleExt)
	if err != nil || path == "" {
		return "", err
	}
	return path, c.ExportStudyBundle(studyID, path)
}

// ChooseAndImportStudy asks for a .epsmstudy file and imports it (an empty report when cancelled).
func (a *App) ChooseAndImportStudy() (StudyImportReport, error) {
	if _, err := a.c(); err != nil {
		return StudyImportReport{}, err
	}
	d := a.dialogsOrNil()
	if d == nil {
		return StudyImportReport{}, errNoDialogs
	}
	var path string
	var err error
	if o, ok := d.(fileOpener); ok {
		path, err = o.OpenFileOfType("Import a study", "EPSM study (*"+StudyBundleExt+")", "*"+StudyBundleExt)
	} else {
		path, err = d.OpenFile("Import a study")
	}
	if err != nil {
		return StudyImportReport{}, fmt.Errorf("file dialog: %w", err)
	}
	if path == "" {
		return StudyImportReport{}, nil
	}
	return a.ImportStudyFile(path)
}

// ImportStudyFile imports a .epsmstudy file by absolute path (a drop, or a test driving the UI).
func (a *App) ImportStudyFile(path string) (StudyImportReport, error) {
	c, err := a.c()
	if err != nil {
		return StudyImportReport{}, err
	}
	if !filepath.IsAbs(path) {
		return StudyImportReport{}, fmt.Errorf("%q is not an absolute path: pick the study file in the dialog", path)
	}
	return c.ImportStudyBundle(filepath.Clean(path))
}

// About returns the app, engine and library versions for Help → About.
func (a *App) About() (About, error) {
	c, err := a.c()
	if err != nil {
		return About{App: AppName, Version: Version}, err
	}
	return c.About(), nil
}

// DataFolder says where EPSM keeps its data and how much room it takes.
type DataFolder struct {
	Path      string `json:"path"`
	SizeBytes int64  `json:"sizeBytes"`
	Files     int    `json:"files"`
	Runs      int    `json:"runs"` // run folders
	Error     string `json:"error,omitempty"`
}

// DataFolder measures the data folder (the database, the imported copies and the run folders).
func (a *App) DataFolder() (DataFolder, error) {
	c, err := a.c()
	if err != nil {
		return DataFolder{}, err
	}
	return measureFolder(c.store.Dir()), nil
}

func measureFolder(dir string) DataFolder {
	out := DataFolder{Path: dir}
	runs := filepath.Join(dir, "runs")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a file removed while we walk: count the rest
		}
		if d.IsDir() {
			if filepath.Dir(p) == runs {
				out.Runs++
			}
			return nil
		}
		if info, err := d.Info(); err == nil {
			out.SizeBytes += info.Size()
			out.Files++
		}
		return nil
	})
	if err != nil {
		out.Error = fmt.Sprintf("could not measure %s: %v", dir, err)
	}
	return out
}

// Notify shows a desktop notification (a batch finished while the window was in the
// background). The UI calls it when the page's own Notification API is not granted.
func (a *App) Notify(title, body string) error {
	d := a.dialogsOrNil()
	if n, ok := d.(Notifier); ok {
		return n.Notify(title, body)
	}
	return errors.New("desktop notifications are not available")
}

// notifyDesktop is the desktop adapter's Notify: a D-Bus call on Linux.
func notifyDesktop(title, body string) error {
	return desktopNotify(context.Background(), title, body)
}
