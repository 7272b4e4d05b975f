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
	// 3: the renovation library (package library). A NULL number is a blank value, i.e.
	// missing, never zero; every number has its source column. origin tells shipped data
	// from the user's own and imported items.
	`CREATE TABLE materials (
		id                       TEXT PRIMARY KEY,
		name                     TEXT NOT NULL,
		category                 TEXT NOT NULL DEFAULT '',
		kind                     TEXT NOT NULL CHECK (kind IN ('Material', 'Material:AirGap', 'Material:NoMass')),
		thickness_m              REAL,
		conductivity_w_mk        REAL,
		density_kg_m3            REAL,
		specific_heat_j_kgk      REAL,
		thermal_resistance_m2k_w REAL,
		roughness                TEXT NOT NULL DEFAULT '',
		thermal_absorptance      REAL,
		solar_absorptance        REAL,
		visible_absorptance      REAL,
		thermal_source           TEXT NOT NULL DEFAULT '',
		gwp_per_kg               REAL,
		gwp_per_m2               REAL,
		gwp_metric               TEXT NOT NULL DEFAULT '',
		gwp_source               TEXT NOT NULL DEFAULT '',
		cost_per_m2_per_100mm    REAL,
		cost_per_m2              REAL,
		cost_range               TEXT NOT NULL DEFAULT '',
		cost_basis               TEXT NOT NULL DEFAULT '',
		currency                 TEXT NOT NULL DEFAULT '',
		cost_source              TEXT NOT NULL DEFAULT '',
		notes                    TEXT NOT NULL DEFAULT '',
		origin                   TEXT NOT NULL CHECK (origin IN ('default', 'user', 'imported')),
		updated_at               TEXT NOT NULL
	);
	CREATE TABLE window_systems (
		id                    TEXT PRIMARY KEY,
		name                  TEXT NOT NULL,
		u_factor_w_m2k        REAL,
		shgc                  REAL,
		visible_transmittance REAL,
		u_basis               TEXT NOT NULL DEFAULT '',
		source                TEXT NOT NULL DEFAULT '',
		gwp_per_m2            REAL,
		gwp_basis             TEXT NOT NULL DEFAULT '',
		gwp_source            TEXT NOT NULL DEFAULT '',
		cost_per_m2           REAL,
		currency              TEXT NOT NULL DEFAULT '',
		cost_source           TEXT NOT NULL DEFAULT '',
		notes                 TEXT NOT NULL DEFAULT '',
		origin                TEXT NOT NULL CHECK (origin IN ('default', 'user', 'imported')),
		updated_at            TEXT NOT NULL
	);
	CREATE TABLE constructions (
		id               TEXT PRIMARY KEY,
		name             TEXT NOT NULL,
		element          TEXT NOT NULL CHECK (element IN ('wall', 'roof', 'floor', 'window')),
		window_system_id TEXT REFERENCES window_systems(id),
		notes            TEXT NOT NULL DEFAULT '',
		origin           TEXT NOT NULL CHECK (origin IN ('default', 'user', 'imported')),
		updated_at       TEXT NOT NULL
	);
	CREATE INDEX constructions_window_system ON constructions(window_system_id);
	CREATE TABLE construction_layers (
		construction_id TEXT NOT NULL REFERENCES constructions(id) ON DELETE CASCADE,
		position        INTEGER NOT NULL, -- 0 is the outside layer
		material_id     TEXT NOT NULL REFERENCES materials(id),
		thickness_m     REAL NOT NULL,
		PRIMARY KEY (construction_id, position)
	);
	CREATE INDEX construction_layers_material ON construction_layers(material_id);`,
	// 4: renovation studies: a study's spec, its variants (each an imported model) and the run
	// of each variant with each weather file.
	`CREATE TABLE studies (
		id            INTEGER PRIMARY KEY,
		name          TEXT NOT NULL,
		spec_json     TEXT NOT NULL,
		base_model_id INTEGER NOT NULL REFERENCES models(id),
		batch_id      INTEGER REFERENCES batches(id),
		created_at    TEXT NOT NULL
	);
	CREATE TABLE variants (
		id           INTEGER PRIMARY KEY,
		study_id     INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
		variant_key  TEXT NOT NULL,
		name         TEXT NOT NULL,
		choices_json TEXT NOT NULL,
		baseline     INTEGER NOT NULL,
		model_id     INTEGER NOT NULL REFERENCES models(id),
		figures_json TEXT NOT NULL,
		UNIQUE (study_id, variant_key)
	);
	CREATE TABLE variant_runs (
		variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
		weather_id INTEGER NOT NULL REFERENCES weather(id),
		run_id     INTEGER NOT NULL REFERENCES runs(id),
		PRIMARY KEY (variant_id, weather_id)
	);
	ALTER TABLE runs ADD COLUMN design_days_only INTEGER NOT NULL DEFAULT 0;`,
	// 5: layers a renovation keeps (the existing wall behind new insulation): in the U-value,
	// not in the embodied carbon or the cost.
	`ALTER TABLE construction_layers ADD COLUMN existing INTEGER NOT NULL DEFAULT 0;`,
	// 6: why a run failed as a code (sim.FailureKind) and its first severe error, by which a
	// batch's failures are grouped; the engine process of a running run (its pid and start
	// identity), so the next start can stop a survivor before the run is queued again.
	`ALTER TABLE runs ADD COLUMN failure_kind TEXT NOT NULL DEFAULT '';
	ALTER TABLE runs ADD COLUMN first_severe TEXT NOT NULL DEFAULT '';
	ALTER TABLE runs ADD COLUMN engine_pid INTEGER;
	ALTER TABLE runs ADD COLUMN engine_start TEXT NOT NULL DEFAULT '';`,
	// 7: batches sent to a Slurm cluster: the target, the submission (its folder there, job
	// arrays and tasks, as JSON: the cluster package's to read), the tasks EPSM asked to
	// cancel, and whether every run is back; so the app can follow them after a restart.
	`CREATE TABLE remote_batches (
		batch_id INTEGER PRIMARY KEY REFERENCES batches(id) ON DELETE CASCADE,
		target TEXT NOT NULL,
		submission TEXT NOT NULL DEFAULT '',
		run_ids TEXT NOT NULL DEFAULT '[]',
		cancelled TEXT NOT NULL DEFAULT '[]',
		done INTEGER NOT NULL DEFAULT 0
	);`,
	// 8: saved compute targets (Settings > Compute): a name and the target's URL, which holds
	// no secret (keys stay in the SSH agent or key files), and the last connection check.
	`CREATE TABLE targets (
		name TEXT PRIMARY KEY,
		url TEXT NOT NULL,
		created_at TEXT NOT NULL,
		checked_at TEXT NOT NULL DEFAULT '',
		check_json TEXT NOT NULL DEFAULT ''
	);`,
	// 9: a run's outputs after its results are stored: "all" (as EnergyPlus left them),
	// "results" (only what the window shows or links to: eplusout.err, the HTML report, the run
	// copy) or "none" (freed: only eplusout.err); whether a batch keeps all outputs; and the
	// hourly meters (eplusout.EncodeMeters), which outlive eplusout.sql.
	`ALTER TABLE runs ADD COLUMN outputs TEXT NOT NULL DEFAULT 'all';
	ALTER TABLE batches ADD COLUMN keep_all INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE run_meters (
		run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
		data BLOB NOT NULL
	);`,
	// 10: the raw inputs of the Swedish figures (package bbr): peak heating power, hourly and
	// daily, and each zone's hours by operative temperature (JSON); and a model's own settings
	// for them (Atemp, building type, end-use mapping: JSON of bbr.ModelSettings).
	`ALTER TABLE results ADD COLUMN peak_heating_w REAL;
	ALTER TABLE results ADD COLUMN peak_heating_daily_w REAL;
	ALTER TABLE results ADD COLUMN zones_json TEXT NOT NULL DEFAULT '';
	CREATE TABLE model_settings (
		model_id INTEGER PRIMARY KEY REFERENCES models(id) ON DELETE CASCADE,
		settings_json TEXT NOT NULL
	);`,
	// 11: studies whose variants a method chooses (NSGA-II, Morris): the method's state as
	// JSON (the study service's), saved after each generation so it continues after a
	// restart; and the generation (1, 2, ...) that first asked for a variant (0: made with the
	// study).
	`ALTER TABLE studies ADD COLUMN method_json TEXT NOT NULL DEFAULT '';
	ALTER TABLE variants ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;`,
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
