package runsvc

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"epsm/bbr"
	"epsm/eplusout"
	"epsm/idf"
	"epsm/sim"
	"epsm/store"
)

// RunDetails is a run with its results and the Swedish figures derived from them.
type RunDetails struct {
	Run     store.Run    `json:"run"`
	Results *sim.Results `json:"results"`
	Swedish *bbr.Figures `json:"swedish"`
}

// RunDetails returns one run and its stored results (nil when it has none).
func (q *Queue) RunDetails(id int64) (RunDetails, error) {
	r, err := q.store.Run(id)
	if err != nil {
		return RunDetails{}, fmt.Errorf("run %d: %w", id, err)
	}
	res, err := q.store.Results(id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return RunDetails{}, err
	}
	sw, err := q.settings.SwedishFigures(r.ModelID, res)
	if err != nil {
		return RunDetails{}, fmt.Errorf("run %d: %w", id, err)
	}
	return RunDetails{Run: r, Results: res, Swedish: sw}, nil
}

// maxErrFileView bounds what the err viewer loads: a runaway model can write gigabytes.
const maxErrFileView = 4 << 20

// ReadErrFile returns the run's eplusout.err (its first 4 MiB).
func (q *Queue) ReadErrFile(id int64) (string, error) {
	f, err := q.openRunFile(id, "eplusout.err")
	if err != nil {
		return "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxErrFileView))
	return string(data), err
}

// RunMeters are the meters a run wrote hourly, or why there are none.
type RunMeters struct {
	RunID  int64            `json:"runId"`
	Meters []eplusout.Meter `json:"meters"`
	// Reason is set when Meters is empty: what the user can do about it.
	Reason string `json:"reason"`
}

// RunMeters lists the hourly meters of a run's eplusout.sql.
func (q *Queue) RunMeters(runID int64) (RunMeters, error) {
	r, err := q.store.Run(runID)
	if err != nil {
		return RunMeters{}, fmt.Errorf("run %d: %w", runID, err)
	}
	out := RunMeters{RunID: runID, Meters: []eplusout.Meter{}}
	if why := noHourlyReason(r); why != "" {
		out.Reason = why
		return out, nil
	}
	var meters []eplusout.Meter
	if blob, ok := q.meterBlob(r); ok {
		if meters, err = eplusout.PackedMeterList(blob); err != nil {
			return out, fmt.Errorf("run %d: %w", runID, err)
		}
	} else {
		path := filepath.Join(r.Dir, "eplusout.sql")
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			out.Reason = "This run's eplusout.sql is gone from its folder."
			return out, nil
		}
		if meters, err = eplusout.ReadMeters(path); err != nil {
			return out, fmt.Errorf("run %d: %w", runID, err)
		}
	}
	out.Meters = meters
	// A run (or the run a cached one reuses) made before EPSM asked for hourly meters: its run
	// copy lacks the requests, so its eplusout.sql has at most the model's own hourly meters.
	src, err := os.ReadFile(filepath.Join(r.Dir, "in.idf"))
	if err == nil {
		if missing, err := idf.HourlyMetersMissing(src); err == nil && len(missing) > 0 {
			out.Reason = fmt.Sprintf("This run was made before EPSM asked EnergyPlus for hourly meters, so it lacks %s. Re-run to get hourly data.", strings.Join(missing, ", "))
			return out, nil
		}
	}
	if len(meters) == 0 {
		out.Reason = "This run wrote no hourly meters for a weather-file year."
	}
	return out, nil
}

// meterBlob is a run's stored hourly meters (those of the run a cached one reuses); false for
// a run made before EPSM stored them, whose meters are read from its eplusout.sql.
func (q *Queue) meterBlob(r store.Run) ([]byte, bool) {
	id := r.ID
	if r.CachedFrom > 0 {
		id = r.CachedFrom
	}
	blob, err := q.store.RunMeters(id)
	return blob, err == nil
}

// noHourlyReason says why a run cannot have an hourly year, or "" if it may.
func noHourlyReason(r store.Run) string {
	switch {
	case !r.Status.Final():
		return "Hourly data appears when the run has finished."
	case !r.Status.Succeeded():
		return "This run did not succeed, so it has no hourly data."
	case r.DesignDaysOnly:
		return "This run simulated the design days only (no weather-file year), so it has no hourly year. Run it annually to get hourly data."
	}
	return ""
}

// MeterSeries returns one meter's hourly values of a run (kWh for energy meters).
func (q *Queue) MeterSeries(runID int64, name string) (eplusout.MeterSeries, error) {
	r, err := q.store.Run(runID)
	if err != nil {
		return eplusout.MeterSeries{}, fmt.Errorf("run %d: %w", runID, err)
	}
	var s *eplusout.MeterSeries
	if blob, ok := q.meterBlob(r); ok {
		s, err = eplusout.PackedMeterSeries(blob, name)
	} else {
		s, err = eplusout.ReadMeterSeries(filepath.Join(r.Dir, "eplusout.sql"), name)
	}
	if err != nil {
		return eplusout.MeterSeries{}, fmt.Errorf("run %d: %w", runID, err)
	}
	return *s, nil
}
