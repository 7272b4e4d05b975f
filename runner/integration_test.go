package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"epsm/eplusout"
	"epsm/internal/proctest"
	"epsm/internal/tabular"
	"epsm/internal/tempdir"
	"epsm/launch"
	"epsm/sim"
)

const (
	sharedEnergyPlus = "../../shared/testdata/energyplus"
	goldenEPW        = "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"
	chicagoEPW       = sharedEnergyPlus + "/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"
)

type recorder struct {
	mu      sync.Mutex
	updates []Update
}

func (r *recorder) report(u Update) {
	r.mu.Lock()
	r.updates = append(r.updates, u)
	r.mu.Unlock()
}

func (r *recorder) all() []Update {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Update(nil), r.updates...)
}

func TestRealEngineRunsModels(t *testing.T) {
	engine := realEngine(t)
	tests := []struct {
		name, model, weather string
	}{
		// examples/1ZoneUncontrolled.idf: the EnergyPlus 9.4 example transitioned to 25.2.
		{"1ZoneUncontrolled+Golden", "../examples/1ZoneUncontrolled.idf", goldenEPW},
		// epsm/test.idf is 23.2; it still validates on 25.2 (a version warning only).
		{"epsm-test-4zone+Chicago", "../../shared/testdata/epsm/test.idf", chicagoEPW},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := &Runner{Engine: engine}
			rec := &recorder{}
			dir := filepath.Join(tempdir.New(t), "run")
			out := r.Run(context.Background(), Job{ID: 1, Dir: dir, Model: tt.model, Weather: tt.weather}, rec.report)
			if out.Status != sim.StatusSucceeded {
				t.Fatalf("status %s: %s (last severe %q)", out.Status, out.Message, out.LastSevere)
			}
			if out.Progress.Percent != 100 || out.Progress.Phase != sim.PhaseDone {
				t.Errorf("final progress %+v", out.Progress)
			}
			if out.Results == nil {
				t.Fatalf("no results: %s", out.Message)
			}
			// Every figure ReadResults extracts from eplusout.sql is the figure EnergyPlus
			// printed in the same run's eplustbl.htm, read by a separate parser with its own
			// unit factors (the 1-zone example reports in GJ, test.idf in kWh).
			res, err := eplusout.ReadResults(filepath.Join(dir, "eplusout.sql"))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res, out.Results) {
				t.Errorf("the outcome's results %+v are not ReadResults' %+v", out.Results, res)
			}
			report, err := tabular.ReadFile(filepath.Join(dir, "eplustbl.htm"))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range tabular.Disagreements(res, report) {
				t.Error(d)
			}
			if res.TotalAreaM2 <= 0 || res.EUIKWhPerM2 <= 0 || len(res.EndUses) == 0 {
				t.Errorf("results incomplete: %+v", res)
			}
			es, err := eplusout.ParseErrFile(filepath.Join(dir, "eplusout.err"))
			if err != nil {
				t.Fatal(err)
			}
			if out.Warnings != es.Warnings || out.Severe != es.Severe {
				t.Errorf("outcome counts %d/%d, err file %d/%d", out.Warnings, out.Severe, es.Warnings, es.Severe)
			}
			// Live progress: several running updates, percent never backwards, below 100.
			last, running := -1.0, 0
			for _, u := range rec.all() {
				if u.Status != sim.StatusRunning {
					continue
				}
				running++
				if u.Progress.Percent < last || u.Progress.Percent >= 100 {
					t.Fatalf("running update percent %.2f after %.2f", u.Progress.Percent, last)
				}
				last = u.Progress.Percent
			}
			if running < 5 || last < 50 {
				t.Errorf("saw %d running updates reaching %.1f%%", running, last)
			}
			// The user's model is untouched; the run copy carries the injected outputs.
			runCopy, _ := os.ReadFile(filepath.Join(dir, "in.idf"))
			if !strings.Contains(string(runCopy), "Output:SQLite") {
				t.Error("run copy has no Output:SQLite")
			}
		})
	}
}

