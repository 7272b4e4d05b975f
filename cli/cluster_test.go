//go:build linux

package cli

import (
	"database/sql"
	"debug/elf"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"epsm/internal/enginetest"
	"epsm/internal/slurmtest"
	"epsm/internal/sshtest"
	"epsm/services/studysvc"
	"epsm/sim"
)

// `epsm run --target` on a real Slurm reached over SSH, killed with SIGKILL while its job
// array runs, then `epsm attach`: every run comes back once, with the figures of the same run
// made here, the store intact; the same command again is answered from the store without a job.
func TestRunOnSlurmKilledThenAttach(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	srv := sshtest.Start(t)
	tmp := t.TempDir()
	bin := buildEPSM(t, tmp) // the headless epsm: also the worker it sends
	home := srv.Home(t, "cluster", "", nil)
	env := append(os.Environ(), "HOME="+home, "SSH_AUTH_SOCK=", "ENERGYPLUS_EXE="+engine.Path)
	work := filepath.Join(slurm.Base, "work")
	target := fmt.Sprintf("slurm+ssh://cluster%s?partition=%s&max_parallel=1&engine=%s&prelude=%s",
		work, slurm.Partition, url.QueryEscape(engine.Path), url.QueryEscape("export SLURM_CONF="+slurm.Conf))
	data := filepath.Join(tmp, "data")
	models := []string{"../examples/1ZoneUncontrolled.idf", "../../shared/testdata/epsm/test.idf", "../../shared/testdata/energyplus/1ZoneEvapCooler.idf"}
	args := append([]string{"run", "--data-dir", data, "--json", "--target", target, "--weather", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}, models...)

	db, err := sql.Open("sqlite3", "file:"+filepath.Join(data, "epsm.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(q string) int {
		var n int
		db.QueryRow(q).Scan(&n)
		return n
	}

	first := exec.Command(bin, args...)
	first.Env = env
	var firstErr strings.Builder
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once the array is on the cluster and a run has come back, the others not yet.
	deadline := time.Now().Add(3 * time.Minute)
	for count(`SELECT COUNT(*) FROM remote_batches WHERE submission != ''`) == 0 || count(`SELECT COUNT(*) FROM runs WHERE status NOT IN ('queued', 'preparing', 'running')`) == 0 {
		if first.ProcessState != nil || time.Now().After(deadline) {
			t.Fatalf("the first command did not get a run back: %s", firstErr.String())
		}
		time.Sleep(200 * time.Millisecond) // polling the store of another process
	}
	first.Process.Signal(syscall.SIGKILL)
	first.Wait()
	back := count(`SELECT COUNT(*) FROM runs WHERE status NOT IN ('queued', 'preparing', 'running')`)
	t.Logf("killed with %d of 3 runs back", back)

	attach := exec.Command(bin, "attach", "--data-dir", data, "--json")
	attach.Env = env
	var attachErr strings.Builder
	attach.Stderr = &attachErr
	out, err := attach.Output()
	if err != nil && !strings.Contains(err.Error(), "exit status 1") { // 1: a run failed (the 9.4 model)
		t.Fatalf("epsm attach: %v\n%s", err, attachErr.String())
	}
	var rows []runResult
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("%v: %s\n%s", err, out, attachErr.String())
	}
	if len(rows) != 3 {
		t.Errorf("attach reported %d runs, want the batch's 3", len(rows))
	}

	// Every run is in the store once, with the figures the same runs give here.
	local := exec.Command(bin, append([]string{"run", "--data-dir", filepath.Join(tmp, "local"), "--json", "--weather", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}, models...)...)
	local.Env = env
	lout, _ := local.Output()
	var want []runResult
	if err := json.Unmarshal(lout, &want); err != nil || len(want) != 3 {
		t.Fatalf("the local runs: %v %s", err, lout)
	}
	// The runs that succeeded, asked for again: answered from the store, nothing submitted.
	// (A failed run is never answered from the store: it is simulated again.)
	again := exec.Command(bin, args[:len(args)-1]...)
	again.Env = env
	aout, _ := again.Output()
	var got []runResult
	if err := json.Unmarshal(aout, &got); err != nil || len(got) != 2 {
		t.Fatalf("the same command again: %v %s", err, aout)
	}
	for i := range got {
		g, w := got[i], want[i]
		if !g.Cached {
			t.Errorf("run %s was not answered from the store the second time", g.Model)
		}
		if g.Status != w.Status {
			t.Errorf("%s: %s on Slurm, %s here (%s)", g.Model, g.Status, w.Status, g.Message)
			continue
		}
		if w.Results != nil && (g.Results == nil || !enginetest.Same4(g.Results.TotalSiteKWh, w.Results.TotalSiteKWh)) {
			t.Errorf("%s: %+v on Slurm, %+v here", g.Model, g.Results, w.Results)
		}
	}
	if got[0].Status != sim.StatusSucceeded {
		t.Errorf("the example: %s %s", got[0].Status, got[0].Message)
	}
	var integrity string
	db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity)
	if integrity != "ok" {
		t.Errorf("integrity check: %s", integrity)
	}
	if n := count(`SELECT COUNT(*) FROM (SELECT run_id FROM results GROUP BY run_id HAVING COUNT(*) > 1)`); n != 0 {
		t.Errorf("%d runs have their results stored more than once", n)
	}
	if n := count(`SELECT COUNT(*) FROM remote_batches`); n != 1 {
		t.Errorf("%d batches went to the cluster, want 1 (the second command answered from the store)", n)
	}
	scripts, _ := filepath.Glob(filepath.Join(work, "epsm-*", "job-*.sh"))
	if len(scripts) != 1 {
		t.Errorf("job scripts on the cluster: %v, want one array", scripts)
	}
	// A run's outputs are in its local folder, for the error viewer and the report; and the
	// model the engine refused failed as on this machine.
	byModel := map[string]runResult{}
	for _, r := range rows {
		byModel[r.Model] = r
	}
	if r := byModel["1ZoneEvapCooler.idf"]; r.Status != want[2].Status || r.Kind != want[2].Kind {
		t.Errorf("the 9.4 model: %s/%s on Slurm, %s/%s here", r.Status, r.Kind, want[2].Status, want[2].Kind)
	}
	for _, name := range []string{"eplusout.err", "eplustbl.htm.gz", "in.idf"} {
		if _, err := os.Stat(filepath.Join(byModel["1ZoneUncontrolled.idf"].OutputDir, name)); err != nil {
			t.Errorf("the run's %s was not brought back: %v", name, err)
		}
	}
	// Its hourly meters came back with it (the worker packed them before trimming the folder on
	// the cluster): the same meters as the same run here.
	meters := func(runID int64) (n int, bytes int) {
		db.QueryRow(`SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM run_meters WHERE run_id = ?`, runID).Scan(&n, &bytes)
		return
	}
	if n, b := meters(byModel["1ZoneUncontrolled.idf"].ID); n != 1 || b < 1000 {
		t.Errorf("the Slurm run's hourly meters in the store: %d rows, %d bytes", n, b)
	}
	// On the cluster, the run folder keeps what was brought back (the quota is a laptop's disk
	// over again).
	sqls, _ := filepath.Glob(filepath.Join(work, "epsm-*", "runs", "*", "eplusout.sql"))
	if len(sqls) != 0 {
		t.Errorf("the cluster kept %v", sqls)
	}
}

