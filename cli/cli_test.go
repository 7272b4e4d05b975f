package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/enginetest"
	"epsm/internal/tabular"
	"epsm/internal/tempdir"
	"epsm/sim"
	"epsm/version"
)

func requireEngine(t *testing.T) { enginetest.Require(t) }

func TestRunPrintsJSONAndFailsOnAFatalRun(t *testing.T) {
	requireEngine(t)
	data := filepath.Join(tempdir.New(t), "data")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"run", "--data-dir", data, "--weather", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw",
		"../examples/1ZoneUncontrolled.idf", "../../shared/testdata/energyplus/1ZoneUncontrolled.idf", "--jobs", "2", "--json"}, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one run is fatal); stderr:\n%s", code, stderr.String())
	}
	var rows []runResult
	if err := json.Unmarshal(stdout.Bytes(), &rows); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout.String())
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	ok, fatal := rows[0], rows[1]
	if ok.Status != sim.StatusSucceeded || ok.Results == nil {
		t.Fatalf("example run = %+v", ok)
	}
	// The JSON's figures (site energy, floor area, EUI, end uses, ...) are the ones
	// EnergyPlus printed in that run's own report, in its output folder.
	report, err := tabular.ReadFile(filepath.Join(ok.OutputDir, "eplustbl.htm"))
	if err != nil {
		t.Fatalf("output folder: %v", err)
	}
	for _, d := range tabular.Disagreements(ok.Results, report) {
		t.Errorf("JSON vs eplustbl.htm: %s", d)
	}
	if fatal.Status != sim.StatusFatal || fatal.Kind != sim.KindVersionMismatch || !strings.Contains(fatal.Message, "written for EnergyPlus 9.4") || !strings.Contains(fatal.LastSevere, "vertex_z_coordinate") {
		t.Errorf("fatal run = %+v", fatal)
	}
	if !strings.Contains(stderr.String(), "[1] 1ZoneUncontrolled.idf:") || !strings.Contains(stderr.String(), "succeeded") {
		t.Errorf("no per-run progress on stderr:\n%s", stderr.String())
	}
}

func TestRunBadInputExitsTwoNamingTheFile(t *testing.T) {
	requireEngine(t)
	var stdout, stderr bytes.Buffer
	code := Main([]string{"run", "--data-dir", tempdir.New(t), "--weather", "../examples/1ZoneUncontrolled.idf", "../examples/1ZoneUncontrolled.idf"}, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "1ZoneUncontrolled.idf") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
}

func TestInspect(t *testing.T) {
	requireEngine(t) // the version warning depends on the engines installed: 25.2 in the tests
	tests := []struct {
		args     []string
		code     int
		contains []string
		warning  string // on stderr; "" = no warning
	}{
		{[]string{"inspect", "../examples/1ZoneUncontrolled.idf"}, 0, []string{"Version      25.2", "Zones        1", "Runs annual  yes", "Sim. days    367", "exterior wall 278.7 m2 net", "roof 232.3 m2"}, ""},
		{[]string{"inspect", "--json", "../../shared/testdata/epsm/test.idf"}, 0, []string{`"zones": 4`, `"version": "23.2"`, `"simulatedDays": 365`, `"takeoff"`, `"byOrientation"`, `"constructions"`, `"windowWallRatio"`, `"engineWarning": "no installed EnergyPlus matches the model's version 23.2`},
			"no installed EnergyPlus matches the model's version 23.2 (installed: 25.2.0); The model is written for EnergyPlus 23.2 but ran on EnergyPlus 25.2.0: transition it to 25.2"},
		{[]string{"inspect", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw", "--json"}, 0, []string{`"country": "USA"`, `"latitude": 39.74`, `"timeZone": -7`}, ""},
		{[]string{"inspect", "../examples/LICENSE-EnergyPlus.txt"}, 1, nil, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Main(tt.args, &stdout, &stderr); code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, stderr.String())
			}
			for _, c := range tt.contains {
				if !strings.Contains(stdout.String(), c) {
					t.Errorf("output lacks %q:\n%s", c, stdout.String())
				}
			}
			if said := strings.Contains(stderr.String(), "warning:"); said != (tt.warning != "") || !strings.Contains(stderr.String(), tt.warning) {
				t.Errorf("stderr %q, want the warning %q", stderr.String(), tt.warning)
			}
		})
	}
}

