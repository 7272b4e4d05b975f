package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"epsm/bbr"
	"epsm/sim"
)

// Run is one simulation of a model with a weather file, as stored.
type Run struct {
	ID             int64  `json:"id"`
	ModelID        int64  `json:"modelId"`
	WeatherID      int64  `json:"weatherId"`
	ModelName      string `json:"modelName"`
	WeatherName    string `json:"weatherName"`
	ForceAnnual    bool   `json:"forceAnnual"`
	DesignDaysOnly bool   `json:"designDaysOnly"`
	EnginePath     string `json:"enginePath"`
	EngineVersion  string `json:"engineVersion"`
	// ModelVersion is the Version the model declares ("9.4"), beside the engine's.
	ModelVersion string       `json:"modelVersion"`
	Status       sim.Status   `json:"status"`
	Progress     sim.Progress `json:"progress"`
	// Kind says why the run failed (empty while it has not, or when it succeeded).
	Kind        sim.FailureKind `json:"kind"`
	Message     string          `json:"message"`
	FirstSevere string          `json:"firstSevere"`
	// Headline is the one line that explains how the run ended (sim.Headline).
	Headline       string  `json:"headline"`
	LastSevere     string  `json:"lastSevere"`
	Warnings       int     `json:"warnings"`
	Severe         int     `json:"severe"`
	ExitCode       *int    `json:"exitCode"`
	Signal         string  `json:"signal"`
	Dir            string  `json:"dir"`
	CreatedAt      string  `json:"createdAt"`
	StartedAt      string  `json:"startedAt"`
	EndedAt        string  `json:"endedAt"`
	ElapsedSeconds float64 `json:"elapsedSeconds"`
	HasResults     bool    `json:"hasResults"`
	BatchID        int64   `json:"batchId"`
	CacheKey       string  `json:"cacheKey"`
	// CachedFrom is the run whose results this one reuses (an identical earlier run); 0 when
	// this run simulated itself.
	CachedFrom     int64  `json:"cachedFrom"`
	VersionWarning string `json:"versionWarning"`
	// ModelChanged: the model's original file changed on disk after import, so these results
	// describe an older version of it.
	ModelChanged bool `json:"modelChanged"`
	// Outputs is what the run's folder (that of the run it reuses, when cached) still holds:
	// OutputsAll, OutputsResults (err, report, run copy) or OutputsNone (freed: err only).
	Outputs string `json:"outputs"`
	// Figures are the run's Swedish figures in short (EP_pet per m2 Atemp, energy class), set
	// by the runs service for a run with results: they depend on settings the store does not
	// interpret. Nil when unset; their overheating hours are never set here (they need the
	// hourly zone counts, which the run's details carry).
	Figures *bbr.Summary `json:"figures,omitempty"`
}

// RunSpec is what a new run needs.
type RunSpec struct {
	ModelID, WeatherID, BatchID int64
	ForceAnnual, DesignDaysOnly bool
	Engine                      sim.Engine
	CacheKey                    string
	VersionWarning              string
}

// querier is what the run writes need from a connection or a transaction, so a batch can
// create all its runs in one transaction and a single run can be created on its own.
type querier interface {
	Exec(query string, args ...any) (sql.Result, error)
	QueryRow(query string, args ...any) *sql.Row
}

// CreateRun stores a queued run and gives it its own folder under runs/.
func (s *Store) CreateRun(spec RunSpec) (Run, error) { return s.createRun(s.db, spec) }

