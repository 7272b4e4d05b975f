package store

import (
	"database/sql"
	"errors"
	"fmt"

	"epsm/sim"
)

// Study is a stored renovation study. Spec and figures are JSON owned by the study package
// and the app; the store keeps them as they come.
type Study struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	SpecJSON    string `json:"specJson"`
	BaseModelID int64  `json:"baseModelId"`
	BatchID     int64  `json:"batchId"`
	// BatchIDs are every batch that holds runs of the study's variants, in order: the first
	// batch, then one per method generation (filled by Studies, for the list's progress).
	BatchIDs  []int64 `json:"batchIds,omitempty"`
	CreatedAt string  `json:"createdAt"`
	// MethodJSON is the state of the method choosing the study's variants ("" for a sampled
	// study), owned by the study service.
	MethodJSON string `json:"methodJson,omitempty"`
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
	Runs        map[int64]int64 `json:"runs"`       // weather id -> run id
	Generation  int             `json:"generation"` // the method's generation that first asked for it; 0 with the study
}

// CreateStudy stores a study with its variants in one transaction.
func (s *Store) CreateStudy(st Study, variants []StudyVariant) (Study, []StudyVariant, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return st, nil, fmt.Errorf("store study: %w", err)
	}
	defer tx.Rollback()
	st.CreatedAt = now()
	res, err := tx.Exec(`INSERT INTO studies (name, spec_json, base_model_id, batch_id, created_at, method_json) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?)`,
		st.Name, st.SpecJSON, st.BaseModelID, st.BatchID, st.CreatedAt, st.MethodJSON)
	if err != nil {
		return st, nil, fmt.Errorf("store study %q: %w", st.Name, err)
	}
	st.ID, _ = res.LastInsertId()
	if err := insertVariants(tx, st.ID, variants); err != nil {
		return st, nil, err
	}
	if err := tx.Commit(); err != nil {
		return st, nil, fmt.Errorf("store study %q: %w", st.Name, err)
	}
	return st, variants, nil
}

