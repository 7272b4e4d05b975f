package importsvc

import (
	"fmt"

	"epsm/services/runsvc"
	"epsm/store"
)

// ReimportResult is what re-importing a changed model did.
type ReimportResult struct {
	Import ImportReport `json:"import"`
	Runs   []store.Run  `json:"runs"`
}

// ReimportAndRerun imports the current content of a model's original file and runs it again
// with every weather file its earlier runs used: the one-click answer to "my model changed".
func (imp *Importer) ReimportAndRerun(modelID int64) (ReimportResult, error) {
	m, err := imp.store.Model(modelID)
	if err != nil {
		return ReimportResult{}, fmt.Errorf("model %d: %w", modelID, err)
	}
	rep := imp.Import([]string{m.OriginalPath})
	res := ReimportResult{Import: rep}
	if len(rep.Errors) > 0 {
		return res, fmt.Errorf("re-import %s: %s", m.OriginalPath, rep.Errors[0].Message)
	}
	if len(rep.Models) != 1 {
		return res, fmt.Errorf("re-import %s: no model imported", m.OriginalPath)
	}
	runs, err := imp.store.Runs()
	if err != nil {
		return res, err
	}
	seen := map[int64]bool{}
	var weatherIDs []int64
	forceAnnual := false
	for _, r := range runs { // newest first
		if r.ModelID == modelID && !seen[r.WeatherID] {
			if len(weatherIDs) == 0 {
				forceAnnual = r.ForceAnnual
			}
			seen[r.WeatherID] = true
			weatherIDs = append(weatherIDs, r.WeatherID)
		}
	}
	if len(weatherIDs) == 0 {
		return res, nil // never run: importing was all there was to do
	}
	res.Runs, err = imp.queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherIDs: weatherIDs, ForceAnnual: forceAnnual})
	return res, err
}
