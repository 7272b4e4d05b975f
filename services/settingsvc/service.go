package settingsvc

import (
	"context"
	"fmt"
	"time"

	"epsm/bbr"
	"epsm/services/dialog"
)

// Service is what the window calls about engines, queue limits, About and the data folder.
type Service struct {
	settings *Settings
	dialogs  dialog.Dialogs
}

// NewService binds s for the window.
func NewService(s *Settings, d dialog.Dialogs) *Service { return &Service{settings: s, dialogs: d} }

// Current is what the window shows of the settings at start.
type Current struct {
	DataDir string       `json:"dataDir"`
	Engine  EngineStatus `json:"engine"`
	Queue   QueueLimits  `json:"queue"`
}

// Current returns the data folder, the engines and the queue limits.
func (s *Service) Current() Current {
	return Current{DataDir: s.settings.store.Dir(), Engine: s.settings.EngineStatus(), Queue: s.settings.QueueLimits()}
}

// QueueLimits returns the queue limits (workers, time limit, stall limit).
func (s *Service) QueueLimits() QueueLimits { return s.settings.QueueLimits() }

// SaveQueueLimits validates and stores the queue limits; an error names the bad value.
func (s *Service) SaveQueueLimits(l QueueLimits) (QueueLimits, error) {
	return s.settings.SaveQueueLimits(l)
}

// RediscoverEngines searches for EnergyPlus engines again.
func (s *Service) RediscoverEngines() (EngineStatus, error) {
	return s.settings.RediscoverEngines(context.Background())
}

// SetEnginePath makes the EnergyPlus executable at path the default (checked with --version);
// an empty path goes back to automatic discovery.
func (s *Service) SetEnginePath(path string) (EngineStatus, error) {
	return s.settings.SetEnginePath(context.Background(), path)
}

// ChooseEngine opens a file dialog to pick the EnergyPlus executable and makes it the default.
func (s *Service) ChooseEngine() (EngineStatus, error) {
	path, err := s.dialogs.OpenFile("Choose the EnergyPlus executable", dialog.Filter{})
	if err != nil {
		return EngineStatus{}, fmt.Errorf("file dialog: %w", err)
	}
	if path == "" {
		return s.settings.EngineStatus(), nil
	}
	return s.settings.SetEnginePath(context.Background(), path)
}

// About returns the app, engine and library versions for Help → About.
func (s *Service) About() About { return s.settings.About() }

// DataFolder measures the data folder.
func (s *Service) DataFolder() DataFolder { return s.settings.DataFolder() }

// Storage is how much each study and batch takes in the data folder.
func (s *Service) Storage() (Storage, error) { return s.settings.Storage() }

// FreeSpace deletes outputs of the chosen finished runs (a study, a batch or an age); results
// and hourly meters stay in the store. It answers with what was freed and the new sizes.
func (s *Service) FreeSpace(req FreeRequest) (FreedStorage, error) {
	freed, err := s.settings.FreeSpace(req, time.Now())
	if err != nil {
		return FreedStorage{Freed: freed}, err
	}
	st, err := s.settings.Storage()
	return FreedStorage{Freed: freed, Storage: st}, err
}

// FreedStorage is what FreeSpace freed and the storage after it.
type FreedStorage struct {
	Freed   Freed   `json:"freed"`
	Storage Storage `json:"storage"`
}

// SwedishSettings returns the factors of the Swedish figures (weighting factors, F_geo,
// requirements, overheating threshold), each with its source.
func (s *Service) SwedishSettings() (bbr.Settings, error) { return s.settings.Swedish() }

// CheckSwedishSettings lists what is wrong with them, each problem at its input's JSON path.
func (s *Service) CheckSwedishSettings(b bbr.Settings) []bbr.Problem { return b.Problems() }

// SaveSwedishSettings validates and stores them.
func (s *Service) SaveSwedishSettings(b bbr.Settings) (bbr.Settings, error) {
	return s.settings.SaveSwedish(b)
}

// ModelSettingsView is what the model's settings form shows: the user's settings, the mapping
// in force (defaults for the building type with the user's changes), and the choices.
type ModelSettingsView struct {
	ModelID       int64              `json:"modelId"`
	Settings      bbr.ModelSettings  `json:"settings"`
	Mapping       bbr.Mapping        `json:"mapping"`
	EndUses       []string           `json:"endUses"`
	Fuels         []string           `json:"fuels"`
	Carriers      []bbr.Carrier      `json:"carriers"`
	Purposes      []bbr.Purpose      `json:"purposes"`
	BuildingTypes []bbr.BuildingType `json:"buildingTypes"`
}

func modelView(id int64, m bbr.ModelSettings) ModelSettingsView {
	return ModelSettingsView{ModelID: id, Settings: m, Mapping: m.EffectiveMapping(), EndUses: bbr.EndUses(), Fuels: bbr.Fuels(),
		Carriers: bbr.Carriers(), Purposes: bbr.Purposes(), BuildingTypes: bbr.BuildingTypes()}
}

// ModelSettings returns a model's Atemp, building type and end-use mapping (a study variant's
// are its base model's).
func (s *Service) ModelSettings(modelID int64) (ModelSettingsView, error) {
	m, err := s.settings.ModelSwedish(modelID)
	return modelView(modelID, m), err
}

// SaveModelSettings validates and stores a model's settings.
func (s *Service) SaveModelSettings(modelID int64, m bbr.ModelSettings) (ModelSettingsView, error) {
	m, err := s.settings.SaveModelSwedish(modelID, m)
	return modelView(modelID, m), err
}

// DefaultMapping is the end-use mapping a building type has before the user changes it.
func (s *Service) DefaultMapping(t bbr.BuildingType) bbr.Mapping { return bbr.DefaultMapping(t) }
