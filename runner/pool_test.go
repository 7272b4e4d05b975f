package runner

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"epsm/sim"
)

// fakeExecutor runs no process: each job says it started and then waits until the test ends
// it (finish) or its context is cancelled.
type fakeExecutor struct {
	started chan startedJob
	mu      sync.Mutex
	ends    map[int64]chan sim.Outcome
}

type startedJob struct {
	job Job
	ctx context.Context
}

func newFakeExecutor() *fakeExecutor {
	return &fakeExecutor{started: make(chan startedJob, 100), ends: map[int64]chan sim.Outcome{}}
}

func (f *fakeExecutor) end(id int64) chan sim.Outcome {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ends[id] == nil {
		f.ends[id] = make(chan sim.Outcome, 1)
	}
	return f.ends[id]
}

func (f *fakeExecutor) Run(ctx context.Context, job Job, report func(Update)) sim.Outcome {
	report(Update{JobID: job.ID, Status: sim.StatusRunning})
	f.started <- startedJob{job, ctx}
	select {
	case out := <-f.end(job.ID):
		return out
	case <-ctx.Done():
		if errors.Is(context.Cause(ctx), ErrCancelled) {
			return sim.Outcome{Status: sim.StatusCancelled, Kind: sim.KindCancelled, Message: "cancelled by the user"}
		}
		return sim.Outcome{Status: sim.StatusCrashed, Message: context.Cause(ctx).Error()}
	}
}

// finish ends a running job as succeeded.
func (f *fakeExecutor) finish(id int64) { f.end(id) <- sim.Outcome{Status: sim.StatusSucceeded} }

type finished struct {
	job Job
	out sim.Outcome
}

// poolUnderTest is a pool on a fake executor, with its callbacks on channels.
type poolUnderTest struct {
	*Pool
	exec    *fakeExecutor
	done    chan finished
	mu      sync.Mutex
	updates []Update
}

func newTestPool(t *testing.T, workers int) *poolUnderTest {
	t.Helper()
	pt := &poolUnderTest{exec: newFakeExecutor(), done: make(chan finished, 100)}
	pt.Pool = NewPool(pt.exec, workers, func(u Update) {
		pt.mu.Lock()
		pt.updates = append(pt.updates, u)
		pt.mu.Unlock()
	}, func(j Job, o sim.Outcome) { pt.done <- finished{j, o} })
	t.Cleanup(pt.Close)
	return pt
}

// wait gets the next value of ch, or fails the test after a long while: the tests wait on
// conditions, the timeout only stops a broken pool from hanging them.
func wait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

func (pt *poolUnderTest) waitStarted(t *testing.T, want ...int64) []startedJob {
	t.Helper()
	var got []startedJob
	var ids []int64
	for range want {
		s := wait(t, pt.exec.started, "a job to start")
		got = append(got, s)
		ids = append(ids, s.job.ID)
	}
	slices.Sort(ids)
	sorted := slices.Clone(want)
	slices.Sort(sorted)
	if !slices.Equal(ids, sorted) {
		t.Fatalf("started %v, want %v", ids, want)
	}
	return got
}

func (pt *poolUnderTest) waitDone(t *testing.T, id int64, status sim.Status) sim.Outcome {
	t.Helper()
	f := wait(t, pt.done, "an outcome")
	if f.job.ID != id || f.out.Status != status {
		t.Fatalf("outcome of job %d: %s (%s), want job %d %s", f.job.ID, f.out.Status, f.out.Message, id, status)
	}
	return f.out
}

// noMoreEvents closes the pool (which waits for its workers) and fails if anything started or
// finished that the test did not take.
func (pt *poolUnderTest) noMoreEvents(t *testing.T) {
	t.Helper()
	pt.Close()
	if n := len(pt.exec.started); n > 0 {
		t.Errorf("%d more jobs started", n)
	}
	for len(pt.done) > 0 {
		f := <-pt.done
		t.Errorf("another outcome: job %d %s", f.job.ID, f.out.Status)
	}
}

func jobs(batch int64, ids ...int64) []Job {
	var js []Job
	for _, id := range ids {
		js = append(js, Job{ID: id, BatchID: batch})
	}
	return js
}

func TestPoolStartsJobsInQueueOrder(t *testing.T) {
	pt := newTestPool(t, 1)
	pt.Submit(jobs(1, 1, 2, 3, 4)...)
	for _, id := range []int64{1, 2, 3, 4} {
		pt.waitStarted(t, id)
		pt.exec.finish(id)
		pt.waitDone(t, id, sim.StatusSucceeded)
	}
	pt.noMoreEvents(t)
	pt.mu.Lock()
	defer pt.mu.Unlock()
	if len(pt.updates) != 4 {
		t.Errorf("%d updates reached the pool's report, want 4", len(pt.updates))
	}
}

