package runsvc

import (
	"encoding/json"

	"epsm/launch"
	"epsm/runner"
	"epsm/sim"
	"epsm/store"
)

// settingPause remembers a pause across restarts: a queue that paused itself on a full disk
// must still be paused, and say why, after the app was closed and opened again.
const settingPause = "queue.pause"

type savedPause struct {
	Paused bool   `json:"paused"`
	Reason string `json:"reason"`
}

func (q *Queue) savePause(paused bool, reason string) {
	if !q.resident {
		return
	}
	js, _ := json.Marshal(savedPause{paused, reason})
	if err := q.store.SetSetting(settingPause, string(js)); err != nil {
		q.log.Warn("remember the queue's pause", "err", err)
	}
}

func (q *Queue) loadPause() (string, bool) {
	raw, ok, err := q.store.Setting(settingPause)
	if err != nil || !ok {
		return "", false
	}
	var p savedPause
	if json.Unmarshal([]byte(raw), &p) != nil {
		return "", false
	}
	return p.Reason, p.Paused
}

// Recover takes back the runs a previous session left queued or running: each is queued again
// exactly once, in the order it was first queued. An engine the crashed session started is
// stopped first (its whole process tree, and only if it is that same process instance): on
// macOS nothing kills it when the app dies, and on Linux the engine's own children outlive it,
// so without this two engines could write one run folder.
func (q *Queue) Recover() error {
	all, err := q.store.UnfinishedRuns()
	if err != nil {
		return err
	}
	// Runs on a cluster go on there without this app: follow them again instead.
	remoteRuns, err := q.Attach()
	if err != nil {
		return err
	}
	var runs []store.Run
	for _, r := range all {
		if !remoteRuns[r.ID] {
			runs = append(runs, r)
		}
	}
	for _, r := range runs {
		q.stopSurvivor(r.ID)
	}
	limits := q.settings.QueueLimits()
	var jobs []runner.Job
	for _, r := range runs {
		m, err := q.store.Model(r.ModelID)
		if err != nil {
			return err
		}
		w, err := q.store.Weather(r.WeatherID)
		if err != nil {
			return err
		}
		if err := q.store.SetRunState(r.ID, sim.StatusQueued, sim.Progress{}); err != nil {
			return err
		}
		r.Status, r.Progress = sim.StatusQueued, sim.Progress{}
		q.book.put(r)
		jobs = append(jobs, job(r, m, w, q.engineOf(r, m), limits))
	}
	if len(jobs) > 0 {
		q.log.Info("re-queued runs left unfinished by the last session", "count", len(jobs))
		q.pool.Submit(jobs...)
		q.changes.Mark(queueKey)
	}
	return nil
}

// stopSurvivor stops the engine an earlier session started for a run, if it still runs (the
// same process instance only).
func (q *Queue) stopSurvivor(runID int64) {
	pid, start, err := q.store.RunProcess(runID)
	if err != nil || pid == 0 {
		return
	}
	stopped, err := launch.StopSurvivor(launch.Identity{PID: pid, Start: start})
	switch {
	case err != nil:
		q.log.Warn("could not stop the engine of an earlier session", "run", runID, "pid", pid, "err", err)
	case stopped:
		q.log.Info("stopped the engine an earlier session left running", "run", runID, "pid", pid)
	}
}

// Requeue queues again those of the given runs that have no outcome to show: left queued or
// running by an earlier session that is gone (`epsm study` stopped with Ctrl-C; its engine is
// stopped first if it still runs), or cancelled. Runs that ended, failed ones included, stay
// as they are, and so do runs of a batch sent to a cluster (`epsm attach` follows those). It
// returns the runs queued again.
func (q *Queue) Requeue(ids []int64) ([]store.Run, error) {
	var out []store.Run
	var jobs []runner.Job
	batches := map[int64]bool{}
	snap := q.pool.Snapshot()
	onCluster := map[int64]bool{} // batch id -> sent to a cluster, asked once per batch
	mine := map[int64]bool{}      // queued or running in this session already
	for _, id := range append(snap.Queued, snap.Running...) {
		mine[id] = true
	}
	for _, id := range ids {
		r, err := q.store.Run(id)
		if err != nil {
			return out, err
		}
		if r.Status.Final() && r.Status != sim.StatusCancelled {
			continue
		}
		remote, seen := onCluster[r.BatchID]
		if !seen {
			_, err := q.store.RemoteBatch(r.BatchID)
			remote = err == nil
			onCluster[r.BatchID] = remote
		}
		if remote || mine[r.ID] {
			continue
		}
		if !r.Status.Final() {
			q.stopSurvivor(r.ID)
		}
		if err := q.store.RequeueRun(r.ID); err != nil {
			return out, err
		}
		if r, err = q.store.Run(r.ID); err != nil {
			return out, err
		}
		j, err := q.jobOf(r)
		if err != nil {
			return out, err
		}
		jobs = append(jobs, j)
		out = append(out, r)
		batches[r.BatchID] = true
		q.runChanged(r)
	}
	q.pool.Submit(jobs...)
	for b := range batches {
		q.changes.Mark(queueKey, b)
	}
	return out, nil
}

// Attach follows again every batch on a cluster whose runs have not all come back (the app or
// `epsm attach` after a restart) and returns their runs.
func (q *Queue) Attach() (map[int64]bool, error) {
	remotes, err := q.store.UnfinishedRemoteBatches()
	if err != nil {
		return nil, err
	}
	runs := map[int64]bool{}
	for _, rb := range remotes {
		for _, id := range rb.RunIDs {
			runs[id] = true
		}
		q.remote.follow(rb.BatchID, nil)
	}
	return runs, nil
}
