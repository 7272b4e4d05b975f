package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"epsm/epw"
	"epsm/idf"
)

// Model is an imported IDF.
type Model struct {
	ID           int64       `json:"id"`
	Name         string      `json:"name"` // file name as the user had it
	SHA256       string      `json:"sha256"`
	OriginalPath string      `json:"originalPath"`
	StoredPath   string      `json:"storedPath"`
	SizeBytes    int64       `json:"sizeBytes"`
	ImportedAt   string      `json:"importedAt"`
	Summary      idf.Summary `json:"summary"`
	// SourceChangedAt is set when the user's original file changed on disk after import.
	SourceChangedAt string `json:"sourceChangedAt"`
}

// Weather is an imported EPW.
type Weather struct {
	ID           int64      `json:"id"`
	Name         string     `json:"name"`
	SHA256       string     `json:"sha256"`
	OriginalPath string     `json:"originalPath"`
	StoredPath   string     `json:"storedPath"`
	SizeBytes    int64      `json:"sizeBytes"`
	ImportedAt   string     `json:"importedAt"`
	Header       epw.Header `json:"header"`
	// SourceChangedAt is set when the user's original file changed on disk after import.
	SourceChangedAt string `json:"sourceChangedAt"`
}

// MacroFileError says that a model uses EPMacro lines (##include, ##def, ...): EnergyPlus
// reads it only after EPMacro has expanded it, and what it includes is not in the file.
type MacroFileError struct {
	Path   string
	Count  int
	First  idf.MacroLine
	Source []byte // the file's bytes as read
}

func (e *MacroFileError) Error() string {
	return fmt.Sprintf("%s uses EPMacro (%s at line %d): expand it with EPMacro before importing", e.Path, e.First.Text, e.First.Line)
}

// ImportModel parses the IDF at path and keeps a content-addressed copy. Importing the same
// content again returns the stored model with created=false. A file with EPMacro lines gives
// a *MacroFileError: the caller may expand it and import the result with ImportModelText.
func (s *Store) ImportModel(path string) (m Model, created bool, err error) {
	data, err := readFile(path)
	if err != nil {
		return Model{}, false, err
	}
	return s.importModel(path, data, true)
}

// ImportModelText imports data as the model whose original file is path: the expansion of a
// macro file, which is what EnergyPlus runs, while the user keeps their own file and name.
func (s *Store) ImportModelText(path string, data []byte) (m Model, created bool, err error) {
	return s.importModel(path, data, false)
}