// `epsm study --target slurm:///...` (sbatch on this machine, the login node): the variant
// table, its carbon, cost and Pareto flags, is the one the same study gives here.
func TestStudyOnLocalSlurm(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	tmp := t.TempDir()
	worker := buildEPSM(t, tmp)
	t.Setenv("EPSM_WORKER", worker) // this test runs in the test binary, which is not a worker
	shared, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(tmp, "study.json")
	os.WriteFile(spec, []byte(fmt.Sprintf(`{"name": "2 walls x 2 roofs", "model": %q, "weather": [%q],
  "options": {"wall": ["keep", "wall_concrete_etics_sw100"], "roof": ["keep", "flat_roof_concrete_pir120"]},
  "sampling": {"mode": "factorial"}}`, shared+"/shared/testdata/epsm/test.idf", shared+"/shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw")), 0o644)
	target := fmt.Sprintf("slurm://%s?partition=%s&max_parallel=2&engine=%s&prelude=%s",
		filepath.Join(slurm.Base, "work"), slurm.Partition, url.QueryEscape(engine.Path), url.QueryEscape("export SLURM_CONF="+slurm.Conf))

	code, out, errOut := linux("study", spec, "--json", "--target", target, "--data-dir", filepath.Join(tmp, "slurm"))
	onSlurm := studyTable(t, "on Slurm", code, out, errOut)
	code, out, errOut = linux("study", spec, "--json", "--jobs", "2", "--data-dir", filepath.Join(tmp, "here"))
	here := studyTable(t, "here", code, out, errOut)
	for i, s := range onSlurm.Rows {
		h := here.Rows[i]
		if s.Key != h.Key || s.Status != h.Status || s.LCA == nil || h.LCA == nil {
			t.Fatalf("row %d: on Slurm %s %s, here %s %s", i, s.Key, s.Status, h.Key, h.Status)
		}
		for _, f := range []struct {
			name string
			s, h float64
		}{
			{"site energy", s.Results.TotalSiteKWh, h.Results.TotalSiteKWh},
			{"life-cycle carbon", s.LCA.LifeCycleKgCO2e.Value, h.LCA.LifeCycleKgCO2e.Value},
			{"life-cycle cost", s.LCA.LifeCycleCost.Value, h.LCA.LifeCycleCost.Value},
		} {
			if !enginetest.Same4(f.s, f.h) {
				t.Errorf("%s, %s: on Slurm %v, here %v", s.Key, f.name, f.s, f.h)
			}
		}
		if s.ParetoCarbonCost != h.ParetoCarbonCost || s.ParetoEnergyEmbodied != h.ParetoEnergyEmbodied {
			t.Errorf("%s: Pareto flags differ", s.Key)
		}
	}
	scripts, _ := filepath.Glob(filepath.Join(slurm.Base, "work", "epsm-*", "job-*.sh"))
	if len(scripts) != 1 {
		t.Errorf("job scripts %v: want the study as one array", scripts)
	}
}

