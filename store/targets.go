package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// SavedTarget is a compute target saved under a name: where runs go (a Slurm target's URL)
// and the last connection check (its steps as JSON, the cluster package's to read).
type SavedTarget struct {
	Name      string
	URL       string
	Created   time.Time
	CheckedAt time.Time // zero: never checked
	Check     json.RawMessage
}

// ErrTargetNotFound is wrapped when no target has the name asked for.
var ErrTargetNotFound = errors.New("no saved target")

// Targets are the saved targets, by name.
func (s *Store) Targets() ([]SavedTarget, error) {
	rows, err := s.db.Query(`SELECT name, url, created_at, checked_at, check_json FROM targets ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("read the saved targets: %w", err)
	}
	defer rows.Close()
	var out []SavedTarget
	for rows.Next() {
		t, err := scanTarget(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Target reads one saved target; ErrTargetNotFound (errors.Is) when none has that name.
func (s *Store) Target(name string) (SavedTarget, error) {
	t, err := scanTarget(s.db.QueryRow(`SELECT name, url, created_at, checked_at, check_json FROM targets WHERE name = ?`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return SavedTarget{}, fmt.Errorf("%w named %q", ErrTargetNotFound, name)
	}
	return t, err
}

func scanTarget(row interface{ Scan(...any) error }) (SavedTarget, error) {
	var t SavedTarget
	var created, checked, check string
	if err := row.Scan(&t.Name, &t.URL, &created, &checked, &check); err != nil {
		return t, err
	}
	t.Created, _ = time.Parse(time.RFC3339, created)
	if checked != "" {
		t.CheckedAt, _ = time.Parse(time.RFC3339, checked)
	}
	if check != "" {
		t.Check = json.RawMessage(check)
	}
	return t, nil
}

// SaveTarget stores a target under name. When oldName is another saved target's name, that
// one is renamed (edited) in the same transaction; a changed URL forgets the last check.
func (s *Store) SaveTarget(oldName, name, url string, now time.Time) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if oldName != "" && oldName != name {
		if _, err := tx.Exec(`DELETE FROM targets WHERE name = ?`, name); err != nil {
			return err
		}
		res, err := tx.Exec(`UPDATE targets SET name = ? WHERE name = ?`, name, oldName)
		if err != nil {
			return fmt.Errorf("rename the target %q: %w", oldName, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w named %q", ErrTargetNotFound, oldName)
		}
	}
	_, err = tx.Exec(`INSERT INTO targets (name, url, created_at) VALUES (?, ?, ?)
		ON CONFLICT(name) DO UPDATE SET url = excluded.url,
			checked_at = CASE WHEN targets.url = excluded.url THEN targets.checked_at ELSE '' END,
			check_json = CASE WHEN targets.url = excluded.url THEN targets.check_json ELSE '' END`,
		name, url, now.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("save the target %q: %w", name, err)
	}
	return tx.Commit()
}

// SetTargetCheck stores the last connection check of a target, if its URL is still url (it
// may have been edited while the check ran).
func (s *Store) SetTargetCheck(name, url string, at time.Time, check json.RawMessage) error {
	_, err := s.db.Exec(`UPDATE targets SET checked_at = ?, check_json = ? WHERE name = ? AND url = ?`,
		at.UTC().Format(time.RFC3339), string(check), name, url)
	return err
}

// RemoveTarget deletes a saved target. Batches sent to it keep its URL, so they are followed
// and attached to as before.
func (s *Store) RemoveTarget(name string) error {
	res, err := s.db.Exec(`DELETE FROM targets WHERE name = ?`, name)
	if err != nil {
		return fmt.Errorf("remove the target %q: %w", name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w named %q", ErrTargetNotFound, name)
	}
	return nil
}