func TestPoolMoveBatchToFront(t *testing.T) {
	pt := newTestPool(t, 1)
	pt.Submit(Job{ID: 1, BatchID: 7})
	pt.waitStarted(t, 1) // the worker is busy: the rest waits in the queue
	pt.Submit(append(jobs(7, 2, 3), jobs(8, 4, 5)...)...)
	pt.Submit(jobs(7, 6)...)
	pt.MoveBatchToFront(8)
	if q := pt.Snapshot().Queued; !slices.Equal(q, []int64{4, 5, 2, 3, 6}) {
		t.Fatalf("queue %v after moving batch 8 to the front", q)
	}
	pt.exec.finish(1)
	pt.waitDone(t, 1, sim.StatusSucceeded)
	for _, id := range []int64{4, 5, 2, 3, 6} {
		pt.waitStarted(t, id)
		pt.exec.finish(id)
		pt.waitDone(t, id, sim.StatusSucceeded)
	}
	pt.noMoreEvents(t)
}

func TestPoolPauseAndResume(t *testing.T) {
	pt := newTestPool(t, 1)
	pt.Pause()
	pt.Submit(jobs(1, 1, 2)...)
	// Paused before the jobs came: no worker may take one (it checks under the same lock).
	if s := pt.Snapshot(); !s.Paused || s.PauseReason != "" || !slices.Equal(s.Queued, []int64{1, 2}) || len(s.Running) != 0 {
		t.Fatalf("paused pool: %+v", s)
	}
	pt.Resume()
	pt.waitStarted(t, 1)
	pt.PauseBecause("the disk is full")
	if s := pt.Snapshot(); !pt.Paused() || s.PauseReason != "the disk is full" {
		t.Fatalf("after PauseBecause: %+v", s)
	}
	// The running job goes on to its end; the next does not start while paused.
	pt.exec.finish(1)
	pt.waitDone(t, 1, sim.StatusSucceeded)
	if s := pt.Snapshot(); !slices.Equal(s.Queued, []int64{2}) || len(s.Running) != 0 || pt.Pending() != 1 {
		t.Fatalf("paused after a job ended: %+v", s)
	}
	pt.Resume()
	if s := pt.Snapshot(); s.Paused || s.PauseReason != "" {
		t.Fatalf("after Resume: %+v", s)
	}
	pt.waitStarted(t, 2)
	pt.exec.finish(2)
	pt.waitDone(t, 2, sim.StatusSucceeded)
	pt.noMoreEvents(t)
}

func TestPoolSetWorkersWhileJobsRun(t *testing.T) {
	pt := newTestPool(t, 1)
	pt.Submit(jobs(1, 1, 2, 3, 4, 5)...)
	running := pt.waitStarted(t, 1)
	pt.SetWorkers(3)
	running = append(running, pt.waitStarted(t, 2, 3)...)
	if s := pt.Snapshot(); s.Workers != 3 || len(s.Running) != 3 || !slices.Equal(s.Queued, []int64{4, 5}) {
		t.Fatalf("after SetWorkers(3): %+v", s)
	}
	// Fewer workers: nothing running is killed; the pool shrinks as jobs end.
	pt.SetWorkers(1)
	for _, r := range running {
		if r.ctx.Err() != nil {
			t.Fatalf("job %d was cancelled to shrink the pool", r.job.ID)
		}
	}
	pt.exec.finish(1)
	pt.waitDone(t, 1, sim.StatusSucceeded)
	pt.exec.finish(2)
	pt.waitDone(t, 2, sim.StatusSucceeded)
	// Two of the three workers leave as their jobs end; job 4 waits for the one left.
	if s := pt.Snapshot(); s.Workers != 1 || !slices.Equal(s.Queued, []int64{4, 5}) {
		t.Fatalf("after two jobs ended on one wanted worker: %+v", s)
	}
	pt.exec.finish(3)
	pt.waitDone(t, 3, sim.StatusSucceeded)
	pt.waitStarted(t, 4)
	if s := pt.Snapshot(); len(s.Running) != 1 || !slices.Equal(s.Queued, []int64{5}) {
		t.Fatalf("one worker: %+v", s)
	}
	pt.exec.finish(4)
	pt.waitDone(t, 4, sim.StatusSucceeded)
	pt.waitStarted(t, 5)
	pt.exec.finish(5)
	pt.waitDone(t, 5, sim.StatusSucceeded)
	pt.SetWorkers(0)
	if pt.Workers() != DefaultWorkers() {
		t.Errorf("SetWorkers(0) gives %d workers, want the default %d", pt.Workers(), DefaultWorkers())
	}
	pt.noMoreEvents(t)
}

