package runner

import (
	"context"
	"runtime"
	"sync"

	"epsm/sim"
)

// Executor runs one job to its end and returns its one outcome; cancelling ctx with cause
// ErrCancelled must end the job as cancelled. *Runner is the real one: the pool depends on
// this interface only, so its scheduling is tested without starting any process.
type Executor interface {
	Run(ctx context.Context, job Job, report func(Update)) sim.Outcome
}

// Pool runs queued jobs on a bounded number of workers. Jobs start in the order they were
// queued, except that a batch can be moved to the front. The queue can be paused (running jobs
// finish, no new ones start) and the number of workers changed while it runs.
type Pool struct {
	exec   Executor
	report func(Update)
	done   func(Job, sim.Outcome)

	ctx         context.Context
	stop        context.CancelFunc
	mu          sync.Mutex
	wake        *sync.Cond
	queue       []Job
	active      map[int64]activeJob
	target      int // wanted number of workers
	alive       int // workers running their loop
	paused      bool
	pauseReason string
	closed      bool
	wg          sync.WaitGroup
}

type activeJob struct {
	job    Job
	cancel context.CancelCauseFunc
}

// DefaultWorkers is one worker per core: EnergyPlus is single-threaded.
func DefaultWorkers() int { return runtime.NumCPU() }

// NewPool starts workers (DefaultWorkers when <= 0) that run jobs with exec (a *Runner).
// report gets every progress update; done gets every job's outcome exactly once, including
// jobs cancelled before they started, but not jobs still queued when the pool is closed.
func NewPool(exec Executor, workers int, report func(Update), done func(Job, sim.Outcome)) *Pool {
	ctx, stop := context.WithCancel(context.Background())
	p := &Pool{exec: exec, report: report, done: done, ctx: ctx, stop: stop, active: map[int64]activeJob{}}
	p.wake = sync.NewCond(&p.mu)
	p.SetWorkers(workers)
	return p
}

// SetWorkers changes the number of workers (DefaultWorkers when <= 0). Fewer workers take
// effect as running jobs finish: nothing is killed to shrink the pool.
func (p *Pool) SetWorkers(n int) {
	if n <= 0 {
		n = DefaultWorkers()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.target = n
	for p.alive < p.target && !p.closed {
		p.alive++
		p.wg.Add(1)
		go p.work()
	}
	p.wake.Broadcast()
}

// Workers is the wanted number of workers.
func (p *Pool) Workers() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.target
}

// Submit queues jobs behind those already waiting.
func (p *Pool) Submit(jobs ...Job) {
	p.mu.Lock()
	p.queue = append(p.queue, jobs...)
	p.mu.Unlock()
	p.wake.Broadcast()
}

// MoveBatchToFront puts the queued jobs of a batch before all others, keeping their order.
func (p *Pool) MoveBatchToFront(batchID int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var front, back []Job
	for _, j := range p.queue {
		if j.BatchID == batchID {
			front = append(front, j)
		} else {
			back = append(back, j)
		}
	}
	p.queue = append(front, back...)
}

// Pause stops new jobs from starting; running jobs go on to their end.
func (p *Pool) Pause() { p.PauseBecause("") }

// PauseBecause pauses the queue and says why (the user pressed Pause when reason is ""), so
// that a queue that paused itself explains it.
func (p *Pool) PauseBecause(reason string) {
	p.mu.Lock()
	p.paused, p.pauseReason = true, reason
	p.mu.Unlock()
}

// Resume lets queued jobs start again.
func (p *Pool) Resume() {
	p.mu.Lock()
	p.paused, p.pauseReason = false, ""
	p.mu.Unlock()
	p.wake.Broadcast()
}

// Paused reports whether the queue is paused.
func (p *Pool) Paused() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.paused
}

// Cancel stops a queued or running job; it reports whether the job was found.
func (p *Pool) Cancel(id int64) bool {
	return p.cancelWhere(func(j Job) bool { return j.ID == id }) > 0
}

// CancelBatch stops every queued or running job of a batch and returns how many.
func (p *Pool) CancelBatch(batchID int64) int {
	return p.cancelWhere(func(j Job) bool { return j.BatchID == batchID })
}

func (p *Pool) cancelWhere(match func(Job) bool) int {
	p.mu.Lock()
	n := 0
	for _, a := range p.active {
		if match(a.job) {
			a.cancel(ErrCancelled)
			n++
		}
	}
	var dropped, kept []Job
	for _, j := range p.queue {
		if match(j) {
			dropped = append(dropped, j)
		} else {
			kept = append(kept, j)
		}
	}
	p.queue = kept
	p.mu.Unlock()
	for _, j := range dropped {
		p.done(j, sim.Outcome{Status: sim.StatusCancelled, Kind: sim.KindCancelled, Message: "cancelled by the user before it started", ExitCode: -1})
	}
	return n + len(dropped)
}

// Snapshot is the scheduler's state, for a view of what each worker does right now.
type Snapshot struct {
	Workers int  `json:"workers"`
	Paused  bool `json:"paused"`
	// PauseReason says why the queue paused itself ("" when the user paused it).
	PauseReason string  `json:"pauseReason"`
	Queued      []int64 `json:"queued"`  // job ids in the order they will start
	Running     []int64 `json:"running"` // job ids running now
}

// Snapshot returns the current scheduler state.
func (p *Pool) Snapshot() Snapshot {
	p.mu.Lock()
	defer p.mu.Unlock()
	// Empty lists, not nil: they cross to the window as [], as their generated types say.
	s := Snapshot{Workers: p.target, Paused: p.paused, PauseReason: p.pauseReason,
		Queued: make([]int64, 0, len(p.queue)), Running: make([]int64, 0, len(p.active))}
	for _, j := range p.queue {
		s.Queued = append(s.Queued, j.ID)
	}
	for id := range p.active {
		s.Running = append(s.Running, id)
	}
	return s
}

// Pending is the number of jobs queued or running.
func (p *Pool) Pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.queue) + len(p.active)
}

// Close cancels everything running, drops the queue and waits for the workers to end. Jobs
// dropped from the queue get no outcome: they stay unfinished for the next start to re-queue.
func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.queue = nil
	for _, a := range p.active {
		a.cancel(ErrCancelled)
	}
	p.mu.Unlock()
	p.wake.Broadcast()
	p.stop()
	p.wg.Wait()
}

func (p *Pool) work() {
	defer p.wg.Done()
	for {
		p.mu.Lock()
		for !p.closed && p.alive <= p.target && (p.paused || len(p.queue) == 0) {
			p.wake.Wait()
		}
		if p.closed || p.alive > p.target {
			p.alive--
			p.mu.Unlock()
			return
		}
		job := p.queue[0]
		p.queue = p.queue[1:]
		ctx, cancel := context.WithCancelCause(p.ctx)
		p.active[job.ID] = activeJob{job: job, cancel: cancel}
		p.mu.Unlock()

		out := p.exec.Run(ctx, job, p.report)

		p.mu.Lock()
		delete(p.active, job.ID)
		p.mu.Unlock()
		cancel(nil)
		p.done(job, out)
	}
}
