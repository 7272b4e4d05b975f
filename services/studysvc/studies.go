// Package studysvc owns renovation studies: a spec becomes variant models (real constructions
// from the library, on the exterior surfaces the take-off finds) queued as one batch; the
// variant table computes energy, carbon and cost against the baseline with Pareto flags; a
// study is exported as CSV, XLSX, a runnable spec or one .epsmstudy file another user imports.
// Studies is the part Go code drives (the CLI); Service is the part the window calls.
package studysvc

import (
	"fmt"
	"log/slog"
	"path/filepath"

	"epsm/events"
	"epsm/services/importsvc"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/store"
	"epsm/study"
)

// Studies makes, reads and exports studies.
type Studies struct {
	store    *store.Store
	settings *settingsvc.Settings
	queue    *runsvc.Queue
	importer *importsvc.Importer
	emit     events.Emitter
	log      *slog.Logger
	drivers  drivers
}

// New returns the studies of st, run through queue; emit hears how method studies move.
func New(st *store.Store, settings *settingsvc.Settings, queue *runsvc.Queue, importer *importsvc.Importer, emit events.Emitter, log *slog.Logger) *Studies {
	return &Studies{store: st, settings: settings, queue: queue, importer: importer, emit: emit, log: log}
}

// StudyEstimate is what a spec will cost before it runs.
type StudyEstimate struct {
	Variants int     `json:"variants"` // besides the baseline
	Runs     int     `json:"runs"`     // (variants + baseline) x weather files
	Seconds  float64 `json:"seconds"`  // estimated wall time on this machine, 0 when unknown
	HasTime  bool    `json:"hasTime"`
}

// Estimate counts a spec's variants and runs and estimates the wall time from the mean run
// time measured on this machine.
func (s *Studies) Estimate(spec study.Spec) (StudyEstimate, error) {
	if err := spec.Validate(); err != nil {
		return StudyEstimate{}, err
	}
	weathers := len(spec.WeatherIDs) + len(spec.Weather)
	e := StudyEstimate{Variants: spec.Count(), Runs: (spec.Count() + 1) * max(weathers, 1)}
	if mean, ok := s.queue.MeanRunSeconds(); ok {
		e.HasTime = true
		e.Seconds = float64(e.Runs) * mean / float64(max(s.queue.State().Workers, 1))
	}
	return e, nil
}

// checkSpecFromWindow refuses relative paths in a study spec (the CLI resolves them against
// the spec file; the window has no such folder) and ids that name nothing.
func (s *Studies) checkSpecFromWindow(spec study.Spec) error {
	paths := append([]string{}, spec.Weather...)
	if spec.Model != "" {
		paths = append(paths, spec.Model)
	}
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			return fmt.Errorf("study spec: %q is not an absolute path: pick the file in the dialog", p)
		}
	}
	if spec.ModelID != 0 {
		if _, err := s.store.Model(spec.ModelID); err != nil {
			return fmt.Errorf("model %d: %w", spec.ModelID, err)
		}
	}
	for _, id := range spec.WeatherIDs {
		if _, err := s.store.Weather(id); err != nil {
			return fmt.Errorf("weather file %d: %w", id, err)
		}
	}
	return nil
}

// TemplateFits says which measure templates apply to an imported model.
func (s *Studies) TemplateFits(modelID int64) ([]study.TemplateFit, error) {
	m, err := s.store.Model(modelID)
	if err != nil {
		return nil, err
	}
	b, err := readBase(m)
	if err != nil {
		return nil, err
	}
	return b.TemplateFits(), nil
}
