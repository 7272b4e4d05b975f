package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"epsm/sim"
)

// encodeZones stores a run's zone temperature counts as JSON without the trailing zeros of
// each count (the hours above temperatures no zone reached), a few hundred bytes per zone.
func encodeZones(zones []sim.ZoneTemperatures) string {
	if len(zones) == 0 {
		return ""
	}
	trimmed := make([]sim.ZoneTemperatures, len(zones))
	for i, z := range zones {
		n := len(z.Above)
		for n > 0 && z.Above[n-1] == 0 {
			n--
		}
		z.Above = z.Above[:n]
		trimmed[i] = z
	}
	js, _ := json.Marshal(trimmed)
	return string(js)
}

func decodeZones(js string) ([]sim.ZoneTemperatures, error) {
	if js == "" {
		return nil, nil
	}
	var zones []sim.ZoneTemperatures
	if err := json.Unmarshal([]byte(js), &zones); err != nil {
		return nil, fmt.Errorf("read zone temperatures: %w", err)
	}
	for i := range zones {
		if n := len(zones[i].Above); n < sim.ZoneTempSteps {
			zones[i].Above = append(zones[i].Above, make([]int, sim.ZoneTempSteps-n)...)
		}
	}
	return zones, nil
}

func nullFloat(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.Float64
}

// ModelSettingsJSON returns the Swedish-figure settings (JSON of bbr.ModelSettings) that apply
// to a model: its own, or, for a study's variant, its base model's; ok is false when neither
// has any.
func (s *Store) ModelSettingsJSON(modelID int64) (js string, ok bool, err error) {
	var own int
	err = s.db.QueryRow(`SELECT settings_json, 0 AS rank FROM model_settings WHERE model_id = ?
		UNION ALL
		SELECT ms.settings_json, 1 FROM variants v JOIN studies st ON st.id = v.study_id
			JOIN model_settings ms ON ms.model_id = st.base_model_id
		WHERE v.model_id = ? AND v.model_id <> st.base_model_id
		ORDER BY rank LIMIT 1`, modelID, modelID).Scan(&js, &own)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read settings of model %d: %w", modelID, err)
	}
	return js, true, nil
}

// SetModelSettingsJSON stores a model's own settings for the Swedish figures.
func (s *Store) SetModelSettingsJSON(modelID int64, js string) error {
	if _, err := s.db.Exec(`INSERT INTO model_settings (model_id, settings_json) VALUES (?, ?)
		ON CONFLICT(model_id) DO UPDATE SET settings_json = excluded.settings_json`, modelID, js); err != nil {
		return fmt.Errorf("store settings of model %d: %w", modelID, err)
	}
	return nil
}
