//go:build linux

package cluster

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"epsm/internal/enginetest"
	"epsm/internal/slurmtest"
	"epsm/internal/sshtest"
	"epsm/internal/tempdir"
	"epsm/runner"
	"epsm/sim"
)

const fourZoneModel = "../../shared/testdata/epsm/test.idf"

// waitFinal polls the submission as the app does until every task is final.
func waitFinal(t *testing.T, h Host, sub Submission, limit time.Duration) []TaskView {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		views, err := Poll(context.Background(), h, sub, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		done := true
		for _, v := range views {
			done = done && v.Final
		}
		if done {
			return views
		}
		if time.Now().After(deadline) {
			t.Fatalf("the batch did not end in %s: %+v", limit, views)
		}
		time.Sleep(time.Second) // polling the cluster, as the app does
	}
}

// A 6-run batch to a real Slurm through SSH (an alias of ~/.ssh/config, key login, the host key
// checked), with the real EnergyPlus on the node: uploaded, submitted as a job array, followed
// with squeue and the tasks' files, and each result the same as the same run made here, to 4
// significant figures. Then a batch through slurm:/// (sbatch on this machine).
func TestSubmitToSlurm(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	srv := sshtest.Start(t)
	worker := buildWorker(t)
	t.Setenv("HOME", srv.Home(t, "cluster", "", nil))
	t.Setenv("SSH_AUTH_SOCK", "")
	prelude := url.QueryEscape("export SLURM_CONF=" + slurm.Conf)
	work := filepath.Join(slurm.Base, "work")

	type spec struct {
		model, weather string
		designDays     bool
	}
	specs := []spec{
		{exampleModel, exampleWeather, false}, {exampleModel, chicagoWeather, false},
		{fourZoneModel, exampleWeather, false}, {fourZoneModel, chicagoWeather, false},
		{exampleModel, exampleWeather, true}, {fourZoneModel, chicagoWeather, true},
	}
	var runs []Run
	for _, s := range specs {
		sum, _, err := fileSHA256(s.weather)
		if err != nil {
			t.Fatal(err)
		}
		key, err := runner.RunKey(s.model, sum, engine, false, s.designDays)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, Run{Key: key, Model: s.model, Weather: s.weather, DesignDaysOnly: s.designDays, Engine: engine})
	}

	t.Run("slurm+ssh", func(t *testing.T) {
		target, err := ParseTarget(fmt.Sprintf("slurm+ssh://cluster%s?partition=%s&max_parallel=2&engine=%s&prelude=%s", work, slurm.Partition, url.QueryEscape(engine.Path), prelude))
		if err != nil {
			t.Fatal(err)
		}
		h, err := DialSSH(context.Background(), target)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		start := time.Now()
		sub, up, err := Submit(context.Background(), h, target, worker, "six runs", runs, tempdir.New(t), 1001)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("uploaded %d files, %d bytes, in %s; array job %v", up.Files, up.Bytes, time.Since(start).Round(time.Millisecond), sub.Jobs)
		if up.Files != 6 { // 2 models, 2 weather files, the worker, the manifest
			t.Errorf("uploaded %d files, want 6 (each input once, the worker, the manifest)", up.Files)
		}
		views := waitFinal(t, h, sub, 5*time.Minute)
		t.Logf("all 6 runs ended %s after the submission", time.Since(start).Round(time.Second))
		for i, v := range views {
			s := specs[i]
			local := (&runner.Runner{Engine: engine}).Run(context.Background(), runner.Job{Dir: filepath.Join(tempdir.New(t), "run"), Model: s.model, Weather: s.weather, DesignDaysOnly: s.designDays}, func(runner.Update) {})
			if v.Result == nil || v.Outcome.Status != local.Status || v.Outcome.Results == nil || local.Results == nil {
				t.Errorf("run %d (%s, %s): on Slurm %s %+v, here %s %s", i, filepath.Base(s.model), filepath.Base(s.weather), v.Outcome.Status, v.Outcome, local.Status, local.Message)
				continue
			}
			if !enginetest.Same4(v.Outcome.Results.TotalSiteKWh, local.Results.TotalSiteKWh) || !enginetest.Same4(v.Outcome.Results.TotalAreaM2, local.Results.TotalAreaM2) {
				t.Errorf("run %d: on Slurm %.4f kWh / %.2f m2, here %.4f kWh / %.2f m2", i, v.Outcome.Results.TotalSiteKWh, v.Outcome.Results.TotalAreaM2, local.Results.TotalSiteKWh, local.Results.TotalAreaM2)
			}
			if v.Slurm != "" && v.Slurm != "COMPLETED" {
				t.Errorf("run %d: Slurm says %s", i, v.Slurm)
			}
		}
		// The same batch again: every input and the worker are on the cluster already.
		_, again, err := Submit(context.Background(), h, target, worker, "six runs", runs[:1], tempdir.New(t), 1001)
		if err != nil {
			t.Fatal(err)
		}
		if again.Files != 1 || again.SkippedFiles != 3 { // the new manifest; the model, weather and worker skipped
			t.Errorf("a second submission sent %d files and skipped %d, want 1 and 3", again.Files, again.SkippedFiles)
		}
	})

	t.Run("slurm:///", func(t *testing.T) {
		target, err := ParseTarget(fmt.Sprintf("slurm://%s?partition=%s&engine=%s&prelude=%s", work, slurm.Partition, url.QueryEscape(engine.Path), prelude))
		if err != nil {
			t.Fatal(err)
		}
		h, err := LocalHost(target)
		if err != nil {
			t.Fatal(err)
		}
		sub, _, err := Submit(context.Background(), h, target, worker, "local", runs[4:5], tempdir.New(t), 1001)
		if err != nil {
			t.Fatal(err)
		}
		views := waitFinal(t, h, sub, 3*time.Minute)
		if views[0].Outcome.Status != sim.StatusSucceeded || views[0].Outcome.Results == nil {
			t.Fatalf("%+v", views[0])
		}
	})

	t.Run("a partition Slurm does not know", func(t *testing.T) {
		target, _ := ParseTarget(fmt.Sprintf("slurm://%s?partition=nosuch&prelude=%s", work, prelude))
		h, _ := LocalHost(target)
		_, _, err := Submit(context.Background(), h, target, worker, "bad", runs[4:5], tempdir.New(t), 1001)
		if KindOf(err) != PartitionUnknown {
			t.Fatalf("error %v (kind %q), want %q", err, KindOf(err), PartitionUnknown)
		}
	})
}
