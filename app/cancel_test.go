package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"epsm/internal/proctest"
	"epsm/internal/tempdir"
	"epsm/services/runsvc"
)

// Cancelling a batch of real runs while their engines work ends every engine and whatever it
// started (its process group; on Windows its job object), quickly: no process is left working
// in the data folder's run folders (proctest: /proc, or Windows's process list), and none of
// the engines whose pids were recorded is alive.
func TestCancellingABatchOfRealRunsLeavesNoEngine(t *testing.T) {
	engine := testEngine(t)
	data := filepath.Join(tempdir.New(t), "data")
	c := openCore(t, data, &engine, nil)
	defer c.Close()
	w := c.Importer.Import([]string{"../../shared/testdata/energyplus/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"}).Weather[0]
	src, err := os.ReadFile("../../shared/testdata/epsm/test.idf")
	if err != nil {
		t.Fatal(err)
	}
	tmp := tempdir.New(t)
	var models []int64
	for i := 1; i <= 3; i++ {
		p := filepath.Join(tmp, fmt.Sprintf("block %d.idf", i))
		if err := os.WriteFile(p, append(src, fmt.Sprintf("\n! block %d\n", i)...), 0o644); err != nil {
			t.Fatal(err)
		}
		models = append(models, c.Importer.Import([]string{p}).Models[0].ID)
	}
	runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: models, WeatherID: w.ID})
	if err != nil {
		t.Fatal(err)
	}
	// Wait until both workers' engines are under way and recorded.
	pids := map[int64]int{}
	for deadline := time.Now().Add(time.Minute); len(pids) < 2; {
		for _, id := range c.Queue.State().Running {
			if pid, _, err := c.Store.RunProcess(id); err == nil && pid > 0 {
				pids[id] = pid
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("two engines did not start: %+v", c.Queue.State())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The check below sees them: each is a process working in its run folder.
	under := proctest.Under(filepath.Join(data, "runs"))
	for id, pid := range pids {
		if !slices.Contains(under, pid) {
			t.Fatalf("the engine of run %d (pid %d) is not among the processes in the run folders %v", id, pid, under)
		}
	}
	cancelBatch(t, c, runs, 5*time.Second)
	if left := proctest.Under(filepath.Join(data, "runs")); len(left) > 0 {
		t.Errorf("processes left working in the run folders: %v", left)
	}
	for id, pid := range pids {
		if proctest.Alive(pid) {
			t.Errorf("the engine of run %d (pid %d) outlived the cancel", id, pid)
		}
	}
}
