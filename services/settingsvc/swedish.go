package settingsvc

import (
	"encoding/json"
	"fmt"

	"epsm/bbr"
	"epsm/sim"
)

const settingSwedish = "bbr"

// Swedish returns the factors of the Swedish figures: BBR 29's defaults with their sources
// until the user changes them.
func (s *Settings) Swedish() (bbr.Settings, error) {
	raw, ok, err := s.store.Setting(settingSwedish)
	if err != nil || !ok {
		return bbr.DefaultSettings(), err
	}
	var b bbr.Settings
	if err := json.Unmarshal([]byte(raw), &b); err != nil {
		s.log.Warn("stored Swedish settings unreadable: using the defaults", "err", err)
		return bbr.DefaultSettings(), nil
	}
	return b.WithDefaults(), nil
}

// SaveSwedish validates and stores them; an error names every bad input.
func (s *Settings) SaveSwedish(b bbr.Settings) (bbr.Settings, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	js, _ := json.Marshal(b)
	return b, s.store.SetSetting(settingSwedish, string(js))
}

// ModelSwedish returns a model's own Swedish-figure settings (a study variant's are its base
// model's); the defaults when it has none.
func (s *Settings) ModelSwedish(modelID int64) (bbr.ModelSettings, error) {
	raw, ok, err := s.store.ModelSettingsJSON(modelID)
	if err != nil || !ok {
		return bbr.DefaultModelSettings(), err
	}
	var m bbr.ModelSettings
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return bbr.DefaultModelSettings(), fmt.Errorf("settings of model %d: %w", modelID, err)
	}
	return m, nil
}

// SaveModelSwedish validates and stores a model's settings.
func (s *Settings) SaveModelSwedish(modelID int64, m bbr.ModelSettings) (bbr.ModelSettings, error) {
	if p := m.Problems(); len(p) > 0 {
		return m, fmt.Errorf("%w: %s", bbr.ErrInvalidSettings, p[0].Message)
	}
	if _, err := s.store.Model(modelID); err != nil {
		return m, fmt.Errorf("model %d: %w", modelID, err)
	}
	js, _ := json.Marshal(m)
	return m, s.store.SetModelSettingsJSON(modelID, string(js))
}

// SwedishFigures computes a run's Swedish figures with its model's settings and the current
// factors. Nil results give nil figures.
func (s *Settings) SwedishFigures(modelID int64, r *sim.Results) (*bbr.Figures, error) {
	if r == nil {
		return nil, nil
	}
	b, err := s.Swedish()
	if err != nil {
		return nil, err
	}
	m, err := s.ModelSwedish(modelID)
	if err != nil {
		return nil, err
	}
	f := bbr.Compute(r, m, b)
	return &f, nil
}
