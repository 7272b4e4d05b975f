package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"epsm/idf"
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

// transitionTimeout bounds one updater: they take seconds on large models.
const transitionTimeout = 5 * time.Minute

// transitionOutputLimit bounds what is kept of an updater's console output, which is only
// shown when it fails without an error file.
const transitionOutputLimit = 1 << 20

// Transition copies model into dir and runs the chain on the copy, one updater after another,
// each in the updaters' own folder as NREL's IDFVersionUpdater does (they read their IDD files
// from there). The user's file is never touched; the result is dir/<name> (with a lower-case
// .idf extension, the only one the updaters rewrite in place).
func Transition(ctx context.Context, chain []TransitionStep, model, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("transition %s: %w", model, err)
	}
	data, err := os.ReadFile(model)
	if err != nil {
		return "", fmt.Errorf("transition %s: %w", model, err)
	}
	base := filepath.Base(model)
	out, err := filepath.Abs(filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+".idf"))
	if err != nil {
		return "", fmt.Errorf("transition %s: %w", model, err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return "", fmt.Errorf("transition %s: %w", model, err)
	}
	for _, s := range chain {
		if err := transitionStep(ctx, s, out); err != nil {
			return "", fmt.Errorf("transition %s from %s to %s: %w", model, s.From, s.To, err)
		}
	}
	return out, nil
}

// transitionStep runs one updater on path. NREL's updaters take the file as their one
// argument, write <name>.idfnew, copy the original to <name>.idfold and the new file over
// <name>.idf, and report problems in <name>.VCpErr. Their exit code is not to be trusted (a
// Fortran STOP exits 0), so a step counts as done only when the new file exists and the file
// now declares the step's target version.
func transitionStep(ctx context.Context, s TransitionStep, path string) error {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	newFile, oldFile, errFile := path+"new", path+"old", stem+".VCpErr"
	for _, f := range []string{newFile, oldFile, errFile} {
		os.Remove(f) // a previous step's files must not pass for this one's
	}
	ctx, cancel := context.WithTimeout(ctx, transitionTimeout)
	defer cancel()
	msg, exit := launch.Output(ctx, launch.Command{Path: s.Path, Args: []string{path}, Dir: filepath.Dir(s.Path)}, transitionOutputLimit)
	failed := exit.AsError()
	if failed == nil {
		if _, err := os.Stat(newFile); err != nil {
			failed = errors.New("the updater wrote no updated file")
		}
	}
	if failed == nil {
		failed = checkTransitioned(path, s.To)
	}
	if failed != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("the updater did not finish within %s", transitionTimeout)
		}
		return fmt.Errorf("%w: %s", failed, updaterMessages(errFile, msg))
	}
	os.Remove(newFile)
	os.Remove(oldFile)
	os.Remove(errFile)
	return nil
}

// checkTransitioned checks that the file at path now declares version to.
func checkTransitioned(path, to string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("the updated file: %w", err)
	}
	f, err := idf.Parse(data)
	if err != nil {
		return fmt.Errorf("the updated file is not a valid IDF: %w", err)
	}
	if got := sim.MajorMinor(idf.Summarize(f).Version); got != to {
		return fmt.Errorf("the updated file declares version %q, not %s", got, to)
	}
	return nil
}

// updaterMessages is what an updater said about a failure: the Severe and Fatal lines of its
// .VCpErr file (with their continuation lines), the whole file when it has none, or the end
// of its console output when it wrote no error file.
func updaterMessages(errFile string, console []byte) string {
	const limit = 2000
	if data, err := os.ReadFile(errFile); err == nil && strings.TrimSpace(string(data)) != "" {
		text := strings.TrimSpace(string(data))
		if severe := severeLines(text); severe != "" {
			text = severe
		}
		return text[:min(len(text), limit)] // the first problems matter most
	}
	var lines []string
	for _, line := range strings.Split(string(console), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		return "the updater said nothing"
	}
	text := strings.Join(lines, "; ")
	return text[max(0, len(text)-limit):] // a console's last lines say how it ended
}

// severeLines joins the Severe and Fatal messages of an error file, with their "~~~"
// continuation lines.
func severeLines(text string) string {
	var keep []string
	inMessage := false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "**") && (strings.Contains(line, "Severe") || strings.Contains(line, "Fatal")):
			inMessage = true
			keep = append(keep, line)
		case inMessage && strings.HasPrefix(line, "**") && strings.Contains(line, "~~~"):
			keep = append(keep, line)
		default:
			inMessage = false
		}
	}
	return strings.Join(keep, "; ")
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
