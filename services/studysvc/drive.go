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
	wg      sync.WaitGroup
}

// StartDrivers lets method studies run in the background until Close, and continues every one
// still running: after a restart an optimisation goes on where it stopped.
func (s *Studies) StartDrivers(ctx context.Context) error {
	s.drivers.mu.Lock()
	s.drivers.ctx, s.drivers.cancel = context.WithCancel(ctx)
	s.drivers.running = map[int64]bool{}
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

// startDriver drives a study in the background, once.
func (s *Studies) startDriver(studyID int64) {
	d := &s.drivers
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ctx == nil || d.running[studyID] || d.ctx.Err() != nil {
		return
	}
	d.running[studyID] = true
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		err := s.Drive(d.ctx, studyID)
		if err != nil && d.ctx.Err() == nil {
			s.log.Error("study method stopped", "study", studyID, "err", err)
			s.failMethod(studyID, err)
		}
		d.mu.Lock()
		delete(d.running, studyID)
		d.mu.Unlock()
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
