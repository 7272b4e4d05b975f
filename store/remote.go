package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
)

// RemoteBatch is a batch sent to a cluster: the target's URL, the submission the cluster
// package made (its JSON, empty while uploading), the run of each task (RunIDs[i] is task
// i), the tasks EPSM asked to cancel, and whether every run has come back.
type RemoteBatch struct {
	BatchID    int64
	Target     string
	Submission json.RawMessage
	RunIDs     []int64
	Cancelled  []int
	Done       bool
}

// AddRemoteBatch records that batchID goes to target, with its runs in task order.
func (s *Store) AddRemoteBatch(batchID int64, target string, runIDs []int64) error {
	ids, _ := json.Marshal(runIDs)
	_, err := s.db.Exec(`INSERT INTO remote_batches (batch_id, target, run_ids) VALUES (?, ?, ?)`, batchID, target, string(ids))
	if err != nil {
		return fmt.Errorf("record the remote batch %d: %w", batchID, err)
	}
	return nil
}

// ResetRemoteBatch makes a remote batch whose runs have all come back go out again with the
// given runs (a re-run of the failed ones): no submission yet, nothing cancelled, not done.
func (s *Store) ResetRemoteBatch(batchID int64, runIDs []int64) error {
	ids, _ := json.Marshal(runIDs)
	return s.exec1(`UPDATE remote_batches SET run_ids = ?, submission = '', cancelled = '[]', done = 0 WHERE batch_id = ?`, string(ids), batchID)
}

// SetRemoteSubmission stores what the cluster accepted.
func (s *Store) SetRemoteSubmission(batchID int64, submission json.RawMessage) error {
	return s.exec1(`UPDATE remote_batches SET submission = ? WHERE batch_id = ?`, string(submission), batchID)
}

// SetRemoteCancelled stores the tasks EPSM asked the cluster to cancel.
func (s *Store) SetRemoteCancelled(batchID int64, tasks []int) error {
	b, _ := json.Marshal(tasks)
	return s.exec1(`UPDATE remote_batches SET cancelled = ? WHERE batch_id = ?`, string(b), batchID)
}

// SetRemoteDone marks a remote batch whose runs have all come back.
func (s *Store) SetRemoteDone(batchID int64) error {
	return s.exec1(`UPDATE remote_batches SET done = 1 WHERE batch_id = ?`, batchID)
}

func (s *Store) exec1(q string, args ...any) error {
	res, err := s.db.Exec(q, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("remote batch %v: %w", args[len(args)-1], sql.ErrNoRows)
	}
	return nil
}

// RemoteBatch reads one remote batch; sql.ErrNoRows (errors.Is) for a local batch.
func (s *Store) RemoteBatch(batchID int64) (RemoteBatch, error) {
	rows, err := s.remoteBatches(`WHERE batch_id = ?`, batchID)
	if err != nil {
		return RemoteBatch{}, err
	}
	if len(rows) == 0 {
		return RemoteBatch{}, fmt.Errorf("batch %d is not on a cluster: %w", batchID, sql.ErrNoRows)
	}
	return rows[0], nil
}

// UnfinishedRemoteBatches are the remote batches whose runs have not all come back.
func (s *Store) UnfinishedRemoteBatches() ([]RemoteBatch, error) {
	return s.remoteBatches(`WHERE done = 0 ORDER BY batch_id`)
}

func (s *Store) remoteBatches(where string, args ...any) ([]RemoteBatch, error) {
	rows, err := s.db.Query(`SELECT batch_id, target, submission, run_ids, cancelled, done FROM remote_batches `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RemoteBatch
	for rows.Next() {
		var rb RemoteBatch
		var sub, ids, cancelled string
		if err := rows.Scan(&rb.BatchID, &rb.Target, &sub, &ids, &cancelled, &rb.Done); err != nil {
			return nil, err
		}
		if sub != "" {
			rb.Submission = json.RawMessage(sub)
		}
		if err := errors.Join(json.Unmarshal([]byte(ids), &rb.RunIDs), json.Unmarshal([]byte(cancelled), &rb.Cancelled)); err != nil {
			return nil, fmt.Errorf("remote batch %d: %w", rb.BatchID, err)
		}
		out = append(out, rb)
	}
	return out, rows.Err()
}
