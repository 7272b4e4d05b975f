package importsvc

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"epsm/runner"
	"epsm/sim"
)

// TransitionOffer says whether an old model can be brought to the engine's version here.
type TransitionOffer struct {
	Possible bool   `json:"possible"`
	From     string `json:"from"`
	To       string `json:"to"`
	Steps    int    `json:"steps"`
	Reason   string `json:"reason"` // why not, when not possible
}

func (imp *Importer) transitionChain(modelID int64) ([]runner.TransitionStep, TransitionOffer, error) {
	m, err := imp.store.Model(modelID)
	if err != nil {
		return nil, TransitionOffer{}, fmt.Errorf("model %d: %w", modelID, err)
	}
	engine := imp.settings.Engine()
	offer := TransitionOffer{From: m.Summary.Version, To: engine.MajorMinor()}
	if engine.Path == "" {
		offer.Reason = runner.ErrNoEngine.Error()
		return nil, offer, nil
	}
	if sim.MajorMinor(m.Summary.Version) == engine.MajorMinor() {
		offer.Reason = "the model already matches the engine"
		return nil, offer, nil
	}
	steps := runner.TransitionSteps(engine)
	if len(steps) == 0 {
		offer.Reason = fmt.Sprintf("EnergyPlus %s at %s has no transition programs (PreProcess/IDFVersionUpdater); the full NREL install has them", engine.Version, engine.Path)
		return nil, offer, nil
	}
	chain, err := runner.TransitionChain(steps, m.Summary.Version, engine.MajorMinor())
	if err != nil {
		offer.Reason = err.Error()
		return nil, offer, nil
	}
	offer.Possible, offer.Steps = true, len(chain)
	return chain, offer, nil
}

// TransitionOffer tells the UI whether to offer a transition for a model.
func (imp *Importer) TransitionOffer(modelID int64) (TransitionOffer, error) {
	_, offer, err := imp.transitionChain(modelID)
	return offer, err
}

// TransitionModel runs the version updaters on a copy of the model and imports the result as
// a new model; the old model and the user's file stay as they are.
func (imp *Importer) TransitionModel(ctx context.Context, modelID int64) (ImportReport, error) {
	chain, offer, err := imp.transitionChain(modelID)
	if err != nil {
		return ImportReport{}, err
	}
	if !offer.Possible {
		return ImportReport{}, fmt.Errorf("cannot transition model %d from %s to %s: %s", modelID, offer.From, offer.To, offer.Reason)
	}
	m, _ := imp.store.Model(modelID)
	dir := filepath.Join(imp.store.Dir(), "transitions", fmt.Sprint(modelID))
	out, err := runner.Transition(ctx, chain, m.StoredPath, dir)
	if err != nil {
		return ImportReport{}, err
	}
	named := filepath.Join(dir, fmt.Sprintf("%s (transitioned to %s).idf", trimExt(m.Name), offer.To))
	if err := renameFile(out, named); err != nil {
		return ImportReport{}, err
	}
	return imp.Import([]string{named}), nil
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }

func renameFile(from, to string) error {
	if err := os.Rename(from, to); err != nil {
		return fmt.Errorf("transition: %w", err)
	}
	return nil
}
