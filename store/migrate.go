package store

import "fmt"

// migrations are applied in order; PRAGMA user_version records how many ran. Never edit one
// that has shipped: append a new one.
var migrations = []string{
	`CREATE TABLE models (
		id            INTEGER PRIMARY KEY,
		sha256        TEXT NOT NULL UNIQUE,
		name          TEXT NOT NULL,
		original_path TEXT NOT NULL,
		stored_path   TEXT NOT NULL,
		size_bytes    INTEGER NOT NULL,
		summary_json  TEXT NOT NULL,
		imported_at   TEXT NOT NULL
	);
	CREATE TABLE weather (
		id            INTEGER PRIMARY KEY,
		sha256        TEXT NOT NULL UNIQUE,
		name          TEXT NOT NULL,
		original_path TEXT NOT NULL,
		stored_path   TEXT NOT NULL,
		size_bytes    INTEGER NOT NULL,
		header_json   TEXT NOT NULL,
		imported_at   TEXT NOT NULL
	);
	CREATE TABLE runs (
		id             INTEGER PRIMARY KEY,
		model_id       INTEGER NOT NULL REFERENCES models(id),
		weather_id     INTEGER NOT NULL REFERENCES weather(id),
		force_annual   INTEGER NOT NULL DEFAULT 0,
		engine_path    TEXT NOT NULL DEFAULT '',
		engine_version TEXT NOT NULL DEFAULT '',
		status         TEXT NOT NULL,
		progress_json  TEXT NOT NULL DEFAULT '{}',
		message        TEXT NOT NULL DEFAULT '',
		last_severe    TEXT NOT NULL DEFAULT '',
		warnings       INTEGER NOT NULL DEFAULT 0,
		severe         INTEGER NOT NULL DEFAULT 0,
		exit_code      INTEGER,
		signal         TEXT NOT NULL DEFAULT '',
		run_dir        TEXT NOT NULL DEFAULT '',
		created_at     TEXT NOT NULL,
		started_at     TEXT,
		ended_at       TEXT,
		elapsed_ms     INTEGER
	);
	CREATE INDEX runs_status ON runs(status);
	CREATE TABLE results (
		run_id              INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
		total_site_kwh      REAL NOT NULL,
		net_site_kwh        REAL NOT NULL,
		total_source_kwh    REAL NOT NULL,
		total_area_m2       REAL NOT NULL,
		conditioned_area_m2 REAL NOT NULL,
		eui_kwh_m2          REAL NOT NULL,
		unmet_heating_h     REAL NOT NULL,
		unmet_cooling_h     REAL NOT NULL
	);
	CREATE TABLE end_uses (
		run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
		end_use TEXT NOT NULL,
		fuel    TEXT NOT NULL,
		kwh     REAL NOT NULL,
		PRIMARY KEY (run_id, end_use, fuel)
	);
	CREATE TABLE settings (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);`,
	// 2: batches (the runs one request queued), the run cache, engine-version warnings, and
	// the marker for a model whose original file changed on disk after import.
	`CREATE TABLE batches (
		id         INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		created_at TEXT NOT NULL
	);
	ALTER TABLE runs ADD COLUMN batch_id INTEGER REFERENCES batches(id);
	ALTER TABLE runs ADD COLUMN cache_key TEXT NOT NULL DEFAULT '';
	ALTER TABLE runs ADD COLUMN cached_from INTEGER REFERENCES runs(id);
	ALTER TABLE runs ADD COLUMN version_warning TEXT NOT NULL DEFAULT '';
	CREATE INDEX runs_cache_key ON runs(cache_key);
	CREATE INDEX runs_batch ON runs(batch_id);
	ALTER TABLE models ADD COLUMN source_changed_at TEXT;
	ALTER TABLE weather ADD COLUMN source_changed_at TEXT;`,
}

func (s *Store) migrate() error {
	var version int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("the database has schema version %d but this EPSM knows only %d: use a newer EPSM", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		tx, err := s.db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}
