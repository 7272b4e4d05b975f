package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// What a run folder holds after the run's results are stored (runs.outputs).
const (
	OutputsAll     = "all"     // everything EnergyPlus left
	OutputsResults = "results" // what the window shows or links to: eplusout.err, the report, the run copy
	OutputsNone    = "none"    // freed: eplusout.err only
)

// BatchKeepsAll reports whether a batch keeps every output of its runs.
func (s *Store) BatchKeepsAll(batchID int64) (bool, error) {
	var keep bool
	err := s.db.QueryRow(`SELECT keep_all FROM batches WHERE id = ?`, batchID).Scan(&keep)
	if err != nil {
		return false, fmt.Errorf("batch %d: %w", batchID, err)
	}
	return keep, nil
}

// PutRunMeters stores a run's packed hourly meters (eplusout.EncodeMeters).
func (s *Store) PutRunMeters(runID int64, blob []byte) error {
	_, err := s.db.Exec(`INSERT INTO run_meters (run_id, data) VALUES (?, ?) ON CONFLICT(run_id) DO UPDATE SET data = excluded.data`, runID, blob)
	if err != nil {
		return fmt.Errorf("store the hourly meters of run %d: %w", runID, err)
	}
	return nil
}

// RunMeters reads a run's packed hourly meters; ErrNotFound (errors.Is) when none are stored.
func (s *Store) RunMeters(runID int64) ([]byte, error) {
	var blob []byte
	err := s.db.QueryRow(`SELECT data FROM run_meters WHERE run_id = ?`, runID).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("hourly meters of run %d: %w", runID, ErrNotFound)
	}
	return blob, err
}

// SetRunOutputs records what a run's folder holds now (OutputsAll, OutputsResults, OutputsNone).
func (s *Store) SetRunOutputs(runID int64, outputs string) error {
	_, err := s.db.Exec(`UPDATE runs SET outputs = ? WHERE id = ?`, outputs, runID)
	return err
}

// RunFolder is a finished run's folder with what it belongs to, for sizing and freeing space.
type RunFolder struct {
	RunID      int64
	BatchID    int64
	StudyID    int64 // 0 when the batch is no study's
	Dir        string
	FinishedAt string
	Outputs    string
	Status     string
}

// FinishedRunFolders lists the folders of every finished run (a running run's folder is the
// engine's), oldest first.
func (s *Store) FinishedRunFolders() ([]RunFolder, error) {
	rows, err := s.db.Query(`SELECT r.id, COALESCE(r.batch_id, 0), COALESCE((SELECT MIN(st.id) FROM studies st WHERE st.batch_id = r.batch_id), 0),
		r.run_dir, COALESCE(r.ended_at, ''), r.outputs, r.status
		FROM runs r WHERE r.run_dir != '' AND r.cached_from IS NULL AND r.status NOT IN ('queued', 'preparing', 'running', 'collecting') ORDER BY r.id`)
	if err != nil {
		return nil, fmt.Errorf("list run folders: %w", err)
	}
	defer rows.Close()
	var out []RunFolder
	for rows.Next() {
		var f RunFolder
		if err := rows.Scan(&f.RunID, &f.BatchID, &f.StudyID, &f.Dir, &f.FinishedAt, &f.Outputs, &f.Status); err != nil {
			return nil, fmt.Errorf("list run folders: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
