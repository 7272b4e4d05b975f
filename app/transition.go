package app

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

func (c *Core) transitionChain(modelID int64) ([]runner.TransitionStep, TransitionOffer, error) {
	m, err := c.store.Model(modelID)
	if err != nil {
		return nil, TransitionOffer{}, fmt.Errorf("model %d: %w", modelID, err)
	}
	engine := c.Engine()
	offer := TransitionOffer{From: m.Summary.Version, To: engine.MajorMinor()}
	if engine.Path == "" {
		offer.Reason = runner.ErrNoEngine.Error()
		return nil, offer, nil
	}
	if versionOf(m.Summary.Version) == engine.MajorMinor() {
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

func versionOf(v string) string {
	return sim.Engine{Version: v}.MajorMinor()
}

// TransitionOffer tells the UI whether to offer a transition for a model.
func (c *Core) TransitionOffer(modelID int64) (TransitionOffer, error) {
	_, offer, err := c.transitionChain(modelID)
	return offer, err
}

// TransitionModel runs the version updaters on a copy of the model and imports the result as
// a new model; the old model and the user's file stay as they are.
func (c *Core) TransitionModel(ctx context.Context, modelID int64) (ImportReport, error) {
	chain, offer, err := c.transitionChain(modelID)
	if err != nil {
		return ImportReport{}, err
	}
	if !offer.Possible {
		return ImportReport{}, fmt.Errorf("cannot transition model %d from %s to %s: %s", modelID, offer.From, offer.To, offer.Reason)
	}
	m, _ := c.store.Model(modelID)
	dir := filepath.Join(c.store.Dir(), "transitions", fmt.Sprint(modelID))
	out, err := runner.Transition(ctx, chain, m.StoredPath, dir)
	if err != nil {
		return ImportReport{}, err
	}
	named := filepath.Join(dir, fmt.Sprintf("%s (transitioned to %s).idf", trimExt(m.Name), offer.To))
	if err := renameFile(out, named); err != nil {
		return ImportReport{}, err
	}
	return c.Import([]string{named}), nil
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }

func renameFile(from, to string) error {
	if err := os.Rename(from, to); err != nil {
		return fmt.Errorf("transition: %w", err)
	}
	return nil
}