func (s *Store) createRun(q querier, spec RunSpec) (Run, error) {
	res, err := q.Exec(`INSERT INTO runs (model_id, weather_id, batch_id, force_annual, design_days_only, engine_path, engine_version,
		status, cache_key, version_warning, created_at) VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?)`,
		spec.ModelID, spec.WeatherID, spec.BatchID, spec.ForceAnnual, spec.DesignDaysOnly, spec.Engine.Path, spec.Engine.Version,
		sim.StatusQueued, spec.CacheKey, spec.VersionWarning, now())
	if err != nil {
		return Run{}, fmt.Errorf("store run of model %d with weather %d: %w", spec.ModelID, spec.WeatherID, err)
	}
	id, _ := res.LastInsertId()
	if _, err := q.Exec(`UPDATE runs SET run_dir = ? WHERE id = ?`, s.RunDir(id), id); err != nil {
		return Run{}, fmt.Errorf("store run %d folder: %w", id, err)
	}
	return scanRun(q.QueryRow(`SELECT `+runColumns+` WHERE r.id = ?`, id))
}

// CreateCachedRun stores a run answered from an identical earlier run: it is final at once,
// points at the original's folder and reads the original's results (nothing is copied).
func (s *Store) CreateCachedRun(spec RunSpec, from Run) (Run, error) {
	return createCachedRun(s.db, spec, from)
}