// `epsm study --target` stopped with Ctrl-C while its job array runs on a real Slurm, then
// typed again: it says it continues the study on the cluster, follows the same array (nothing
// is submitted twice), and ends with the whole table; the store holds one study, not two.
func TestStudyOnSlurmStoppedWithCtrlCGoesOnWithTheSameCommand(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	tmp := t.TempDir()
	bin := buildEPSM(t, tmp) // the headless epsm: also the worker it sends
	shared, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(tmp, "study.json")
	os.WriteFile(spec, []byte(fmt.Sprintf(`{"name": "2 walls x 2 roofs, interrupted", "model": %q, "weather": [%q],
  "options": {"wall": ["keep", "wall_concrete_etics_sw100"], "roof": ["keep", "flat_roof_concrete_pir120"]},
  "sampling": {"mode": "factorial"}}`, shared+"/shared/testdata/epsm/test.idf", shared+"/shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw")), 0o644)
	work := filepath.Join(slurm.Base, "work-resume")
	target := fmt.Sprintf("slurm://%s?partition=%s&max_parallel=1&engine=%s&prelude=%s",
		work, slurm.Partition, url.QueryEscape(engine.Path), url.QueryEscape("export SLURM_CONF="+slurm.Conf))
	data := filepath.Join(tmp, "data")
	args := []string{"study", spec, "--json", "--target", target, "--data-dir", data}

	// One task at a time: Ctrl-C once two have come back leaves two on the cluster.
	out, stderr := interruptThenAgain(t, bin, "had not ended: continuing it on the cluster", args...)
	if !strings.Contains(stderr, "none submitted twice") {
		t.Errorf("the second command does not say it submits nothing twice:\n%s", stderr)
	}
	table := studyTable(t, "again", 0, string(out), stderr)
	if table.Study.Name != "2 walls x 2 roofs, interrupted" {
		t.Errorf("the table is of study %q", table.Study.Name)
	}

	count := func(q string) int { return storeCount(t, data, q) }
	if n := count(`SELECT COUNT(*) FROM studies`); n != 1 {
		t.Errorf("%d studies in the store, want the one continued", n)
	}
	if n := count(`SELECT COUNT(*) FROM remote_batches`); n != 1 {
		t.Errorf("%d batches went to the cluster, want 1", n)
	}
	if n := count(`SELECT COUNT(*) FROM (SELECT run_id FROM results GROUP BY run_id HAVING COUNT(*) > 1)`); n != 0 {
		t.Errorf("%d runs have their results stored more than once", n)
	}
	scripts, _ := filepath.Glob(filepath.Join(work, "epsm-*", "job-*.sh"))
	if len(scripts) != 1 {
		t.Errorf("job scripts on the cluster: %v, want the one array", scripts)
	}
}

