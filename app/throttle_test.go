package app

import (
	"sync"
	"testing"
	"time"

	"epsm/sim"
	"epsm/store"
)

type eventLog struct {
	mu     sync.Mutex
	events []recorded
}

type recorded struct {
	at      time.Time
	name    EventName
	payload any
}

func (l *eventLog) Emit(name EventName, payload any) {
	l.mu.Lock()
	l.events = append(l.events, recorded{time.Now(), name, payload})
	l.mu.Unlock()
}

func (l *eventLog) snapshot() []recorded {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]recorded(nil), l.events...)
}

func TestThrottleBoundsRateAndKeepsLatest(t *testing.T) {
	log := &eventLog{}
	th := newProgressThrottle(log, 50*time.Millisecond)
	start := time.Now()
	// Two runs, each sending 1000 updates over ~200 ms.
	for i := 1; i <= 1000; i++ {
		for run := int64(1); run <= 2; run++ {
			th.progress(RunProgress{RunID: run, Progress: sim.Progress{Percent: float64(i) / 10}})
		}
		if i%5 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	elapsed := time.Since(start)
	time.Sleep(120 * time.Millisecond) // let trailing events out
	perRun := map[int64][]float64{}
	for _, e := range log.snapshot() {
		p := e.payload.(RunProgress)
		perRun[p.RunID] = append(perRun[p.RunID], p.Progress.Percent)
	}
	for run, seen := range perRun {
		maxEvents := int(elapsed/(50*time.Millisecond)) + 2
		if len(seen) > maxEvents {
			t.Errorf("run %d: %d events in %s, want at most %d", run, len(seen), elapsed, maxEvents)
		}
		if seen[len(seen)-1] != 100 {
			t.Errorf("run %d: last event %.1f%%, want the latest state 100%%", run, seen[len(seen)-1])
		}
	}
	if len(perRun) != 2 {
		t.Fatalf("events for %d runs", len(perRun))
	}
}

func TestThrottleStatusDropsPendingProgress(t *testing.T) {
	log := &eventLog{}
	th := newProgressThrottle(log, 50*time.Millisecond)
	th.progress(RunProgress{RunID: 7, Progress: sim.Progress{Percent: 10}})
	th.progress(RunProgress{RunID: 7, Progress: sim.Progress{Percent: 20}}) // pending
	th.status(RunStatus{Run: store.Run{ID: 7, Status: sim.StatusSucceeded}}, true)
	time.Sleep(100 * time.Millisecond)
	ev := log.snapshot()
	if len(ev) != 2 || ev[0].name != EventRunProgress || ev[1].name != EventRunStatus {
		t.Fatalf("events = %+v", ev)
	}
}
