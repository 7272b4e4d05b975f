package runsvc

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"epsm/cluster"
	"epsm/eplusout"
	"epsm/runner"
	"epsm/store"
)

// keepOutputs stores a succeeded run's hourly meters and, unless its batch keeps all outputs,
// trims its folder to what the window shows or links to (runner.KeepResultsOnly). The meters
// come from eplusout.sql here, or from the worker's meters file for a run on a cluster.
func (q *Queue) keepOutputs(j runner.Job) {
	if j.Dir == "" {
		return
	}
	var blob []byte
	if b, err := os.ReadFile(filepath.Join(j.Dir, cluster.MetersFile)); err == nil {
		blob = b
	} else if blob, err = eplusout.PackMeters(filepath.Join(j.Dir, "eplusout.sql")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		q.log.Info("no hourly meters to keep", "run", j.ID, "err", err) // a run that wrote none
	}
	if blob != nil {
		if err := q.store.PutRunMeters(j.ID, blob); err != nil {
			q.log.Error("store the hourly meters", "run", j.ID, "err", err)
			return // the folder keeps eplusout.sql: nothing is lost
		}
	}
	keepAll, err := q.store.BatchKeepsAll(j.BatchID)
	if err != nil || keepAll {
		return
	}
	if _, err := runner.KeepResultsOnly(j.Dir, cluster.ResultFile); err != nil {
		q.log.Warn("trim a run folder", "run", j.ID, "dir", j.Dir, "err", err)
		return
	}
	if err := q.store.SetRunOutputs(j.ID, store.OutputsResults); err != nil {
		q.log.Warn("record a trimmed run folder", "run", j.ID, "err", err)
	}
}