func TestRealEngineFatalModel(t *testing.T) {
	engine := realEngine(t)
	r := &Runner{Engine: engine}
	// A 25.2 model with a surface whose construction does not exist: the model's own fault.
	src, err := os.ReadFile("../examples/1ZoneUncontrolled.idf")
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(tempdir.New(t), "broken.idf")
	text := strings.Replace(string(src), "    R13WALL,                 !- Construction Name", "    NO_SUCH_WALL,            !- Construction Name", 1)
	if err := os.WriteFile(broken, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := r.Run(context.Background(), Job{ID: 2, Dir: filepath.Join(tempdir.New(t), "run"), Model: broken, Weather: goldenEPW}, func(Update) {})
	if out.Status != sim.StatusFatal || out.Kind != sim.KindModelFatal {
		t.Fatalf("status %s, kind %q, want fatal/model-fatal (%s)", out.Status, out.Kind, out.Message)
	}
	if !strings.Contains(out.FirstSevere, "NO_SUCH_WALL") {
		t.Errorf("first severe = %q, want the missing construction named", out.FirstSevere)
	}
	if out.Headline() != out.FirstSevere {
		t.Errorf("headline = %q, want the first severe error, not EnergyPlus's generic %q", out.Headline(), out.Message)
	}
	if out.Results != nil || out.Progress.Percent == 100 {
		t.Errorf("a fatal run has no results and never shows 100%%: %+v", out.Progress)
	}
}

func TestRealEngineVersionMismatchIsSaidPlainly(t *testing.T) {
	engine := realEngine(t)
	r := &Runner{Engine: engine}
	// The 9.4 original no longer validates on 25.2 (BuildingSurface:Detailed gained a field).
	out := r.Run(context.Background(), Job{ID: 2, Dir: filepath.Join(tempdir.New(t), "run"),
		Model: sharedEnergyPlus + "/1ZoneUncontrolled.idf", Weather: goldenEPW}, func(Update) {})
	if out.Status != sim.StatusFatal || out.Kind != sim.KindVersionMismatch {
		t.Fatalf("status %s, kind %q, want fatal/version-mismatch (%s)", out.Status, out.Kind, out.Message)
	}
	for _, want := range []string{"9.4", engine.Version, "IDFVersionUpdater"} {
		if !strings.Contains(out.Headline(), want) {
			t.Errorf("headline %q does not say %q", out.Headline(), want)
		}
	}
	if !strings.Contains(out.LastSevere, "vertex_z_coordinate") || out.Severe != 2 || out.FirstSevere == "" {
		t.Errorf("severe errors kept: first %q, last %q, count %d", out.FirstSevere, out.LastSevere, out.Severe)
	}
}

func TestRealEngineCancelLeavesNoProcess(t *testing.T) {
	engine := realEngine(t)
	r := &Runner{Engine: engine}
	dir := filepath.Join(tempdir.New(t), "run")
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	var once sync.Once
	var cancelledAt time.Time
	var identities []launch.Identity
	out := r.Run(ctx, Job{ID: 3, Dir: dir, Model: "../../shared/testdata/epsm/test.idf", Weather: chicagoEPW}, func(u Update) {
		if u.Process != nil {
			if u.Status != sim.StatusRunning || len(identities) > 0 {
				t.Errorf("engine identity in update %+v (after %d before)", u, len(identities))
			}
			identities = append(identities, *u.Process)
		}
		if u.Status == sim.StatusRunning && u.Progress.Phase == sim.PhaseSimulating {
			once.Do(func() {
				cancelledAt = time.Now()
				cancel(ErrCancelled)
			})
		}
	})
	if out.Status != sim.StatusCancelled {
		t.Fatalf("status %s, want cancelled (%s)", out.Status, out.Message)
	}
	if waited := time.Since(cancelledAt); waited > 2*time.Second {
		t.Errorf("cancel took %s", waited)
	}
	if pids := proctest.Under(dir); len(pids) > 0 {
		t.Errorf("processes still running in the run folder: %v", pids)
	}
	// The engine's identity came once, in time to be recorded, and names the engine that ended.
	if len(identities) != 1 || identities[0].PID <= 0 || identities[0].Start == "" {
		t.Fatalf("engine identities reported: %+v", identities)
	}
	if _, err := launch.IdentityOf(identities[0].PID); !errors.Is(err, os.ErrProcessDone) {
		t.Errorf("the cancelled engine %+v: %v", identities[0], err)
	}
}

func TestInputErrorsNameTheFile(t *testing.T) {
	engine := realEngine(t)
	tmp := tempdir.New(t)
	notIDF := filepath.Join(tmp, "garbage.idf")
	os.WriteFile(notIDF, []byte("\x00\x01\x02 binary"), 0o644)
	notEPW := filepath.Join(tmp, "fake.epw")
	os.WriteFile(notEPW, []byte("hello,world\n"), 0o644)
	tests := []struct {
		name, model, weather, wantInMessage string
	}{
		{"missing model", filepath.Join(tmp, "nope.idf"), goldenEPW, "nope.idf"},
		{"binary model", notIDF, goldenEPW, "garbage.idf"},
		{"weather not an EPW", "../examples/1ZoneUncontrolled.idf", notEPW, "fake.epw"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Runner{Engine: engine}
			out := r.Run(context.Background(), Job{ID: int64(10 + i), Dir: filepath.Join(tmp, fmt.Sprint("run", i)), Model: tt.model, Weather: tt.weather}, func(Update) {})
			if out.Status != sim.StatusInputError || !strings.Contains(out.Message, tt.wantInMessage) {
				t.Fatalf("status %s message %q, want input error naming %s", out.Status, out.Message, tt.wantInMessage)
			}
		})
	}
	noEngine := (&Runner{}).Run(context.Background(), Job{ID: 20, Dir: filepath.Join(tmp, "x"), Model: "../examples/1ZoneUncontrolled.idf", Weather: goldenEPW}, func(Update) {})
	if noEngine.Status != sim.StatusInputError || !strings.Contains(noEngine.Message, "no EnergyPlus engine") {
		t.Fatalf("no engine: %+v", noEngine)
	}
}