func insertVariants(tx *sql.Tx, studyID int64, variants []StudyVariant) error {
	for i := range variants {
		v := &variants[i]
		v.StudyID = studyID
		res, err := tx.Exec(`INSERT INTO variants (study_id, variant_key, name, choices_json, baseline, model_id, figures_json, generation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, studyID, v.Key, v.Name, v.ChoicesJSON, v.Baseline, v.ModelID, v.FiguresJSON, v.Generation)
		if err != nil {
			return fmt.Errorf("store variant %q: %w", v.Name, err)
		}
		v.ID, _ = res.LastInsertId()
		for weatherID, runID := range v.Runs {
			if _, err := tx.Exec(`INSERT INTO variant_runs (variant_id, weather_id, run_id) VALUES (?, ?, ?)`, v.ID, weatherID, runID); err != nil {
				return fmt.Errorf("store run of variant %q: %w", v.Name, err)
			}
		}
	}
	return nil
}

// AddStudyVariants adds variants a study's method asked for, and saves the method's state
// with them in one transaction: after a crash the state never names variants that are not
// stored, nor the other way round.
func (s *Store) AddStudyVariants(studyID int64, variants []StudyVariant, methodJSON string) ([]StudyVariant, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return nil, fmt.Errorf("store variants of study %d: %w", studyID, err)
	}
	defer tx.Rollback()
	if err := insertVariants(tx, studyID, variants); err != nil {
		return nil, err
	}
	if _, err := tx.Exec(`UPDATE studies SET method_json = ? WHERE id = ?`, methodJSON, studyID); err != nil {
		return nil, fmt.Errorf("store the method of study %d: %w", studyID, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store variants of study %d: %w", studyID, err)
	}
	return variants, nil
}

// SetStudyMethod saves the state of a study's method.
func (s *Store) SetStudyMethod(studyID int64, methodJSON string) error {
	res, err := s.db.Exec(`UPDATE studies SET method_json = ? WHERE id = ?`, methodJSON, studyID)
	if err != nil {
		return fmt.Errorf("store the method of study %d: %w", studyID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("study %d: %w", studyID, ErrNotFound)
	}
	return nil
}

// Studies lists studies, newest first, each with every batch its variants' runs are in: a
// method study queues one batch per generation, and the list shows the progress of them all.
func (s *Store) Studies() ([]Study, error) {
	rows, err := s.db.Query(`SELECT id, name, spec_json, base_model_id, COALESCE(batch_id, 0), created_at, method_json FROM studies ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list studies: %w", err)
	}
	defer rows.Close()
	var out []Study
	index := map[int64]int{}
	for rows.Next() {
		var st Study
		if err := rows.Scan(&st.ID, &st.Name, &st.SpecJSON, &st.BaseModelID, &st.BatchID, &st.CreatedAt, &st.MethodJSON); err != nil {
			return nil, fmt.Errorf("list studies: %w", err)
		}
		index[st.ID] = len(out)
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list studies: %w", err)
	}
	batches, err := s.db.Query(`SELECT DISTINCT v.study_id, r.batch_id FROM variant_runs vr
		JOIN variants v ON v.id = vr.variant_id JOIN runs r ON r.id = vr.run_id
		WHERE r.batch_id IS NOT NULL ORDER BY v.study_id, r.batch_id`)
	if err != nil {
		return nil, fmt.Errorf("list the batches of studies: %w", err)
	}
	defer batches.Close()
	for batches.Next() {
		var studyID, batchID int64
		if err := batches.Scan(&studyID, &batchID); err != nil {
			return nil, fmt.Errorf("list the batches of studies: %w", err)
		}
		if i, ok := index[studyID]; ok {
			out[i].BatchIDs = append(out[i].BatchIDs, batchID)
		}
	}
	return out, batches.Err()
}

// Study returns one study with its variants in the order they were made (baseline first).
func (s *Store) Study(id int64) (Study, []StudyVariant, error) {
	var st Study
	err := s.db.QueryRow(`SELECT id, name, spec_json, base_model_id, COALESCE(batch_id, 0), created_at, method_json FROM studies WHERE id = ?`, id).
		Scan(&st.ID, &st.Name, &st.SpecJSON, &st.BaseModelID, &st.BatchID, &st.CreatedAt, &st.MethodJSON)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil, fmt.Errorf("study %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return st, nil, fmt.Errorf("read study %d: %w", id, err)
	}
	rows, err := s.db.Query(`SELECT id, variant_key, name, choices_json, baseline, model_id, figures_json, generation FROM variants WHERE study_id = ? ORDER BY id`, id)
	if err != nil {
		return st, nil, fmt.Errorf("read variants of study %d: %w", id, err)
	}
	defer rows.Close()
	var vs []StudyVariant
	for rows.Next() {
		v := StudyVariant{StudyID: id, Runs: map[int64]int64{}}
		if err := rows.Scan(&v.ID, &v.Key, &v.Name, &v.ChoicesJSON, &v.Baseline, &v.ModelID, &v.FiguresJSON, &v.Generation); err != nil {
			return st, nil, fmt.Errorf("read variants of study %d: %w", id, err)
		}
		vs = append(vs, v)
	}
	if err := rows.Err(); err != nil {
		return st, nil, err
	}
	// One query for every variant's runs: a study can hold 10,000 variants.
	index := make(map[int64]int, len(vs))
	for i := range vs {
		index[vs[i].ID] = i
	}
	rr, err := s.db.Query(`SELECT vr.variant_id, vr.weather_id, vr.run_id FROM variant_runs vr JOIN variants v ON v.id = vr.variant_id
		WHERE v.study_id = ?`, id)
	if err != nil {
		return st, nil, fmt.Errorf("read runs of study %d: %w", id, err)
	}
	defer rr.Close()
	for rr.Next() {
		var v, w, r int64
		if err := rr.Scan(&v, &w, &r); err != nil {
			return st, nil, fmt.Errorf("read runs of study %d: %w", id, err)
		}
		if i, ok := index[v]; ok {
			vs[i].Runs[w] = r
		}
	}
	if err := rr.Err(); err != nil {
		return st, nil, fmt.Errorf("read runs of study %d: %w", id, err)
	}
	return st, vs, nil
}

// StudyVariant returns one variant, without its runs, and the study it belongs to (without
// its variants): what a variant's own view needs, in one query whatever the study's size.
func (s *Store) StudyVariant(id int64) (Study, StudyVariant, error) {
	var st Study
	v := StudyVariant{ID: id, Runs: map[int64]int64{}}
	err := s.db.QueryRow(`SELECT s.id, s.name, s.spec_json, s.base_model_id, COALESCE(s.batch_id, 0), s.created_at,
		v.variant_key, v.name, v.choices_json, v.baseline, v.model_id, v.figures_json
		FROM variants v JOIN studies s ON s.id = v.study_id WHERE v.id = ?`, id).
		Scan(&st.ID, &st.Name, &st.SpecJSON, &st.BaseModelID, &st.BatchID, &st.CreatedAt,
			&v.Key, &v.Name, &v.ChoicesJSON, &v.Baseline, &v.ModelID, &v.FiguresJSON)
	if errors.Is(err, sql.ErrNoRows) {
		return st, v, fmt.Errorf("study variant %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return st, v, fmt.Errorf("read study variant %d: %w", id, err)
	}
	v.StudyID = st.ID
	return st, v, nil
}

// StudyRuns returns the runs of a study's variants and their results (a cached run's are its
// original's), in three queries whatever the study's size.
func (s *Store) StudyRuns(studyID int64) (map[int64]Run, map[int64]*sim.Results, error) {
	const ofStudy = `r.id IN (SELECT vr.run_id FROM variant_runs vr JOIN variants v ON v.id = vr.variant_id WHERE v.study_id = ?)`
	list, err := s.runsWhere(`WHERE `+ofStudy, studyID)
	if err != nil {
		return nil, nil, fmt.Errorf("runs of study %d: %w", studyID, err)
	}
	runs := make(map[int64]Run, len(list))
	for _, r := range list {
		runs[r.ID] = r
	}
	results := map[int64]*sim.Results{}
	rows, err := s.db.Query(`SELECT r.id, x.total_site_kwh, x.net_site_kwh, x.total_source_kwh, x.total_area_m2, x.conditioned_area_m2,
		x.eui_kwh_m2, x.unmet_heating_h, x.unmet_cooling_h, x.peak_heating_w, x.peak_heating_daily_w, x.zones_json
		FROM runs r JOIN results x ON x.run_id = COALESCE(r.cached_from, r.id)
		WHERE `+ofStudy, studyID)
	if err != nil {
		return nil, nil, fmt.Errorf("results of study %d: %w", studyID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var x sim.Results
		var peak, peakDaily sql.NullFloat64
		var zones string
		if err := rows.Scan(&id, &x.TotalSiteKWh, &x.NetSiteKWh, &x.TotalSourceKWh, &x.TotalAreaM2, &x.ConditionedAreaM2,
			&x.EUIKWhPerM2, &x.UnmetHeatingHours, &x.UnmetCoolingHours, &peak, &peakDaily, &zones); err != nil {
			return nil, nil, fmt.Errorf("results of study %d: %w", studyID, err)
		}
		x.PeakHeatingW, x.PeakHeatingDailyW = nullFloat(peak), nullFloat(peakDaily)
		if x.Zones, err = decodeZones(zones); err != nil {
			return nil, nil, fmt.Errorf("results of study %d, run %d: %w", studyID, id, err)
		}
		results[id] = &x
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("results of study %d: %w", studyID, err)
	}
	eu, err := s.db.Query(`SELECT r.id, e.end_use, e.fuel, e.kwh FROM runs r JOIN end_uses e ON e.run_id = COALESCE(r.cached_from, r.id)
		WHERE `+ofStudy+` ORDER BY r.id, e.fuel, e.end_use`, studyID)
	if err != nil {
		return nil, nil, fmt.Errorf("end uses of study %d: %w", studyID, err)
	}
	defer eu.Close()
	for eu.Next() {
		var id int64
		var e sim.EndUse
		if err := eu.Scan(&id, &e.EndUse, &e.Fuel, &e.KWh); err != nil {
			return nil, nil, fmt.Errorf("end uses of study %d: %w", studyID, err)
		}
		if x := results[id]; x != nil {
			x.EndUses = append(x.EndUses, e)
		}
	}
	return runs, results, eu.Err()
}
