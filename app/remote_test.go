//go:build linux

package app

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

	"epsm/internal/slurmtest"
	"epsm/internal/tempdir"
	"epsm/services/runsvc"
	"epsm/sim"
)

// "Re-run failed" on a batch that went to a cluster sends its failed runs back there, as a new
// job array of just them, and leaves the runs that succeeded alone.
func TestRerunFailedGoesBackToTheCluster(t *testing.T) {
	engine := testEngine(t)
	slurm := slurmtest.Start(t)
	tmp := tempdir.New(t)
	worker := filepath.Join(tmp, "epsm")
	if out, err := exec.Command("go", "build", "-o", worker, "epsm").CombinedOutput(); err != nil {
		t.Fatalf("build the worker: %v\n%s", err, out)
	}
	t.Setenv("EPSM_WORKER", worker)
	c := openCore(t, filepath.Join(tmp, "data"), &engine, nil)
	defer c.Close()
	rep := c.Importer.ImportExample()
	old := c.Importer.Import([]string{"../../shared/testdata/energyplus/1ZoneEvapCooler.idf"}) // EnergyPlus 9.4: fatal on 25.2
	if len(rep.Models) != 1 || len(old.Models) != 1 {
		t.Fatalf("imports: %+v %+v", rep, old)
	}
	work := filepath.Join(slurm.Base, "work")
	target := fmt.Sprintf("slurm://%s?partition=%s&engine=%s&prelude=%s", work, slurm.Partition, url.QueryEscape(engine.Path), url.QueryEscape("export SLURM_CONF="+slurm.Conf))
	runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID, old.Models[0].ID}, WeatherID: rep.Weather[0].ID, Target: target})
	if err != nil {
		t.Fatal(err)
	}
	wait := func(ids ...int64) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
		defer cancel()
		if err := c.Queue.Wait(ctx, ids); err != nil {
			t.Fatal(err)
		}
	}
	wait(runs[0].ID, runs[1].ID)
	ok, _ := c.Queue.RunDetails(runs[0].ID)
	bad, _ := c.Queue.RunDetails(runs[1].ID)
	if ok.Run.Status != sim.StatusSucceeded || bad.Run.Status != sim.StatusFatal {
		t.Fatalf("on Slurm: %s and %s, want succeeded and fatal", ok.Run.Status, bad.Run.Status)
	}
	// The follower may still be finishing: re-run once it lets go of the batch.
	var again []int64
	deadline := time.Now().Add(30 * time.Second)
	for {
		rerun, err := c.Queue.RerunFailed(ok.Run.BatchID)
		if err == nil {
			for _, r := range rerun {
				again = append(again, r.ID)
			}
			break
		}
		if !strings.Contains(err.Error(), "still coming back") || time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond) // the follower's last store write
	}
	if len(again) != 1 || again[0] != bad.Run.ID {
		t.Fatalf("re-run %v, want only run %d", again, bad.Run.ID)
	}
	wait(again...)
	after, _ := c.Queue.RunDetails(bad.Run.ID)
	if after.Run.Status != sim.StatusFatal || after.Run.Kind != bad.Run.Kind {
		t.Errorf("the re-run: %s/%s, want %s/%s as the first time", after.Run.Status, after.Run.Kind, bad.Run.Status, bad.Run.Kind)
	}
	scripts, _ := filepath.Glob(filepath.Join(work, "epsm-*", "job-*.sh"))
	if len(scripts) != 2 {
		t.Errorf("job scripts on the cluster: %v, want the batch's and the re-run's", scripts)
	}
	manifests, _ := filepath.Glob(filepath.Join(work, "epsm-*", "manifest.jsonl"))
	lines := map[int]int{}
	for _, m := range manifests {
		b, _ := os.ReadFile(m)
		lines[strings.Count(string(b), "\n")]++
	}
	if lines[2] != 1 || lines[1] != 1 {
		t.Errorf("manifests by task count: %v, want one of 2 tasks and the re-run's of 1", lines)
	}
	if still, _ := c.Queue.RunDetails(ok.Run.ID); still.Run.EndedAt != ok.Run.EndedAt {
		t.Errorf("the run that succeeded was run again (ended %s, then %s)", ok.Run.EndedAt, still.Run.EndedAt)
	}
}