// The desktop app of make release (scripts/test-release.sh gives it as EPSM_RELEASE_BINARY) runs
// a batch on Slurm with the worker it embeds: statically linked, so it starts on nodes with an
// older C library than the build machine's, and the run gives this build's figures.
func TestReleaseAppSendsItsStaticWorker(t *testing.T) {
	bin := os.Getenv("EPSM_RELEASE_BINARY")
	if bin == "" {
		t.Skip("make test-release runs this test (it needs the desktop app of make release)")
	}
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	work := filepath.Join(slurm.Base, "work")
	target := fmt.Sprintf("slurm://%s?partition=%s&engine=%s&prelude=%s", work, slurm.Partition, url.QueryEscape(engine.Path), url.QueryEscape("export SLURM_CONF="+slurm.Conf))
	cmd := exec.Command(bin, "run", "--json", "--data-dir", t.TempDir(), "--target", target, "--weather", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw", "../examples/1ZoneUncontrolled.idf")
	cmd.Env = append(os.Environ(), "ENERGYPLUS_EXE="+engine.Path, "EPSM_WORKER=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s run --target: %v\n%s", bin, err, stderr.String())
	}
	var rows []runResult
	if err := json.Unmarshal(out, &rows); err != nil || len(rows) != 1 || rows[0].Status != sim.StatusSucceeded || rows[0].Results == nil {
		t.Fatalf("%v %s\n%s", err, out, stderr.String())
	}
	code, lout, lerr := linux("run", "--json", "--data-dir", t.TempDir(), "--weather", "../examples/USA_CO_Golden-NREL.724666_TMY3.epw", "../examples/1ZoneUncontrolled.idf")
	var here []runResult
	if err := json.Unmarshal([]byte(lout), &here); err != nil || code != 0 || len(here) != 1 {
		t.Fatalf("here: %d %v %s", code, err, lerr)
	}
	if !enginetest.Same4(rows[0].Results.TotalSiteKWh, here[0].Results.TotalSiteKWh) {
		t.Errorf("on Slurm %.4f kWh, here %.4f kWh", rows[0].Results.TotalSiteKWh, here[0].Results.TotalSiteKWh)
	}
	sent, _ := filepath.Glob(filepath.Join(work, "bin", "epsm-*"))
	if len(sent) != 1 {
		t.Fatalf("workers on the cluster: %v", sent)
	}
	f, err := elf.Open(sent[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Fatalf("the worker sent to the nodes is dynamically linked (it has an interpreter): %s", sent[0])
		}
	}
	t.Logf("the app sent a static worker (%s) and got %.4f kWh back", sent[0], rows[0].Results.TotalSiteKWh)
}

