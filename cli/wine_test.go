//go:build linux

package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"epsm/internal/enginetest"
	"epsm/internal/proctest"
	"epsm/internal/tabular"
	"epsm/services/studysvc"
	"epsm/sim"
	"epsm/version"
)

// The Windows build end to end: make test-windows cross-builds epsm.exe (stamped as the Linux
// builds are) and runs this test on Linux with EPSM_WINDOWS_EXE (that epsm.exe), EPSM_WINE (the
// wine64 loader, with WINEPREFIX set to the project's prefix) and EPSM_WINDOWS_ENGINE (the
// Windows EnergyPlus, as a Z: path). epsm.exe runs models and a study under Wine with the
// Windows engine; this test runs the same commands in the Linux build (Main, with the Linux
// engine of ENERGYPLUS_EXE) and compares what both print and write.

// wineEPSM runs epsm.exe under Wine.
type wineEPSM struct{ wine, exe, engine string }

func windowsBuild(t *testing.T) wineEPSM {
	t.Helper()
	w := wineEPSM{wine: os.Getenv("EPSM_WINE"), exe: os.Getenv("EPSM_WINDOWS_EXE"), engine: os.Getenv("EPSM_WINDOWS_ENGINE")}
	if w.exe == "" {
		t.Skip("make test-windows runs this test (it needs epsm.exe, Wine and the Windows EnergyPlus)")
	}
	if w.wine == "" || w.engine == "" || os.Getenv("WINEPREFIX") == "" {
		t.Fatal("EPSM_WINDOWS_EXE is set, but EPSM_WINE, EPSM_WINDOWS_ENGINE or WINEPREFIX is not")
	}
	requireEngine(t)
	return w
}

