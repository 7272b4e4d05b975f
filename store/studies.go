package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// Study is a stored renovation study. Spec and figures are JSON owned by the study package
// and the app; the store keeps them as they come.
type Study struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	SpecJSON    string `json:"specJson"`
	BaseModelID int64  `json:"baseModelId"`
	BatchID     int64  `json:"batchId"`
	CreatedAt   string `json:"createdAt"`
}

// StudyVariant is one variant of a study and its runs per weather file.
type StudyVariant struct {
	ID          int64           `json:"id"`
	StudyID     int64           `json:"studyId"`
	Key         string          `json:"key"`
	Name        string          `json:"name"`
	ChoicesJSON string          `json:"choicesJson"`
	Baseline    bool            `json:"baseline"`
	ModelID     int64           `json:"modelId"`
	FiguresJSON string          `json:"figuresJson"`
	Runs        map[int64]int64 `json:"runs"` // weather id -> run id
}

// CreateStudy stores a study with its variants in one transaction.
func (s *Store) CreateStudy(st Study, variants []StudyVariant) (Study, []StudyVariant, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return st, nil, fmt.Errorf("store study: %w", err)
	}
	defer tx.Rollback()
	st.CreatedAt = now()
	res, err := tx.Exec(`INSERT INTO studies (name, spec_json, base_model_id, batch_id, created_at) VALUES (?, ?, ?, NULLIF(?, 0), ?)`,
		st.Name, st.SpecJSON, st.BaseModelID, st.BatchID, st.CreatedAt)
	if err != nil {
		return st, nil, fmt.Errorf("store study %q: %w", st.Name, err)
	}
	st.ID, _ = res.LastInsertId()
	for i := range variants {
		v := &variants[i]
		v.StudyID = st.ID
		res, err := tx.Exec(`INSERT INTO variants (study_id, variant_key, name, choices_json, baseline, model_id, figures_json)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, st.ID, v.Key, v.Name, v.ChoicesJSON, v.Baseline, v.ModelID, v.FiguresJSON)
		if err != nil {
			return st, nil, fmt.Errorf("store variant %q: %w", v.Name, err)
		}
		v.ID, _ = res.LastInsertId()
		for weatherID, runID := range v.Runs {
			if _, err := tx.Exec(`INSERT INTO variant_runs (variant_id, weather_id, run_id) VALUES (?, ?, ?)`, v.ID, weatherID, runID); err != nil {
				return st, nil, fmt.Errorf("store run of variant %q: %w", v.Name, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return st, nil, fmt.Errorf("store study %q: %w", st.Name, err)
	}
	return st, variants, nil
}

// Studies lists studies, newest first.
func (s *Store) Studies() ([]Study, error) {
	rows, err := s.db.Query(`SELECT id, name, spec_json, base_model_id, COALESCE(batch_id, 0), created_at FROM studies ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list studies: %w", err)
	}
	defer rows.Close()
	var out []Study
	for rows.Next() {
		var st Study
		if err := rows.Scan(&st.ID, &st.Name, &st.SpecJSON, &st.BaseModelID, &st.BatchID, &st.CreatedAt); err != nil {
			return nil, fmt.Errorf("list studies: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Study returns one study with its variants in the order they were made (baseline first).
func (s *Store) Study(id int64) (Study, []StudyVariant, error) {
	var st Study
	err := s.db.QueryRow(`SELECT id, name, spec_json, base_model_id, COALESCE(batch_id, 0), created_at FROM studies WHERE id = ?`, id).
		Scan(&st.ID, &st.Name, &st.SpecJSON, &st.BaseModelID, &st.BatchID, &st.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil, fmt.Errorf("study %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return st, nil, fmt.Errorf("read study %d: %w", id, err)
	}
	rows, err := s.db.Query(`SELECT id, variant_key, name, choices_json, baseline, model_id, figures_json FROM variants WHERE study_id = ? ORDER BY id`, id)
	if err != nil {
		return st, nil, fmt.Errorf("read variants of study %d: %w", id, err)
	}
	defer rows.Close()
	var vs []StudyVariant
	for rows.Next() {
		v := StudyVariant{StudyID: id, Runs: map[int64]int64{}}
		if err := rows.Scan(&v.ID, &v.Key, &v.Name, &v.ChoicesJSON, &v.Baseline, &v.ModelID, &v.FiguresJSON); err != nil {
			return st, nil, fmt.Errorf("read variants of study %d: %w", id, err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return st, nil, err
	}
	for i := range vs {
		rr, err := s.db.Query(`SELECT weather_id, run_id FROM variant_runs WHERE variant_id = ?`, vs[i].ID)
		if err != nil {
			return st, nil, fmt.Errorf("read runs of variant %d: %w", vs[i].ID, err)
		}
		for rr.Next() {
			var w, r int64
			if err := rr.Scan(&w, &r); err != nil {
				rr.Close()
				return st, nil, err
			}
			vs[i].Runs[w] = r
		}
		rr.Close()
	}
	return st, vs, nil
}