// An NSGA-II study on a Slurm target: each generation goes to the cluster as its own job array,
// and the search, with a fixed seed, makes the same variants and the same fronts as on this
// computer.
func TestNSGA2StudyOnLocalSlurmMatchesTheLocalSearch(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	tmp := t.TempDir()
	worker := buildEPSM(t, tmp)
	t.Setenv("EPSM_WORKER", worker)
	examples, err := filepath.Abs("../examples")
	if err != nil {
		t.Fatal(err)
	}
	spec := filepath.Join(tmp, "nsga2.json")
	os.WriteFile(spec, []byte(fmt.Sprintf(`{"name": "nsga2 on slurm", "model": %q, "weather": [%q],
  "options": {"roof": ["keep", "flat_roof_concrete_pir120"]},
  "measures": [{"id": "lights", "name": "Exterior lights", "fields": [{"class": "Exterior:Lights", "field": "Design Level"}],
    "values": [1000, 2500], "per": "fixed", "investment": 0, "gwpKgCO2e": 0, "lifeYears": 15}],
  "method": {"kind": "nsga2", "objectives": ["siteEnergyKWh", "embodiedKgCO2e"], "population": 4, "generations": 2, "seed": 5}}`,
		examples+"/1ZoneUncontrolled.idf", examples+"/USA_CO_Golden-NREL.724666_TMY3.epw")), 0o644)
	target := fmt.Sprintf("slurm://%s?partition=%s&max_parallel=2&engine=%s&prelude=%s",
		filepath.Join(slurm.Base, "work"), slurm.Partition, url.QueryEscape(engine.Path), url.QueryEscape("export SLURM_CONF="+slurm.Conf))
	type result struct {
		studysvc.StudyTable
		Method *studysvc.MethodView `json:"method"`
	}
	read := func(who string, code int, stdout, stderr string) result {
		t.Helper()
		var r result
		if err := json.Unmarshal([]byte(stdout), &r); err != nil || code != 0 || r.Method == nil || r.Method.Status != studysvc.MethodDone {
			t.Fatalf("%s: exit %d, %v\nstderr %s", who, code, err, stderr)
		}
		return r
	}
	code, out, errOut := linux("study", spec, "--json", "--target", target, "--data-dir", filepath.Join(tmp, "slurm"))
	onSlurm := read("on Slurm", code, out, errOut)
	code, out, errOut = linux("study", spec, "--json", "--jobs", "2", "--data-dir", filepath.Join(tmp, "here"))
	here := read("here", code, out, errOut)
	if len(onSlurm.Rows) != len(here.Rows) || fmt.Sprint(onSlurm.Method.Fronts) != fmt.Sprint(here.Method.Fronts) {
		t.Fatalf("on Slurm %d rows, fronts %v; here %d rows, fronts %v", len(onSlurm.Rows), onSlurm.Method.Fronts, len(here.Rows), here.Method.Fronts)
	}
	for i, s := range onSlurm.Rows {
		if h := here.Rows[i]; s.Key != h.Key || !enginetest.Same4(s.Results.TotalSiteKWh, h.Results.TotalSiteKWh) {
			t.Errorf("row %d: on Slurm %s %v kWh, here %s %v kWh", i, s.Key, s.Results.TotalSiteKWh, h.Key, h.Results.TotalSiteKWh)
		}
	}
	generations := map[int]bool{}
	for _, g := range onSlurm.Method.GenerationOf {
		generations[g] = g > 0 // the baseline goes with the first generation
	}
	delete(generations, 0)
	scripts, _ := filepath.Glob(filepath.Join(slurm.Base, "work", "epsm-*", "job-*.sh"))
	if want := len(generations); len(scripts) != want {
		t.Errorf("%d job scripts %v: want one array per generation that asked for new variants (%d)", len(scripts), scripts, want)
	}
}
