package runner

import (
	"bufio"
	"os"
	"testing"

	"epsm/idf"
	"epsm/sim"
)

// replay feeds a captured EnergyPlus output into a tracker and returns every visible state.
func replay(t *testing.T, path string, envs []idf.Environment) []sim.Progress {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := NewProgressTracker(envs)
	var seen []sim.Progress
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if tr.Line(sc.Text()) {
			seen = append(seen, tr.Progress())
		}
	}
	return append(seen, tr.Finish(true))
}

func TestProgressReplaysRealRuns(t *testing.T) {
	oneZone := []idf.Environment{
		{Name: "Denver Centennial  Golden   N Ann Htg 99% Condns DB", Kind: idf.KindDesignDay, Days: 1},
		{Name: "Denver Centennial  Golden   N Ann Clg 1% Condns DB=>MWB", Kind: idf.KindDesignDay, Days: 1},
		{Name: "Run Period 1", Kind: idf.KindRunPeriod, Days: 365},
	}
	tests := []struct {
		name      string
		file      string
		envs      []idf.Environment
		wantPhase []string // phases that must appear, in this order
		// the state right after the given line count of "Continuing Simulation" lines
		wantDaysAtFirstContinue int
	}{
		{
			name: "1zone: 2 design days then annual", file: "testdata/stdout-1zone-annual-25.2.txt", envs: oneZone,
			wantPhase:               []string{sim.PhaseSizing, sim.PhaseWarmup, sim.PhaseSimulating, sim.PhaseReporting, sim.PhaseDone},
			wantDaysAtFirstContinue: 2 + 20, // both design days done, then 01/01 -> 01/21
		},
		{
			name: "epsm test.idf: annual 2006 only", file: "testdata/stdout-epsm-test-25.2.txt",
			envs:                    []idf.Environment{{Name: "Run Period 1", Kind: idf.KindRunPeriod, Days: 365}},
			wantPhase:               []string{sim.PhaseInitializing, sim.PhaseSimulating, sim.PhaseReporting, sim.PhaseDone},
			wantDaysAtFirstContinue: 30,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := replay(t, tt.file, tt.envs)
			last := -1.0
			next := 0
			for i, p := range seen {
				if p.Percent < last {
					t.Fatalf("percent went backwards at state %d: %.2f after %.2f", i, p.Percent, last)
				}
				if p.Percent >= 100 && i != len(seen)-1 {
					t.Fatalf("100%% before success at state %d", i)
				}
				last = p.Percent
				if next < len(tt.wantPhase) && p.Phase == tt.wantPhase[next] {
					next++
				}
			}
			if got := daysAtFirstContinue(t, tt.file, tt.envs); got != tt.wantDaysAtFirstContinue {
				t.Errorf("days done at the first Continuing line = %d, want %d", got, tt.wantDaysAtFirstContinue)
			}
			if next != len(tt.wantPhase) {
				t.Errorf("phases: saw %d of %v in order", next, tt.wantPhase)
			}
			final := seen[len(seen)-1]
			if final.Percent != 100 || final.Phase != sim.PhaseDone {
				t.Errorf("final = %+v, want 100%% done", final)
			}
		})
	}
}

func TestProgressPercentIsSimulatedDaysOverTotal(t *testing.T) {
	envs := []idf.Environment{
		{Name: "DD1", Kind: idf.KindDesignDay, Days: 1},
		{Name: "DD2", Kind: idf.KindDesignDay, Days: 1},
		{Name: "Run Period 1", Kind: idf.KindRunPeriod, Days: 365},
	}
	steps := []struct {
		line     string
		wantDays int
		phase    string
	}{
		{"EnergyPlus Starting", 0, sim.PhaseStarting},
		{"Initializing Response Factors", 0, sim.PhaseInitializing},
		{"Warming up {1}", 0, sim.PhaseWarmup},
		{"Starting Simulation at 12/21 for DD1", 0, sim.PhaseSimulating},
		{"Warming up {1}", 1 - 1, sim.PhaseWarmup},
		{"Starting Simulation at 07/21 for dd2", 1, sim.PhaseSimulating},
		{"Starting Simulation at 01/01/2013 for RUN PERIOD 1", 2, sim.PhaseSimulating},
		{"Updating Shadowing Calculations, Start Date=01/21/2013", 2, sim.PhaseSimulating},
		{"Continuing Simulation at 01/21/2013 for RUN PERIOD 1", 22, sim.PhaseSimulating},
		{"Continuing Simulation at 12/27/2013 for RUN PERIOD 1", 2 + 360, sim.PhaseSimulating},
		{"Writing tabular output file results using HTML format.", 362, sim.PhaseReporting},
	}
	tr := NewProgressTracker(envs)
	for _, s := range steps {
		tr.Line(s.line)
		p := tr.Progress()
		if p.DaysDone != s.wantDays || p.Phase != s.phase {
			t.Fatalf("after %q: days %d phase %q, want %d %q", s.line, p.DaysDone, p.Phase, s.wantDays, s.phase)
		}
		if s.phase != sim.PhaseReporting {
			want := float64(s.wantDays) / 367 * reportingPercent
			if diff := p.Percent - want; diff > 1e-9 || diff < -1e-9 {
				t.Fatalf("after %q: percent %.3f, want %.3f", s.line, p.Percent, want)
			}
		}
	}
	if p := tr.Progress(); p.Percent != reportingPercent {
		t.Fatalf("reporting percent = %v, want %v", p.Percent, reportingPercent)
	}
	if p := tr.Finish(false); p.Percent == 100 || p.Phase != sim.PhaseFailed {
		t.Fatalf("a failed run must not reach 100%%: %+v", p)
	}
}

func TestProgressUnplannedEnvironmentKeepsMoving(t *testing.T) {
	tr := NewProgressTracker(nil)
	tr.Line("Starting Simulation at 01/01/2013 for SOMETHING UNREAD")
	tr.Line("Continuing Simulation at 07/02/2013 for SOMETHING UNREAD")
	p := tr.Progress()
	if p.TotalDays != 365 || p.DaysDone != 182 {
		t.Fatalf("unplanned environment: %+v", p)
	}
}

func daysAtFirstContinue(t *testing.T, path string, envs []idf.Environment) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := NewProgressTracker(envs)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		tr.Line(sc.Text())
		if len(sc.Text()) > 10 && sc.Text()[:10] == "Continuing" {
			return tr.Progress().DaysDone
		}
	}
	return -1
}
