package runsvc

import (
	"encoding/json"

	"epsm/runner"
	"epsm/sim"
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
// exactly once, in the order it was first queued.
func (q *Queue) Recover() error {
	runs, err := q.store.UnfinishedRuns()
	if err != nil {
		return err
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
