package studysvc

import (
	"context"
	"encoding/json"
	"sync"
)

// drivers carry method studies on in the background while the window is open, one goroutine
// per study; without Start (the CLI) nothing runs in the background and the caller drives.
type drivers struct {
	mu      sync.Mutex
	ctx     context.Context
	cancel  context.CancelFunc
	running map[int64]bool
	// again marks a study asked to be driven while its driver was finishing: the method was
	// stopped and continued before the old driver had returned, and it must not be left
	// without one.
	again map[int64]bool
	wg    sync.WaitGroup
}

// StartDrivers lets method studies run in the background until Close, and continues every one
// still running: after a restart an optimisation goes on where it stopped.
func (s *Studies) StartDrivers(ctx context.Context) error {
	s.drivers.mu.Lock()
	s.drivers.ctx, s.drivers.cancel = context.WithCancel(ctx)
	s.drivers.running, s.drivers.again = map[int64]bool{}, map[int64]bool{}
	s.drivers.mu.Unlock()
	list, err := s.store.Studies()
	if err != nil {
		return err
	}
	for _, st := range list {
		var state methodState
		if st.MethodJSON != "" && json.Unmarshal([]byte(st.MethodJSON), &state) == nil && state.Status == MethodRunning {
			s.startDriver(st.ID)
		}
	}
	return nil
}

// startDriver drives a study in the background, one driver per study. Asked while the study's
// driver is still running, it has that driver look at the study again before it ends: Drive
// returns as soon as it has saved a stopped method, and a Continue can come before it is gone.
func (s *Studies) startDriver(studyID int64) {
	d := &s.drivers
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ctx == nil || d.ctx.Err() != nil {
		return
	}
	if d.running[studyID] {
		d.again[studyID] = true
		return
	}
	d.running[studyID] = true
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		for {
			err := s.Drive(d.ctx, studyID)
			if err != nil && d.ctx.Err() == nil {
				s.log.Error("study method stopped", "study", studyID, "err", err)
				s.failMethod(studyID, err)
			}
			d.mu.Lock()
			if d.again[studyID] && d.ctx.Err() == nil {
				delete(d.again, studyID)
				d.mu.Unlock()
				continue
			}
			delete(d.running, studyID)
			delete(d.again, studyID)
			d.mu.Unlock()
			return
		}
	}()
}

// failMethod records why a method study cannot go on, for the window to show.
func (s *Studies) failMethod(studyID int64, cause error) {
	st, variants, err := s.store.Study(studyID)
	if err != nil {
		return
	}
	var state methodState
	if json.Unmarshal([]byte(st.MethodJSON), &state) != nil {
		return
	}
	state.Status, state.Message = MethodFailed, cause.Error()
	_ = s.saveMethod(st, state, len(variants))
}

// Close stops the background drivers and waits for them; their studies continue at the next
// StartDrivers.
func (s *Studies) Close() {
	d := &s.drivers
	d.mu.Lock()
	cancel := d.cancel
	d.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	d.wg.Wait()
}
