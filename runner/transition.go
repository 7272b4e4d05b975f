package runner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"epsm/launch"
	"epsm/sim"
)

// TransitionStep is one of NREL's version updaters, e.g. Transition-V9-4-0-to-V9-5-0.
type TransitionStep struct {
	From, To string // "9.4", "9.5"
	Path     string
}

var transitionName = regexp.MustCompile(`^Transition-V(\d+)-(\d+)-\d+-to-V(\d+)-(\d+)-\d+(\.exe)?$`)

// TransitionSteps lists the updaters shipped with an engine (the full NREL install has them in
// PreProcess/IDFVersionUpdater; the PyPI build does not).
func TransitionSteps(e sim.Engine) []TransitionStep {
	dir := filepath.Join(filepath.Dir(e.Path), "PreProcess", "IDFVersionUpdater")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var steps []TransitionStep
	for _, ent := range entries {
		m := transitionName.FindStringSubmatch(ent.Name())
		if m == nil || ent.IsDir() {
			continue
		}
		steps = append(steps, TransitionStep{From: m[1] + "." + m[2], To: m[3] + "." + m[4], Path: filepath.Join(dir, ent.Name())})
	}
	sort.Slice(steps, func(i, j int) bool { return versionLess(steps[i].From, steps[j].From) })
	return steps
}

// TransitionChain returns the steps that take a model from version from to version to, or an
// error naming the first missing step.
func TransitionChain(steps []TransitionStep, from, to string) ([]TransitionStep, error) {
	var chain []TransitionStep
	cur := sim.MajorMinor(from)
	to = sim.MajorMinor(to)
	for cur != to {
		found := false
		for _, s := range steps {
			if s.From == cur {
				chain = append(chain, s)
				cur = s.To
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("no transition program from EnergyPlus %s (towards %s) in this install", cur, to)
		}
		if len(chain) > 100 {
			return nil, fmt.Errorf("transition programs loop at %s", cur)
		}
	}
	return chain, nil
}

// Transition copies model into dir and runs the chain on the copy, one updater after another,
// each in the updaters' own folder as NREL's IDFVersionUpdater does (they read their IDD files
// from there). The user's file is never touched; the result is dir/<name>.
func Transition(ctx context.Context, chain []TransitionStep, model, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("transition %s: %w", model, err)
	}
	data, err := os.ReadFile(model)
	if err != nil {
		return "", fmt.Errorf("transition %s: %w", model, err)
	}
	out := filepath.Join(dir, filepath.Base(model))
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return "", fmt.Errorf("transition %s: %w", model, err)
	}
	for _, s := range chain {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		msg, exit := launch.Output(ctx, launch.Command{Path: s.Path, Args: []string{out}, Dir: filepath.Dir(s.Path)}, 1<<20)
		cancel()
		if err := exit.AsError(); err != nil {
			return "", fmt.Errorf("transition %s from %s to %s: %w: %s", model, s.From, s.To, err, strings.TrimSpace(string(msg)))
		}
	}
	return out, nil
}

func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}
