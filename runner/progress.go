package runner

import (
	"strings"
	"time"

	"epsm/idf"
	"epsm/sim"
)

// reportingPercent is where the bar stands while EnergyPlus writes its reports: the simulation
// is over but the run has not succeeded yet, and only success may show 100.
const reportingPercent = 99

// ProgressTracker reproduces EnergyPlus's own percent-done figure from its output lines:
// simulated days over the total days of all environments, a design day counting one day.
// The plan comes from the IDF; environments the plan does not know are added as they appear.
type ProgressTracker struct {
	envs     []idf.Environment
	total    int
	current  int // index into envs of the environment being simulated, -1 before the first
	envStart time.Time
	hasStart bool
	p        sim.Progress
}

// NewProgressTracker starts a tracker for the environments a run will simulate, in run order.
func NewProgressTracker(envs []idf.Environment) *ProgressTracker {
	t := &ProgressTracker{envs: append([]idf.Environment(nil), envs...), current: -1}
	for _, e := range t.envs {
		t.total += max(e.Days, 1)
	}
	t.p = sim.Progress{Phase: sim.PhaseStarting, TotalDays: t.total}
	return t
}

// Progress returns the latest state.
func (t *ProgressTracker) Progress() sim.Progress { return t.p }

// Line consumes one output line and reports whether the visible progress changed.
func (t *ProgressTracker) Line(line string) bool {
	before := t.p
	s := strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(s, "Starting Simulation at "):
		date, env := splitSimLine(strings.TrimPrefix(s, "Starting Simulation at "))
		t.startEnvironment(env, date)
	case strings.HasPrefix(s, "Continuing Simulation at "):
		date, env := splitSimLine(strings.TrimPrefix(s, "Continuing Simulation at "))
		t.continueEnvironment(env, date)
	case strings.HasPrefix(s, "Warming up"):
		if t.p.Phase != sim.PhaseSizing {
			t.p.Phase = sim.PhaseWarmup
		}
	case strings.HasPrefix(s, "Performing Zone Sizing"), strings.HasPrefix(s, "Performing System Sizing"),
		strings.HasPrefix(s, "Calculating System sizing"), strings.HasPrefix(s, "Performing HVAC Sizing"),
		strings.HasPrefix(s, "Adjusting Air System Sizing"):
		t.p.Phase = sim.PhaseSizing
	case strings.HasPrefix(s, "Beginning Primary Simulation"), strings.HasPrefix(s, "Initializing New Environment Parameters"):
		t.p.Phase = sim.PhaseWarmup
	case strings.HasPrefix(s, "Writing tabular output"), strings.HasPrefix(s, "Writing final SQL"),
		strings.HasPrefix(s, "Computing Life Cycle Costs"):
		t.p.Phase = sim.PhaseReporting
		t.setPercent(reportingPercent)
	case strings.HasPrefix(s, "Initializing"), strings.HasPrefix(s, "Calculating CTFs"), strings.HasPrefix(s, "Reporting Surfaces"):
		if t.p.Phase == sim.PhaseStarting {
			t.p.Phase = sim.PhaseInitializing
		}
	}
	return t.p != before
}

// Finish fixes the final state: 100 only on success, the last reached percent otherwise.
func (t *ProgressTracker) Finish(success bool) sim.Progress {
	if success {
		t.p.Percent = 100
		t.p.Phase = sim.PhaseDone
		t.p.DaysDone = t.total
	} else {
		t.p.Phase = sim.PhaseFailed
	}
	return t.p
}

func (t *ProgressTracker) startEnvironment(name, date string) {
	idx := t.find(name)
	if idx < 0 {
		// The plan missed this environment (e.g. a sizing period type we do not read): add it
		// with a guess so the bar keeps moving; design days print MM/DD, weather periods MM/DD/YYYY.
		days := 1
		if strings.Count(date, "/") == 2 {
			days = 365
		}
		t.envs = append(t.envs, idf.Environment{Name: name, Kind: "Unplanned", Days: days})
		t.total += days
		t.p.TotalDays = t.total
		idx = len(t.envs) - 1
	}
	t.current = idx
	t.envStart, t.hasStart = parseSimDate(date)
	t.p.Phase = sim.PhaseSimulating
	t.p.Environment = name
	t.p.SimDate = date
	t.setDays(t.daysBefore(idx))
}

func (t *ProgressTracker) continueEnvironment(name, date string) {
	if t.current < 0 || !sameEnvName(t.envs[t.current].Name, name) {
		t.startEnvironment(name, date)
		return
	}
	t.p.Phase = sim.PhaseSimulating
	t.p.SimDate = date
	if d, ok := parseSimDate(date); ok && t.hasStart {
		elapsed := int(d.Sub(t.envStart).Hours()/24 + 0.5)
		elapsed = min(max(elapsed, 0), max(t.envs[t.current].Days, 1))
		t.setDays(t.daysBefore(t.current) + elapsed)
	}
}

func (t *ProgressTracker) daysBefore(idx int) int {
	n := 0
	for _, e := range t.envs[:idx] {
		n += max(e.Days, 1)
	}
	return n
}

func (t *ProgressTracker) setDays(days int) {
	if days > t.p.DaysDone {
		t.p.DaysDone = days
	}
	if t.total > 0 {
		t.setPercent(float64(t.p.DaysDone) / float64(t.total) * reportingPercent)
	}
}

// setPercent never moves the bar backwards.
func (t *ProgressTracker) setPercent(p float64) {
	if p > t.p.Percent {
		t.p.Percent = min(p, reportingPercent)
	}
}

func (t *ProgressTracker) find(name string) int {
	// Search from the current environment on so that two environments with the same name are
	// taken in run order.
	for i := max(t.current+1, 0); i < len(t.envs); i++ {
		if sameEnvName(t.envs[i].Name, name) {
			return i
		}
	}
	for i := range t.envs {
		if sameEnvName(t.envs[i].Name, name) {
			return i
		}
	}
	return -1
}

// sameEnvName compares as EnergyPlus does: it upper-cases names when it prints them.
func sameEnvName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// splitSimLine splits "01/21/2013 for RUN PERIOD 1" into its date and environment name.
func splitSimLine(rest string) (date, env string) {
	date, env, _ = strings.Cut(rest, " for ")
	return strings.TrimSpace(date), strings.TrimSpace(env)
}

func parseSimDate(s string) (time.Time, bool) {
	for _, layout := range []string{"01/02/2006", "1/2/2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
