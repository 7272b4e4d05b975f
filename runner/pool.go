package runner

import (
	"context"
	"runtime"
	"sync"
)

// Pool runs queued jobs on a fixed number of workers, in the order they were submitted.
type Pool struct {
	runner *Runner
	report func(Update)
	done   func(Job, Outcome)

	ctx    context.Context
	stop   context.CancelFunc
	mu     sync.Mutex
	wake   *sync.Cond
	queue  []Job
	active map[int64]context.CancelCauseFunc
	wg     sync.WaitGroup
	closed bool
}

// DefaultWorkers is one worker per core: EnergyPlus is single-threaded.
func DefaultWorkers() int { return runtime.NumCPU() }

// NewPool starts workers (DefaultWorkers when <= 0). report gets every progress update; done
// gets every job's outcome exactly once, including jobs cancelled before they started.
func NewPool(r *Runner, workers int, report func(Update), done func(Job, Outcome)) *Pool {
	if workers <= 0 {
		workers = DefaultWorkers()
	}
	ctx, stop := context.WithCancel(context.Background())
	p := &Pool{runner: r, report: report, done: done, ctx: ctx, stop: stop, active: map[int64]context.CancelCauseFunc{}}
	p.wake = sync.NewCond(&p.mu)
	for i := 0; i < workers; i++ {
		p.wg.Add(1)
		go p.work()
	}
	return p
}

// Submit queues jobs behind those already waiting.
func (p *Pool) Submit(jobs ...Job) {
	p.mu.Lock()
	p.queue = append(p.queue, jobs...)
	p.mu.Unlock()
	p.wake.Broadcast()
}

// Cancel stops a queued or running job; it reports whether the job was found.
func (p *Pool) Cancel(id int64) bool {
	p.mu.Lock()
	if cancel, ok := p.active[id]; ok {
		p.mu.Unlock()
		cancel(ErrCancelled)
		return true
	}
	for i, j := range p.queue {
		if j.ID == id {
			p.queue = append(p.queue[:i], p.queue[i+1:]...)
			p.mu.Unlock()
			p.done(j, Outcome{Status: StatusCancelled, Message: "cancelled by the user before it started", ExitCode: -1})
			return true
		}
	}
	p.mu.Unlock()
	return false
}

// Pending is the number of jobs queued or running.
func (p *Pool) Pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.queue) + len(p.active)
}

// Close cancels everything running, drops the queue and waits for the workers to end.
func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.queue = nil
	for _, cancel := range p.active {
		cancel(ErrCancelled)
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
		for len(p.queue) == 0 && !p.closed {
			p.wake.Wait()
		}
		if p.closed {
			p.mu.Unlock()
			return
		}
		job := p.queue[0]
		p.queue = p.queue[1:]
		ctx, cancel := context.WithCancelCause(p.ctx)
		p.active[job.ID] = cancel
		p.mu.Unlock()

		out := p.runner.Run(ctx, job, p.report)

		p.mu.Lock()
		delete(p.active, job.ID)
		p.mu.Unlock()
		cancel(nil)
		p.done(job, out)
	}
}