func createCachedRun(q querier, spec RunSpec, from Run) (Run, error) {
	js, _ := json.Marshal(from.Progress)
	res, err := q.Exec(`INSERT INTO runs (model_id, weather_id, batch_id, force_annual, design_days_only, engine_path, engine_version,
		status, progress_json, message, last_severe, warnings, severe, exit_code, run_dir, cache_key, cached_from,
		version_warning, created_at, started_at, ended_at, elapsed_ms, failure_kind, first_severe)
		VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
		spec.ModelID, spec.WeatherID, spec.BatchID, spec.ForceAnnual, spec.DesignDaysOnly, from.EnginePath, from.EngineVersion,
		from.Status, string(js), from.Message, from.LastSevere, from.Warnings, from.Severe, from.ExitCode, from.Dir,
		spec.CacheKey, from.ID, spec.VersionWarning, now(), now(), now(), from.Kind, from.FirstSevere)
	if err != nil {
		return Run{}, fmt.Errorf("store cached run of model %d: %w", spec.ModelID, err)
	}
	id, _ := res.LastInsertId()
	return scanRun(q.QueryRow(`SELECT `+runColumns+` WHERE r.id = ?`, id))
}

// NewRun is one run of a new batch: queued to simulate; or answered at once from an identical
// earlier run (From); or finished with results that came from elsewhere (Known, an imported
// study file's).
type NewRun struct {
	Spec  RunSpec
	From  *Run
	Known *sim.Outcome
}

// CreateBatch stores a batch with all its runs, and puts the runs in requeue (left unfinished
// by a process that died, wanted again by this batch) back to queued, in one transaction: a
// failure part-way leaves no batch and no run behind, so nothing is ever queued without the
// job that runs it.
func (s *Store) CreateBatch(name string, runs []NewRun, requeue []int64) (Batch, []Run, error) {
	return s.CreateBatchKeeping(name, false, runs, requeue)
}

// CreateBatchKeeping is CreateBatch for a batch that keeps every output of its runs (keepAll)
// instead of only what the window shows.
func (s *Store) CreateBatchKeeping(name string, keepAll bool, runs []NewRun, requeue []int64) (Batch, []Run, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return Batch{}, nil, fmt.Errorf("store batch %q: %w", name, err)
	}
	defer tx.Rollback()
	b := Batch{Name: name, CreatedAt: now()}
	res, err := tx.Exec(`INSERT INTO batches (name, created_at, keep_all) VALUES (?, ?, ?)`, b.Name, b.CreatedAt, keepAll)
	if err != nil {
		return Batch{}, nil, fmt.Errorf("store batch %q: %w", name, err)
	}
	b.ID, _ = res.LastInsertId()
	out := make([]Run, 0, len(runs))
	for _, nr := range runs {
		nr.Spec.BatchID = b.ID
		var r Run
		switch {
		case nr.From != nil:
			r, err = createCachedRun(tx, nr.Spec, *nr.From)
		default:
			r, err = s.createRun(tx, nr.Spec)
			if err == nil && nr.Known != nil {
				if err = finishRun(tx, r.ID, *nr.Known); err == nil {
					r, err = scanRun(tx.QueryRow(`SELECT `+runColumns+` WHERE r.id = ?`, r.ID))
				}
			}
		}
		if err != nil {
			return Batch{}, nil, fmt.Errorf("store batch %q: %w", name, err)
		}
		out = append(out, r)
	}
	for _, id := range requeue {
		if _, err := tx.Exec(`UPDATE runs SET status = ?, progress_json = '{}', engine_pid = NULL, engine_start = '' WHERE id = ?`, sim.StatusQueued, id); err != nil {
			return Batch{}, nil, fmt.Errorf("store batch %q: take back run %d: %w", name, id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return Batch{}, nil, fmt.Errorf("store batch %q: %w", name, err)
	}
	return b, out, nil
}

// FindByCacheKey returns the newest run with this key that either succeeded by simulating
// (a cache hit) or has not finished yet (left by a process that died, or still queued).
func (s *Store) FindByCacheKey(key string) (Run, error) {
	if key == "" {
		return Run{}, ErrNotFound
	}
	return scanRun(s.db.QueryRow(`SELECT `+runColumns+` WHERE r.cache_key = ? AND r.cached_from IS NULL
		AND r.status IN (?, ?, ?, ?, ?, ?) ORDER BY r.id DESC LIMIT 1`, key,
		sim.StatusSucceeded, sim.StatusSucceededSevere,
		sim.StatusQueued, sim.StatusPreparing, sim.StatusRunning, sim.StatusCollecting))
}

// RequeueRun puts a finished run back in the queue (re-run failed): its outcome and results
// are cleared so the run is never shown with stale results.
func (s *Store) RequeueRun(id int64) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("re-queue run %d: %w", id, err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`DELETE FROM end_uses WHERE run_id = ?`,
		`DELETE FROM results WHERE run_id = ?`,
		`UPDATE runs SET status = 'queued', progress_json = '{}', message = '', last_severe = '', warnings = 0,
			severe = 0, exit_code = NULL, signal = '', started_at = NULL, ended_at = NULL, elapsed_ms = NULL,
			failure_kind = '', first_severe = '', engine_pid = NULL, engine_start = '' WHERE id = ?`,
	} {
		if _, err := tx.Exec(q, id); err != nil {
			return fmt.Errorf("re-queue run %d: %w", id, err)
		}
	}
	return tx.Commit()
}

// Batch is the set of runs one request queued.
type Batch struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	CreatedAt string `json:"createdAt"`
}

// Batches lists batches, newest first.
func (s *Store) Batches() ([]Batch, error) {
	rows, err := s.db.Query(`SELECT id, name, created_at FROM batches ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("list batches: %w", err)
	}
	defer rows.Close()
	var out []Batch
	for rows.Next() {
		var b Batch
		if err := rows.Scan(&b.ID, &b.Name, &b.CreatedAt); err != nil {
			return nil, fmt.Errorf("list batches: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// BatchRuns lists the runs of a batch in the order they were queued.
func (s *Store) BatchRuns(batchID int64) ([]Run, error) {
	return s.runsWhere(`WHERE r.batch_id = ? ORDER BY r.id`, batchID)
}

// SetRunState records a transition of a running job (preparing, running, collecting).
func (s *Store) SetRunState(id int64, status sim.Status, p sim.Progress) error {
	js, _ := json.Marshal(p)
	q, args := `UPDATE runs SET status = ?, progress_json = ? WHERE id = ?`, []any{status, string(js), id}
	switch status {
	case sim.StatusQueued: // taken back: the engine recorded for it belongs to the past
		q = `UPDATE runs SET status = ?, progress_json = ?, engine_pid = NULL, engine_start = '' WHERE id = ?`
	case sim.StatusPreparing:
		q, args = `UPDATE runs SET status = ?, progress_json = ?, started_at = ? WHERE id = ?`, []any{status, string(js), now(), id}
	}
	if _, err := s.db.Exec(q, args...); err != nil {
		return fmt.Errorf("store state of run %d: %w", id, err)
	}
	return nil
}

// FinishRun records a run's outcome and results in one transaction: a run is never marked
// finished without its results, nor stored twice.
func (s *Store) FinishRun(id int64, out sim.Outcome) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	defer tx.Rollback()
	if err := finishRun(tx, id, out); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	return nil
}

func finishRun(tx querier, id int64, out sim.Outcome) error {
	js, _ := json.Marshal(out.Progress)
	if _, err := tx.Exec(`UPDATE runs SET status = ?, progress_json = ?, message = ?, last_severe = ?, warnings = ?, severe = ?,
		exit_code = ?, signal = ?, ended_at = ?, elapsed_ms = ?, failure_kind = ?, first_severe = ?, engine_pid = NULL,
		engine_start = '' WHERE id = ?`,
		out.Status, string(js), out.Message, out.LastSevere, out.Warnings, out.Severe, out.ExitCode, out.Signal,
		now(), out.Elapsed.Milliseconds(), out.Kind, out.FirstSevere, id); err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	if _, err := tx.Exec(`DELETE FROM end_uses WHERE run_id = ?`, id); err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	if _, err := tx.Exec(`DELETE FROM results WHERE run_id = ?`, id); err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	if r := out.Results; r != nil {
		if _, err := tx.Exec(`INSERT INTO results (run_id, total_site_kwh, net_site_kwh, total_source_kwh, total_area_m2,
			conditioned_area_m2, eui_kwh_m2, unmet_heating_h, unmet_cooling_h, peak_heating_w, peak_heating_daily_w, zones_json)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, r.TotalSiteKWh, r.NetSiteKWh, r.TotalSourceKWh, r.TotalAreaM2, r.ConditionedAreaM2, r.EUIKWhPerM2,
			r.UnmetHeatingHours, r.UnmetCoolingHours, r.PeakHeatingW, r.PeakHeatingDailyW, encodeZones(r.Zones)); err != nil {
			return fmt.Errorf("store results of run %d: %w", id, err)
		}
		for _, e := range r.EndUses {
			if _, err := tx.Exec(`INSERT INTO end_uses (run_id, end_use, fuel, kwh) VALUES (?, ?, ?, ?)`, id, e.EndUse, e.Fuel, e.KWh); err != nil {
				return fmt.Errorf("store end uses of run %d: %w", id, err)
			}
		}
	}
	return nil
}

// SetRunProcess records the engine process of a running run, so that after a crash of the app
// the next start can stop it before the run is queued again (two engines never write one
// run folder). start is the OS's identity of that process instance (launch.Identity).
func (s *Store) SetRunProcess(id int64, pid int, start string) error {
	if _, err := s.db.Exec(`UPDATE runs SET engine_pid = ?, engine_start = ? WHERE id = ?`, pid, start, id); err != nil {
		return fmt.Errorf("store engine process of run %d: %w", id, err)
	}
	return nil
}

// RunProcess returns the engine process recorded for a run; pid is 0 when none is.
func (s *Store) RunProcess(id int64) (pid int, start string, err error) {
	var p sql.NullInt64
	if err := s.db.QueryRow(`SELECT engine_pid, engine_start FROM runs WHERE id = ?`, id).Scan(&p, &start); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, "", ErrNotFound
		}
		return 0, "", fmt.Errorf("read engine process of run %d: %w", id, err)
	}
	return int(p.Int64), start, nil
}

const runColumns = `r.id, r.model_id, r.weather_id, m.name, w.name, r.force_annual, r.engine_path, r.engine_version, r.status,
	r.progress_json, r.message, r.last_severe, r.warnings, r.severe, r.exit_code, r.signal, r.run_dir, r.created_at,
	COALESCE(r.started_at, ''), COALESCE(r.ended_at, ''), COALESCE(r.elapsed_ms, 0),
	EXISTS (SELECT 1 FROM results x WHERE x.run_id = COALESCE(r.cached_from, r.id)),
	COALESCE(r.batch_id, 0), r.cache_key, COALESCE(r.cached_from, 0), r.version_warning, m.source_changed_at IS NOT NULL,
	r.design_days_only, r.failure_kind, r.first_severe, COALESCE(json_extract(m.summary_json, '$.version'), ''),
	COALESCE((SELECT o.outputs FROM runs o WHERE o.id = r.cached_from), r.outputs)
	FROM runs r JOIN models m ON m.id = r.model_id JOIN weather w ON w.id = r.weather_id`

func scanRun(sc scanner) (Run, error) {
	var r Run
	var progress string
	var exit sql.NullInt64
	var elapsedMS int64
	err := sc.Scan(&r.ID, &r.ModelID, &r.WeatherID, &r.ModelName, &r.WeatherName, &r.ForceAnnual, &r.EnginePath,
		&r.EngineVersion, &r.Status, &progress, &r.Message, &r.LastSevere, &r.Warnings, &r.Severe, &exit, &r.Signal,
		&r.Dir, &r.CreatedAt, &r.StartedAt, &r.EndedAt, &elapsedMS, &r.HasResults,
		&r.BatchID, &r.CacheKey, &r.CachedFrom, &r.VersionWarning, &r.ModelChanged, &r.DesignDaysOnly, &r.Kind, &r.FirstSevere, &r.ModelVersion, &r.Outputs)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("read run: %w", err)
	}
	if exit.Valid {
		code := int(exit.Int64)
		r.ExitCode = &code
	}
	r.ElapsedSeconds = (time.Duration(elapsedMS) * time.Millisecond).Seconds()
	r.Headline = sim.Headline(r.Status, r.Kind, r.Message, r.FirstSevere)
	_ = json.Unmarshal([]byte(progress), &r.Progress)
	return r, nil
}

// Run returns one run.
func (s *Store) Run(id int64) (Run, error) {
	return scanRun(s.db.QueryRow(`SELECT `+runColumns+` WHERE r.id = ?`, id))
}

// Runs lists runs, newest first.
func (s *Store) Runs() ([]Run, error) {
	return s.runsWhere(`ORDER BY r.id DESC`)
}

func (s *Store) runsWhere(tail string, args ...any) ([]Run, error) {
	rows, err := s.db.Query(`SELECT `+runColumns+` `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("list runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// UnfinishedRuns lists runs that were queued or running when the app last stopped, oldest first.
func (s *Store) UnfinishedRuns() ([]Run, error) {
	return s.runsWhere(`WHERE r.status IN (?, ?, ?, ?) ORDER BY r.id`,
		sim.StatusQueued, sim.StatusPreparing, sim.StatusRunning, sim.StatusCollecting)
}

// Results returns a run's stored results (a cached run's are its original's), ErrNotFound
// when it has none.
func (s *Store) Results(runID int64) (*sim.Results, error) {
	var from sql.NullInt64
	if err := s.db.QueryRow(`SELECT cached_from FROM runs WHERE id = ?`, runID).Scan(&from); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("read run %d: %w", runID, err)
	}
	if from.Valid {
		runID = from.Int64
	}
	var r sim.Results
	var peak, peakDaily sql.NullFloat64
	var zones string
	err := s.db.QueryRow(`SELECT total_site_kwh, net_site_kwh, total_source_kwh, total_area_m2, conditioned_area_m2,
		eui_kwh_m2, unmet_heating_h, unmet_cooling_h, peak_heating_w, peak_heating_daily_w, zones_json FROM results WHERE run_id = ?`, runID).Scan(
		&r.TotalSiteKWh, &r.NetSiteKWh, &r.TotalSourceKWh, &r.TotalAreaM2, &r.ConditionedAreaM2, &r.EUIKWhPerM2,
		&r.UnmetHeatingHours, &r.UnmetCoolingHours, &peak, &peakDaily, &zones)
	if err == nil {
		r.PeakHeatingW, r.PeakHeatingDailyW = nullFloat(peak), nullFloat(peakDaily)
		r.Zones, err = decodeZones(zones)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read results of run %d: %w", runID, err)
	}
	rows, err := s.db.Query(`SELECT end_use, fuel, kwh FROM end_uses WHERE run_id = ? ORDER BY fuel, end_use`, runID)
	if err != nil {
		return nil, fmt.Errorf("read end uses of run %d: %w", runID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var e sim.EndUse
		if err := rows.Scan(&e.EndUse, &e.Fuel, &e.KWh); err != nil {
			return nil, fmt.Errorf("read end uses of run %d: %w", runID, err)
		}
		r.EndUses = append(r.EndUses, e)
	}
	return &r, rows.Err()
}

// Setting reads a stored setting; ok is false when unset.
func (s *Store) Setting(key string) (value string, ok bool, err error) {
	err = s.db.QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return value, true, nil
}

// SetSetting stores a setting.
func (s *Store) SetSetting(key, value string) error {
	if _, err := s.db.Exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("store setting %s: %w", key, err)
	}
	return nil
}

// MarkSourceChanged records that the original file of a model or weather file ("models" or
// "weather") changed on disk after import.
func (s *Store) MarkSourceChanged(table string, id int64) error {
	if table != "models" && table != "weather" {
		return fmt.Errorf("mark source changed: unknown table %q", table)
	}
	if _, err := s.db.Exec(`UPDATE `+table+` SET source_changed_at = ? WHERE id = ? AND source_changed_at IS NULL`, now(), id); err != nil {
		return fmt.Errorf("mark %s %d changed: %w", table, id, err)
	}
	return nil
}

// FigureInputs are the stored results of every run that has some, keyed by the run that
// simulated them (a cached run reads its original's), without the hourly zone counts: what the
// run list's Swedish figures need, read in two queries instead of one per run.
func (s *Store) FigureInputs() (map[int64]*sim.Results, error) {
	rows, err := s.db.Query(`SELECT run_id, total_site_kwh, net_site_kwh, total_source_kwh, total_area_m2,
		conditioned_area_m2, eui_kwh_m2, unmet_heating_h, unmet_cooling_h, peak_heating_w, peak_heating_daily_w FROM results`)
	if err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	defer rows.Close()
	out := map[int64]*sim.Results{}
	for rows.Next() {
		var id int64
		var r sim.Results
		var peak, peakDaily sql.NullFloat64
		if err := rows.Scan(&id, &r.TotalSiteKWh, &r.NetSiteKWh, &r.TotalSourceKWh, &r.TotalAreaM2, &r.ConditionedAreaM2,
			&r.EUIKWhPerM2, &r.UnmetHeatingHours, &r.UnmetCoolingHours, &peak, &peakDaily); err != nil {
			return nil, fmt.Errorf("read results: %w", err)
		}
		r.PeakHeatingW, r.PeakHeatingDailyW = nullFloat(peak), nullFloat(peakDaily)
		out[id] = &r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read results: %w", err)
	}
	uses, err := s.db.Query(`SELECT run_id, end_use, fuel, kwh FROM end_uses ORDER BY run_id, fuel, end_use`)
	if err != nil {
		return nil, fmt.Errorf("read end uses: %w", err)
	}
	defer uses.Close()
	for uses.Next() {
		var id int64
		var e sim.EndUse
		if err := uses.Scan(&id, &e.EndUse, &e.Fuel, &e.KWh); err != nil {
			return nil, fmt.Errorf("read end uses: %w", err)
		}
		if r := out[id]; r != nil {
			r.EndUses = append(r.EndUses, e)
		}
	}
	return out, uses.Err()
}