func TestPoolCancelAQueuedJob(t *testing.T) {
	pt := newTestPool(t, 1)
	pt.Submit(jobs(1, 1, 2, 3)...)
	pt.waitStarted(t, 1)
	if !pt.Cancel(2) {
		t.Fatal("Cancel(2) did not find the queued job")
	}
	out := pt.waitDone(t, 2, sim.StatusCancelled) // delivered by Cancel itself, before it returns
	if out.ExitCode != -1 || out.Message == "" {
		t.Errorf("outcome of a job cancelled in the queue: %+v", out)
	}
	if pt.Cancel(2) {
		t.Error("a second Cancel(2) found the job again")
	}
	pt.exec.finish(1)
	pt.waitDone(t, 1, sim.StatusSucceeded)
	pt.waitStarted(t, 3) // 2 is skipped
	pt.exec.finish(3)
	pt.waitDone(t, 3, sim.StatusSucceeded)
	pt.noMoreEvents(t) // and job 2 never started nor got a second outcome
}

func TestPoolCancelARunningJob(t *testing.T) {
	pt := newTestPool(t, 2)
	pt.Submit(jobs(1, 1, 2)...)
	started := pt.waitStarted(t, 1, 2)
	if !pt.Cancel(1) {
		t.Fatal("Cancel(1) did not find the running job")
	}
	pt.waitDone(t, 1, sim.StatusCancelled)
	for _, s := range started {
		if s.job.ID == 2 && s.ctx.Err() != nil {
			t.Fatal("cancelling job 1 cancelled job 2")
		}
	}
	pt.exec.finish(2)
	pt.waitDone(t, 2, sim.StatusSucceeded)
	if pt.Cancel(1) || pt.Pending() != 0 {
		t.Errorf("after the cancel: found again %v, pending %d", pt.Cancel(1), pt.Pending())
	}
	pt.noMoreEvents(t)
}

func TestPoolCancelBatch(t *testing.T) {
	pt := newTestPool(t, 2)
	pt.Submit(Job{ID: 1, BatchID: 7}, Job{ID: 2, BatchID: 8}, Job{ID: 3, BatchID: 7}, Job{ID: 4, BatchID: 8}, Job{ID: 5, BatchID: 7})
	pt.waitStarted(t, 1, 2)
	if n := pt.CancelBatch(7); n != 3 {
		t.Fatalf("CancelBatch(7) = %d, want 3 (one running, two queued)", n)
	}
	// The queued ones get their outcome from CancelBatch itself, the running one when its run
	// ends; every one exactly once.
	got := map[int64]sim.Status{}
	for range 3 {
		f := wait(t, pt.done, "outcomes of the cancelled batch")
		if _, twice := got[f.job.ID]; twice || f.job.BatchID != 7 {
			t.Fatalf("outcome of job %d (batch %d) after %v", f.job.ID, f.job.BatchID, got)
		}
		got[f.job.ID] = f.out.Status
	}
	for _, id := range []int64{1, 3, 5} {
		if got[id] != sim.StatusCancelled {
			t.Errorf("job %d: %s, want cancelled", id, got[id])
		}
	}
	pt.waitStarted(t, 4) // batch 8 goes on
	pt.exec.finish(2)
	pt.waitDone(t, 2, sim.StatusSucceeded)
	pt.exec.finish(4)
	pt.waitDone(t, 4, sim.StatusSucceeded)
	pt.noMoreEvents(t)
}

func TestPoolCloseCancelsRunningJobsAndDropsTheQueue(t *testing.T) {
	pt := newTestPool(t, 2)
	pt.Submit(jobs(1, 1, 2, 3, 4)...)
	started := pt.waitStarted(t, 1, 2)
	pt.Close() // returns once the workers have ended
	for _, s := range started {
		if !errors.Is(context.Cause(s.ctx), ErrCancelled) {
			t.Errorf("job %d: context cause %v, want ErrCancelled", s.job.ID, context.Cause(s.ctx))
		}
	}
	got := map[int64]sim.Status{}
	for len(pt.done) > 0 {
		f := <-pt.done
		got[f.job.ID] = f.out.Status
	}
	// The running jobs end cancelled; the queued ones get no outcome: they stay unfinished for
	// the next start of the app to queue again.
	if len(got) != 2 || got[1] != sim.StatusCancelled || got[2] != sim.StatusCancelled {
		t.Fatalf("outcomes after Close: %v", got)
	}
	if s := pt.Snapshot(); len(s.Queued) != 0 || len(s.Running) != 0 || pt.Pending() != 0 {
		t.Fatalf("after Close: %+v", s)
	}
	pt.noMoreEvents(t)
}

// *Runner is the pool's real executor.
var _ Executor = (*Runner)(nil)