func TestStudyWritesTheVariantTable(t *testing.T) {
	requireEngine(t)
	out := filepath.Join(tempdir.New(t), "variants.csv")
	var stdout, stderr bytes.Buffer
	code := Main([]string{"study", "../examples/studies/1zone-envelope.json", "--data-dir", tempdir.New(t), "--csv", out, "--jobs", "2"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	// 3 wall options x 2 roof options = 6 variants including the baseline, one weather file.
	// The same export as the app's: readable headers with units.
	if len(lines) != 1+6 || !strings.HasPrefix(lines[0], "Variant id,Variant,Baseline,Wall construction,Roof construction") || !strings.Contains(lines[0], "Embodied carbon [kg CO2e]") {
		t.Fatalf("csv:\n%s", data)
	}
	if !strings.Contains(lines[1], "Baseline") || !strings.Contains(stdout.String(), "6 of 6 runs finished") {
		t.Errorf("baseline row %q / stdout %q", lines[1], stdout.String())
	}
	var count bytes.Buffer
	if Main([]string{"study", "../examples/studies/1zone-envelope.json", "--count"}, &count, &stderr) != 0 || !strings.Contains(count.String(), "5 variants") {
		t.Errorf("--count: %q", count.String())
	}
}

// `epsm --version` names the version and, in a stamped build (the Makefile's), the commit and
// its date; a plain `go build` says it is unstamped rather than inventing a commit.
func TestVersionNamesTheCommitAndDate(t *testing.T) {
	commit, date := version.Commit, version.Date
	defer func() { version.Commit, version.Date = commit, date }()
	tests := []struct {
		commit, date, want string
	}{
		{"0123456789ab", "2026-12-04T10:00:00Z", "epsm " + version.Version + " (commit 0123456789ab, 2026-12-04T10:00:00Z)\n"},
		{"0123456789ab-dirty", "2026-12-04T10:00:00Z", "epsm " + version.Version + " (commit 0123456789ab-dirty, 2026-12-04T10:00:00Z)\n"},
		{"", "", "epsm " + version.Version + " (unstamped build)\n"},
	}
	for _, tt := range tests {
		version.Commit, version.Date = tt.commit, tt.date
		for _, arg := range []string{"--version", "version"} {
			var stdout, stderr bytes.Buffer
			if code := Main([]string{arg}, &stdout, &stderr); code != 0 || stdout.String() != tt.want {
				t.Errorf("epsm %s = %d, %q; want %q", arg, code, stdout.String(), tt.want)
			}
		}
	}
}

// A Sobol spec asking for more variants than its options make says so with the count, rather
// than promising runs that cannot exist.
func TestStudyCountExplainsASampleLargerThanTheOptions(t *testing.T) {
	spec := filepath.Join(tempdir.New(t), "sobol.json")
	body := `{"model": "m.idf", "weather": ["w.epw"], "options": {"wall": ["keep", "w1", "w2"], "roof": ["keep", "r1"]},
  "sampling": {"mode": "sobol", "n": 9, "seed": 3}}`
	if err := os.WriteFile(spec, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"study", spec, "--count"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := "5 variants besides the baseline\nsampling.n is 9 but the options make only 5 distinct combinations besides the baseline: all 5 run\n"
	if stdout.String() != want {
		t.Fatalf("stdout %q, want %q", stdout.String(), want)
	}
	stdout.Reset()
	if err := os.WriteFile(spec, []byte(strings.Replace(body, `"n": 9`, `"n": 0`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := Main([]string{"study", spec, "--count"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "sampling.n") || !strings.Contains(stderr.String(), "sobol.json") {
		t.Fatalf("n 0: exit %d, stderr %q", code, stderr.String())
	}
}