// command is epsm.exe with args, on the Windows engine. Relative paths work as they are (Wine
// maps the working folder to Z:), absolute ones are given as Z: paths.
func (w wineEPSM) command(args ...string) *exec.Cmd {
	cmd := exec.Command(w.wine, append([]string{w.exe}, args...)...)
	cmd.Env = append(os.Environ(), "ENERGYPLUS_EXE="+w.engine, "WINEDEBUG=-all")
	// A Wine service started by this command could keep its output pipes open: Wait does
	// not wait for them past the program's own end.
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// run runs epsm.exe to its end and returns its exit code, stdout and stderr.
func (w wineEPSM) run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := w.command(args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		t.Fatalf("wine epsm.exe %s: %v", strings.Join(args, " "), err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// linux runs the same command in this (Linux) build.
func linux(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := Main(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func winPath(p string) string { return "Z:" + p }

// unixPath is the Linux path of a Z: path epsm.exe printed.
func unixPath(p string) string { return strings.ReplaceAll(strings.TrimPrefix(p, "Z:"), `\`, "/") }

// epsm.exe knows the version, commit and commit date the Makefile stamped, the same as this
// test's Linux build, and the commit is the one checked out.
func TestWindowsBuildIsStamped(t *testing.T) {
	w := windowsBuild(t)
	code, out, errOut := w.run(t, "--version")
	if code != 0 || out != "epsm "+version.String()+"\n" {
		t.Fatalf("epsm.exe --version = %d, %q (%s); want %q", code, out, errOut, "epsm "+version.String())
	}
	head, err := exec.Command("git", "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(version.Commit, strings.TrimSpace(string(head))) || version.Date == "" {
		t.Fatalf("stamped commit %q (date %q), checked out %s", version.Commit, version.Date, head)
	}
}

// The two models of the Linux integration tests, run by epsm.exe under Wine with the Windows
// engine and by the Linux build with the Linux engine: both succeed with the same figures to 4
// significant figures, and epsm.exe's JSON says what the Windows run's own eplustbl.htm says.
func TestWindowsBuildRunsModelsAsLinuxDoes(t *testing.T) {
	w := windowsBuild(t)
	tmp := t.TempDir()
	for _, tc := range []struct{ name, model, weather string }{
		{"1ZoneUncontrolled+Golden", "../examples/1ZoneUncontrolled.idf", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"},
		{"epsm-test-4zone+Chicago", "../../shared/testdata/epsm/test.idf", "../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"run", "--weather", tc.weather, tc.model, "--json", "--data-dir"}
			code, out, errOut := w.run(t, append(args, winPath(filepath.Join(tmp, "windows")))...)
			win := oneRun(t, "epsm.exe", code, out, errOut)
			code, out, errOut = linux(append(args, filepath.Join(tmp, "linux"))...)
			lin := oneRun(t, "linux", code, out, errOut)
			t.Logf("total site energy: Windows %.4f kWh, Linux %.4f kWh; area %.2f / %.2f m2", win.Results.TotalSiteKWh, lin.Results.TotalSiteKWh, win.Results.TotalAreaM2, lin.Results.TotalAreaM2)
			if !enginetest.Same4(win.Results.TotalSiteKWh, lin.Results.TotalSiteKWh) || !enginetest.Same4(win.Results.TotalAreaM2, lin.Results.TotalAreaM2) || !enginetest.Same4(win.Results.EUIKWhPerM2, lin.Results.EUIKWhPerM2) {
				t.Errorf("Windows %+v\nLinux   %+v\nnot the same to 4 significant figures", *win.Results, *lin.Results)
			}
			report, err := tabular.ReadFile(filepath.Join(unixPath(win.OutputDir), "eplustbl.htm"))
			if err != nil {
				t.Fatalf("the Windows run's output folder %s: %v", win.OutputDir, err)
			}
			for _, d := range tabular.Disagreements(win.Results, report) {
				t.Errorf("epsm.exe's JSON vs its eplustbl.htm: %s", d)
			}
		})
	}
}

func oneRun(t *testing.T, who string, code int, stdout, stderr string) runResult {
	t.Helper()
	var rows []runResult
	if err := json.Unmarshal([]byte(stdout), &rows); err != nil || code != 0 || len(rows) != 1 || rows[0].Status != sim.StatusSucceeded || rows[0].Results == nil {
		t.Fatalf("%s: exit %d, %v, rows %+v\nstdout %s\nstderr %s", who, code, err, rows, stdout, stderr)
	}
	return rows[0]
}

// A study of 2 wall options x 2 roof options (4 variants, the baseline one of them) of the
// heated and cooled 4-zone model in Chicago, built, run and evaluated by epsm.exe under Wine:
// the variant table (JSON) and its CSV export are the Linux build's, figure for figure to 4
// significant figures.
func TestWindowsBuildRunsAStudyAsLinuxDoes(t *testing.T) {
	w := windowsBuild(t)
	tmp := t.TempDir()
	spec := func(name, root string) string {
		p := filepath.Join(tmp, name)
		s := fmt.Sprintf(`{"name": "2 walls x 2 roofs", "model": %q, "weather": [%q],
  "options": {"wall": ["keep", "wall_concrete_etics_sw100"], "roof": ["keep", "flat_roof_concrete_pir120"]},
  "sampling": {"mode": "factorial"}}`, root+"/shared/testdata/epsm/test.idf", root+"/shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	shared, err := filepath.Abs("../..") // the repository and the shared test data beside it
	if err != nil {
		t.Fatal(err)
	}
	winSpec, linSpec := spec("windows.json", winPath(shared)), spec("linux.json", shared)
	winCSV, linCSV := filepath.Join(tmp, "windows.csv"), filepath.Join(tmp, "linux.csv")

	code, out, errOut := w.run(t, "study", winPath(winSpec), "--count")
	if code != 0 || out != "3 variants besides the baseline\n" {
		t.Fatalf("epsm.exe study --count: %d %q %s", code, out, errOut)
	}
	code, out, errOut = w.run(t, "study", winPath(winSpec), "--json", "--jobs", "2", "--csv", winPath(winCSV), "--data-dir", winPath(filepath.Join(tmp, "windows")))
	win := studyTable(t, "epsm.exe", code, out, errOut)
	code, out, errOut = linux("study", linSpec, "--json", "--jobs", "2", "--csv", linCSV, "--data-dir", filepath.Join(tmp, "linux"))
	lin := studyTable(t, "linux", code, out, errOut)

	for i, wr := range win.Rows {
		lr := lin.Rows[i]
		if wr.Key != lr.Key || wr.Name != lr.Name || wr.Status != lr.Status || wr.Baseline != lr.Baseline || fmt.Sprint(wr.Choices) != fmt.Sprint(lr.Choices) || fmt.Sprint(wr.Areas) != fmt.Sprint(lr.Areas) {
			t.Errorf("row %d: Windows %s %q %s %v %v, Linux %s %q %s %v %v", i, wr.Key, wr.Name, wr.Status, wr.Choices, wr.Areas, lr.Key, lr.Name, lr.Status, lr.Choices, lr.Areas)
		}
		if wr.LCA == nil || lr.LCA == nil {
			t.Fatalf("row %d (%s) has no LCA: Windows %v, Linux %v", i, wr.Key, wr.LCA != nil, lr.LCA != nil)
		}
		t.Logf("%-28s site %.4f / %.4f kWh, life-cycle %.2f / %.2f kgCO2e (Windows / Linux)", wr.Name, wr.Results.TotalSiteKWh, lr.Results.TotalSiteKWh, wr.LCA.LifeCycleKgCO2e.Value, lr.LCA.LifeCycleKgCO2e.Value)
		for _, f := range []struct {
			name string
			w, l float64
		}{
			{"site energy", wr.Results.TotalSiteKWh, lr.Results.TotalSiteKWh},
			{"EUI", wr.Results.EUIKWhPerM2, lr.Results.EUIKWhPerM2},
			{"embodied carbon", wr.LCA.EmbodiedKgCO2e.Value, lr.LCA.EmbodiedKgCO2e.Value},
			{"life-cycle carbon", wr.LCA.LifeCycleKgCO2e.Value, lr.LCA.LifeCycleKgCO2e.Value},
			{"life-cycle cost", wr.LCA.LifeCycleCost.Value, lr.LCA.LifeCycleCost.Value},
			{"investment", wr.LCA.InvestmentCost.Value, lr.LCA.InvestmentCost.Value},
		} {
			if !enginetest.Same4(f.w, f.l) {
				t.Errorf("%s, %s: Windows %v, Linux %v", wr.Key, f.name, f.w, f.l)
			}
		}
		if wr.ParetoCarbonCost != lr.ParetoCarbonCost || wr.ParetoEnergyEmbodied != lr.ParetoEnergyEmbodied {
			t.Errorf("%s: Pareto flags Windows %v/%v, Linux %v/%v", wr.Key, wr.ParetoCarbonCost, wr.ParetoEnergyEmbodied, lr.ParetoCarbonCost, lr.ParetoEnergyEmbodied)
		}
	}
	compareCSV(t, readCSV(t, winCSV), readCSV(t, linCSV))
}

func studyTable(t *testing.T, who string, code int, stdout, stderr string) studysvc.StudyTable {
	t.Helper()
	var table studysvc.StudyTable
	if err := json.Unmarshal([]byte(stdout), &table); err != nil || code != 0 || len(table.Rows) != 4 || table.Finished != 4 {
		t.Fatalf("%s: exit %d, %v, %d rows, %d finished\nstderr %s", who, code, err, len(table.Rows), table.Finished, stderr)
	}
	for _, r := range table.Rows {
		if !r.Status.Succeeded() || r.Results == nil {
			t.Fatalf("%s: variant %s %s: %s", who, r.Key, r.Status, r.Message)
		}
	}
	return table
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// compareCSV: the same header and rows; numbers the same to 4 significant figures, the rest
// the same text.
func compareCSV(t *testing.T, win, lin [][]string) {
	t.Helper()
	if len(win) != 5 || len(lin) != len(win) || strings.Join(win[0], ",") != strings.Join(lin[0], ",") {
		t.Fatalf("CSV: Windows %d lines, Linux %d; headers\n%q\n%q", len(win), len(lin), win[0], lin[0])
	}
	for i := 1; i < len(win); i++ {
		for j, wc := range win[i] {
			lc := lin[i][j]
			wf, werr := strconv.ParseFloat(wc, 64)
			lf, lerr := strconv.ParseFloat(lc, 64)
			if werr == nil && lerr == nil && enginetest.Same4(wf, lf) || wc == lc {
				continue
			}
			t.Errorf("CSV line %d, %s: Windows %q, Linux %q", i+1, win[0][j], wc, lc)
		}
	}
}

// epsm.exe killed (SIGKILL to its Wine process, as the task manager's End task would) in the
// middle of a batch: the Windows engines it started die with it (their job objects close with
// the last handle), no process of the batch is left in the Wine session, and the same command
// run again finishes the batch, taking the runs that had finished from the store.
func TestWindowsBuildKilledMidBatchLeavesNoEngineAndResumes(t *testing.T) {
	w := windowsBuild(t)
	tmp := t.TempDir()
	src, err := os.ReadFile("../examples/1ZoneUncontrolled.idf")
	if err != nil {
		t.Fatal(err)
	}
	// The engines of this batch are the processes whose command line names its data folder.
	data, err := os.MkdirTemp(tmp, "epsm-killed-data-")
	if err != nil {
		t.Fatal(err)
	}
	marker := filepath.Base(data)
	args := []string{"run", "--jobs", "2", "--json", "--data-dir", winPath(data), "--weather", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}
	for i := 1; i <= 4; i++ {
		p := filepath.Join(tmp, fmt.Sprintf("variant %d.idf", i))
		if err := os.WriteFile(p, append(src, fmt.Sprintf("\n! variant %d\n", i)...), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, winPath(p))
	}
	first := w.command(args...)
	stderr, err := first.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	succeeded := false
	for !succeeded && sc.Scan() {
		succeeded = strings.Contains(sc.Text(), ": succeeded (")
	}
	// The next runs start once the first ones have handed back their workers.
	var engines []int
	for deadline := time.Now().Add(20 * time.Second); succeeded && len(engines) == 0 && time.Now().Before(deadline); {
		if engines = proctest.WithArgs("energyplus", marker); len(engines) == 0 {
			time.Sleep(50 * time.Millisecond) // polls the process list, as below
		}
	}
	first.Process.Kill()
	first.Wait()
	if !succeeded {
		t.Fatal("epsm.exe ended before a run succeeded")
	}
	if len(engines) == 0 {
		t.Fatal("no engine of the batch was running when epsm.exe was killed")
	}
	deadline := time.Now().Add(10 * time.Second)
	for left := proctest.WithArgs(marker); len(left) > 0; left = proctest.WithArgs(marker) { // epsm.exe's too
		if time.Now().After(deadline) {
			t.Fatalf("processes of the batch outlived the killed epsm.exe: %v (running at the kill: %v)", left, engines)
		}
		time.Sleep(50 * time.Millisecond)
	}

	code, out, errOut := w.run(t, args...)
	var rows []runResult
	if err := json.Unmarshal([]byte(out), &rows); err != nil || code != 0 || len(rows) != 4 {
		t.Fatalf("second command: exit %d, %v\n%s\n%s", code, err, out, errOut)
	}
	cached := 0
	for _, r := range rows {
		if r.Status != sim.StatusSucceeded || r.Results == nil {
			t.Errorf("run %d: %s %s", r.ID, r.Status, r.Message)
		}
		if r.Cached {
			cached++
		}
	}
	if cached < 1 || cached == 4 {
		t.Errorf("%d of 4 runs answered from the store, want those that had finished (at least 1, not all)", cached)
	}
}
