//go:build linux

package cluster

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"epsm/internal/enginetest"
	"epsm/internal/fakeengine"
	"epsm/internal/slurmtest"
	"epsm/internal/tempdir"
	"epsm/runner"
	"epsm/sim"
)

const chicagoWeather = "../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"

// buildWorker builds the headless epsm (a plain go build: no GTK), which is the worker.
func buildWorker(t *testing.T) string {
	t.Helper()
	out := filepath.Join(tempdir.New(t), "epsm")
	cmd := exec.Command("go", "build", "-o", out, "..")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build the worker: %v\n%s", err, b)
	}
	return out
}

// A batch of four runs as one job array on a real Slurm, one task at a time (max_parallel=1):
// the worker runs each task on the node with the real EnergyPlus; two give the figures the
// same runs give locally, the fatal model is triaged as the model's fault, and a task
// cancelled while it waits is cancelled, from Slurm's own states.
func TestSlurmRunsABatchAsAJobArray(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	worker := buildWorker(t)
	weatherKey := func(p string) string {
		sum, _, err := fileSHA256(p)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	runKey := func(model, weather string, designDays bool) string {
		k, err := runner.RunKey(model, weatherKey(weather), engine, false, designDays)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	broken := fatalModel(t)
	runs := []Run{
		{Key: runKey(exampleModel, exampleWeather, false), Model: exampleModel, Weather: exampleWeather, Engine: engine},
		{Key: runKey(exampleModel, chicagoWeather, false), Model: exampleModel, Weather: chicagoWeather, Engine: engine},
		{Key: runKey(broken, exampleWeather, false), Model: broken, Weather: exampleWeather, Engine: engine},
		{Key: runKey(exampleModel, exampleWeather, true), Model: exampleModel, Weather: exampleWeather, DesignDaysOnly: true, Engine: engine},
	}
	batch := filepath.Join(slurm.Base, "jobs", "epsm-b1")
	if _, err := Stage(batch, runs); err != nil {
		t.Fatal(err)
	}
	target := Target{WorkDir: filepath.Dir(batch), Options: Options{Partition: slurm.Partition, CPUs: 1, MaxParallel: 1, Engine: engine.Path}}
	arr := SplitArrays(len(runs), 1001)[0]
	script := filepath.Join(batch, "job-0.sh")
	if err := os.WriteFile(script, []byte(JobScript(target, "b1", batch, worker, arr)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := slurm.Client(10*time.Second, "sbatch", SubmitArgs(target, batch, script, arr)...)
	if err != nil {
		t.Fatal(err)
	}
	job := strings.TrimSpace(out)
	t.Logf("array job %s", job)
	// The last task waits behind the others (one at a time): cancel it there.
	if _, err := slurm.Client(10*time.Second, "scancel", job+"_3"); err != nil {
		t.Fatal(err)
	}

	// Follow the array as the app will: squeue for every task's state, until all are final.
	var states map[int]SlurmState
	deadline := time.Now().Add(4 * time.Minute)
	for {
		out, err := slurm.Client(10*time.Second, "squeue", "-h", "-t", "all", "-o", "%i %T", "-j", job)
		if err != nil {
			t.Fatal(err)
		}
		if states, err = ParseSqueue(out, job); err != nil {
			t.Fatal(err)
		}
		if Settled(states) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the array did not end in 4 minutes: %v", states)
		}
		time.Sleep(500 * time.Millisecond) // polling Slurm, as the app does: no event to wait on
	}
	t.Logf("Slurm states: %v", states)

	result := func(i int) (TaskResult, bool) {
		r, err := ReadResult(filepath.Join(batch, "runs", runs[i].Key, ResultFile))
		if os.IsNotExist(err) {
			return r, false
		}
		if err != nil {
			t.Fatal(err)
		}
		return r, true
	}
	for i, weather := range []string{exampleWeather, chicagoWeather} {
		t.Run("same as local: "+filepath.Base(weather), func(t *testing.T) {
			r, ok := result(i)
			if !ok || r.Outcome.Status != sim.StatusSucceeded || r.Outcome.Results == nil {
				t.Fatalf("task %d: %+v (Slurm: %s)", i, r.Outcome, states[i])
			}
			local := (&runner.Runner{Engine: engine}).Run(context.Background(), runner.Job{Dir: filepath.Join(tempdir.New(t), "run"), Model: exampleModel, Weather: weather}, func(runner.Update) {})
			if local.Results == nil || !enginetest.Same4(r.Outcome.Results.TotalSiteKWh, local.Results.TotalSiteKWh) || !enginetest.Same4(r.Outcome.Results.EUIKWhPerM2, local.Results.EUIKWhPerM2) {
				t.Fatalf("on Slurm %+v\nlocally %+v", r.Outcome.Results, local.Results)
			}
			t.Logf("total site energy: Slurm %.4f kWh, local %.4f kWh; worker start to engine start %s, run end to result %s",
				r.Outcome.Results.TotalSiteKWh, local.Results.TotalSiteKWh, r.EngineStart.Sub(r.WorkerStart).Round(time.Millisecond), r.Written.Sub(r.RunEnd).Round(time.Millisecond))
			if states[i] != "COMPLETED" {
				t.Errorf("Slurm says %s for a run that succeeded", states[i])
			}
			log, err := os.ReadFile(filepath.Join(batch, "slurm", job+"_"+string(rune('0'+i))+".out"))
			if err != nil || !strings.Contains(string(log), "succeeded") {
				t.Errorf("the task's Slurm output: %q, %v", log, err)
			}
		})
	}
	t.Run("a fatal model", func(t *testing.T) {
		r, ok := result(2)
		if !ok || r.Outcome.Status != sim.StatusFatal || r.Outcome.Kind != sim.KindModelFatal {
			t.Fatalf("%+v (Slurm: %s)", r.Outcome, states[2])
		}
		if states[2] != "FAILED" {
			t.Errorf("Slurm says %s for a failed run (the worker exits 1)", states[2])
		}
	})
	t.Run("cancelled while waiting", func(t *testing.T) {
		if _, ok := result(3); ok {
			t.Fatal("the cancelled task left a result: it ran")
		}
		// Slurm keeps no record of a task cancelled before it started: squeue no longer shows
		// it, and scontrol does not know it. EPSM asked for the cancel, so it is cancelled.
		if s, shown := states[3]; shown {
			t.Fatalf("squeue still shows the cancelled task: %s", s)
		}
		if out, err := slurm.Client(10*time.Second, "scontrol", "-o", "show", "job", job+"_3"); err == nil {
			if ts, err := ParseScontrol(out); err == nil {
				t.Fatalf("scontrol knows the task after all (%+v): triage it from there", ts)
			}
		}
		if o := TriageVanished(true); o.Status != sim.StatusCancelled || o.Kind != sim.KindCancelled {
			t.Fatalf("%+v", o)
		}
	})
}

// A task over its Slurm time limit: Slurm stops the worker (SIGTERM), which stops the engine and
// leaves no result, so the task's TIMEOUT state is what EPSM reports: timed out, at the limit.
// The engine is the FAKE one (fault injection: it hangs), since a real run of over a minute,
// Slurm's smallest limit, would cost the suite minutes.
func TestSlurmTimeLimitIsTriagedAsTimedOut(t *testing.T) {
	slurm := slurmtest.Start(t)
	worker := buildWorker(t)
	fake, err := runner.Probe(context.Background(), fakeengine.Build(t, fakeengine.EnergyPlus))
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(exampleModel)
	if err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(tempdir.New(t), "hangs.idf")
	os.WriteFile(model, append(src, []byte("\n! fake-energyplus: hang\n")...), 0o644)
	sum, _, _ := fileSHA256(exampleWeather)
	key, err := runner.RunKey(model, sum, fake, false, false)
	if err != nil {
		t.Fatal(err)
	}
	target, err := ParseTarget(fmt.Sprintf("slurm://%s?partition=%s&time=1&engine=%s&prelude=%s", filepath.Join(slurm.Base, "work"), slurm.Partition,
		url.QueryEscape(fake.Path), url.QueryEscape("export SLURM_CONF="+slurm.Conf)))
	if err != nil {
		t.Fatal(err)
	}
	h, err := LocalHost(target)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	sub, _, err := Submit(context.Background(), h, target, worker, "too-long", []Run{{Key: key, Model: model, Weather: exampleWeather, Engine: fake}}, tempdir.New(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	views := waitFinal(t, h, sub, 4*time.Minute)
	t.Logf("Slurm stopped it after %s: %s", time.Since(start).Round(time.Second), views[0].Slurm)
	if v := views[0]; v.Slurm != "TIMEOUT" || v.Outcome.Status != sim.StatusTimedOut || v.Outcome.Kind != sim.KindTimeLimit || v.Result != nil {
		t.Fatalf("%+v", v)
	}
}
