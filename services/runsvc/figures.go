package runsvc

import (
	"errors"
	"fmt"

	"epsm/bbr"
	"epsm/sim"
	"epsm/store"
)

// figureSource computes the short Swedish figures of runs with one read of the settings and
// each model's settings read once.
type figureSource struct {
	rules  bbr.Settings
	models map[int64]bbr.ModelSettings
	q      *Queue
}

func (q *Queue) newFigureSource() (*figureSource, error) {
	rules, err := q.settings.Swedish()
	if err != nil {
		return nil, err
	}
	return &figureSource{rules: rules, models: map[int64]bbr.ModelSettings{}, q: q}, nil
}

func (f *figureSource) summary(r store.Run, res *sim.Results) (*bbr.Summary, error) {
	m, ok := f.models[r.ModelID]
	if !ok {
		var err error
		if m, err = f.q.settings.ModelSwedish(r.ModelID); err != nil {
			return nil, err
		}
		f.models[r.ModelID] = m
	}
	s := bbr.Compute(res, m, f.rules).Summary()
	s.OverheatingHours = nil // the zone counts are not read for the list (see store.Run.Figures)
	return &s, nil
}

// hasFigures: only a run that succeeded has figures worth a column.
func hasFigures(r store.Run) bool { return r.HasResults && r.Status.Succeeded() }

// resultsOwner is the run whose stored results a run shows (a cached run reuses its original's).
func resultsOwner(r store.Run) int64 {
	if r.CachedFrom > 0 {
		return r.CachedFrom
	}
	return r.ID
}

// withFigures sets the Figures of the runs that succeeded, from all stored results read at once.
// A model whose settings cannot be read leaves its runs without figures (its details say why).
func (q *Queue) withFigures(runs []store.Run) ([]store.Run, error) {
	src, err := q.newFigureSource()
	if err != nil {
		return runs, err
	}
	all, err := q.store.FigureInputs()
	if err != nil {
		return runs, err
	}
	for i, r := range runs {
		res := all[resultsOwner(r)]
		if !hasFigures(r) || res == nil {
			continue
		}
		if runs[i].Figures, err = src.summary(r, res); err != nil {
			q.log.Warn("run list: no Swedish figures", "run", r.ID, "err", err)
		}
	}
	return runs, nil
}

// withFigure is withFigures for one run that just changed: its own results only.
func (q *Queue) withFigure(r store.Run) store.Run {
	if !hasFigures(r) {
		return r
	}
	res, err := q.store.Results(r.ID)
	if err == nil {
		var src *figureSource
		if src, err = q.newFigureSource(); err == nil {
			r.Figures, err = src.summary(r, res)
		}
	}
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		q.log.Warn("run list: no Swedish figures", "run", r.ID, "err", fmt.Errorf("run %d: %w", r.ID, err))
	}
	return r
}