func (s *Store) importModel(path string, data []byte, refuseMacros bool) (m Model, created bool, err error) {
	sum := hash(data)
	if m, err := s.modelBy(`sha256 = ?`, sum); err == nil {
		return m, false, nil
	} else if !errors.Is(err, ErrNotFound) {
		return Model{}, false, err
	}
	f, err := idf.Parse(data)
	if err != nil {
		return Model{}, false, fmt.Errorf("%s is not a valid IDF: %w", path, err)
	}
	if len(f.Macros) > 0 {
		if refuseMacros {
			return Model{}, false, &MacroFileError{Path: path, Count: len(f.Macros), First: f.Macros[0], Source: data}
		}
		return Model{}, false, fmt.Errorf("%s still has EPMacro lines after expansion (%s at line %d)", path, f.Macros[0].Text, f.Macros[0].Line)
	}
	summary := idf.Summarize(f)
	if summary.Version == "" {
		return Model{}, false, fmt.Errorf("%s has no Version object (such as \"Version,25.2;\"), which every EnergyPlus model has: is it an EnergyPlus IDF?", path)
	}
	stored, err := s.keepCopy(data, sum, ".idf")
	if err != nil {
		return Model{}, false, err
	}
	js, err := json.Marshal(summary)
	if err != nil {
		return Model{}, false, err
	}
	res, err := s.db.Exec(`INSERT INTO models (sha256, name, original_path, stored_path, size_bytes, summary_json, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, sum, filepath.Base(path), path, stored, len(data), string(js), now())
	if err != nil {
		return Model{}, false, fmt.Errorf("store model %s: %w", path, err)
	}
	id, _ := res.LastInsertId()
	m, err = s.Model(id)
	return m, true, err
}

// ImportWeather parses the EPW at path and keeps a content-addressed copy.
func (s *Store) ImportWeather(path string) (w Weather, created bool, err error) {
	data, err := readFile(path)
	if err != nil {
		return Weather{}, false, err
	}
	sum := hash(data)
	if w, err := s.weatherBy(`sha256 = ?`, sum); err == nil {
		return w, false, nil
	} else if !errors.Is(err, ErrNotFound) {
		return Weather{}, false, err
	}
	h, err := epw.Parse(bytes.NewReader(data))
	if err != nil {
		if fe := (*epw.FormatError)(nil); errors.As(err, &fe) && fe.NotEPW {
			return Weather{}, false, fmt.Errorf("%s is %w", path, err)
		}
		return Weather{}, false, fmt.Errorf("%s is not a valid EPW weather file: %w", path, err)
	}
	stored, err := s.keepCopy(data, sum, ".epw")
	if err != nil {
		return Weather{}, false, err
	}
	js, err := json.Marshal(h)
	if err != nil {
		return Weather{}, false, err
	}
	res, err := s.db.Exec(`INSERT INTO weather (sha256, name, original_path, stored_path, size_bytes, header_json, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, sum, filepath.Base(path), path, stored, len(data), string(js), now())
	if err != nil {
		return Weather{}, false, fmt.Errorf("store weather file %s: %w", path, err)
	}
	id, _ := res.LastInsertId()
	w, err = s.Weather(id)
	return w, true, err
}

// Model returns one model.
func (s *Store) Model(id int64) (Model, error) { return s.modelBy(`id = ?`, id) }

// Weather returns one weather file.
func (s *Store) Weather(id int64) (Weather, error) { return s.weatherBy(`id = ?`, id) }

// Models lists imported models, newest first.
func (s *Store) Models() ([]Model, error) {
	return s.modelsWhere(``)
}

// UserModels lists the models the user imported, newest first: the generated copies of a
// study's variants belong to their study (a study can hold 10,000 of them), not to the list of
// models to pick from.
func (s *Store) UserModels() ([]Model, error) {
	return s.modelsWhere(`WHERE id NOT IN (SELECT model_id FROM variants WHERE NOT baseline)`)
}

func (s *Store) modelsWhere(where string) ([]Model, error) {
	rows, err := s.db.Query(`SELECT id, name, sha256, original_path, stored_path, size_bytes, imported_at, summary_json, COALESCE(source_changed_at, '') FROM models ` + where + ` ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list models: %w", err)
	}
	defer rows.Close()
	var out []Model
	for rows.Next() {
		m, err := scanModel(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// WeatherFiles lists imported weather files, newest first.
func (s *Store) WeatherFiles() ([]Weather, error) {
	rows, err := s.db.Query(`SELECT id, name, sha256, original_path, stored_path, size_bytes, imported_at, header_json, COALESCE(source_changed_at, '') FROM weather ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list weather files: %w", err)
	}
	defer rows.Close()
	var out []Weather
	for rows.Next() {
		w, err := scanWeather(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(...any) error }

func scanModel(r scanner) (Model, error) {
	var m Model
	var js string
	if err := r.Scan(&m.ID, &m.Name, &m.SHA256, &m.OriginalPath, &m.StoredPath, &m.SizeBytes, &m.ImportedAt, &js, &m.SourceChangedAt); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return m, ErrNotFound
		}
		return m, fmt.Errorf("read model: %w", err)
	}
	if err := json.Unmarshal([]byte(js), &m.Summary); err != nil {
		return m, fmt.Errorf("read model %d summary: %w", m.ID, err)
	}
	return m, nil
}

func scanWeather(r scanner) (Weather, error) {
	var w Weather
	var js string
	if err := r.Scan(&w.ID, &w.Name, &w.SHA256, &w.OriginalPath, &w.StoredPath, &w.SizeBytes, &w.ImportedAt, &js, &w.SourceChangedAt); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return w, ErrNotFound
		}
		return w, fmt.Errorf("read weather file: %w", err)
	}
	if err := json.Unmarshal([]byte(js), &w.Header); err != nil {
		return w, fmt.Errorf("read weather %d header: %w", w.ID, err)
	}
	return w, nil
}

func (s *Store) modelBy(where string, arg any) (Model, error) {
	return scanModel(s.db.QueryRow(`SELECT id, name, sha256, original_path, stored_path, size_bytes, imported_at, summary_json, COALESCE(source_changed_at, '') FROM models WHERE `+where, arg))
}

func (s *Store) weatherBy(where string, arg any) (Weather, error) {
	return scanWeather(s.db.QueryRow(`SELECT id, name, sha256, original_path, stored_path, size_bytes, imported_at, header_json, COALESCE(source_changed_at, '') FROM weather WHERE `+where, arg))
}

// readFile reads the whole file once (the bytes we hash are the bytes we keep) and says
// what went wrong in words, not as a system call's error.
func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a file", path)
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(path)
	}
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s is not there (moved, renamed or deleted?)", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s cannot be read: you have no permission to read it", path)
	}
	return nil, fmt.Errorf("read %s: %w", path, err)
}

func hash(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// keepCopy writes data to files/<sha256><ext> atomically (temp file + rename), so a crash
// never leaves a half-written copy under a valid name.
func (s *Store) keepCopy(data []byte, sum, ext string) (string, error) {
	dst := filepath.Join(s.dir, "files", sum+ext)
	if _, err := os.Stat(dst); err == nil {
		return dst, nil
	}
	tmp, err := os.CreateTemp(filepath.Join(s.dir, "files"), ".import-*")
	if err != nil {
		return "", fmt.Errorf("copy into data folder: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("copy into data folder: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("copy into data folder: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("copy into data folder: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o444); err != nil {
		return "", fmt.Errorf("copy into data folder: %w", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return "", fmt.Errorf("copy into data folder: %w", err)
	}
	return dst, nil
}
