package launch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// DefaultWaitDelay is how long Run waits for the output pipe to drain after the process
// ended when the Command sets no WaitDelay.
const DefaultWaitDelay = 2 * time.Second

// Command is a program to run.
type Command struct {
	Path string   // the program; a path found and checked by the caller, never a shell
	Args []string // its arguments, as a list
	Dir  string   // its working directory ("" = the app's)
	Env  []string // its environment; nil = the app's

	// OnLine gets every line of stdout and stderr, merged into one pipe so that they keep
	// their order, without the line ending. Lines longer than MaxLineBytes are cut. It is
	// called from one goroutine, never after Run returned.
	OnLine func(line string)
	// OnStart is called once when the process runs (on Windows: after it was put in its job
	// object and resumed), before any OnLine.
	OnStart func(Identity)
	// WaitDelay bounds the wait for the output pipe after the process exited or was killed
	// (DefaultWaitDelay when 0): a grandchild that escaped the tree and holds the pipe must
	// not hang the caller.
	WaitDelay time.Duration
}

// Exit is the one final status of a process.
type Exit struct {
	Code   int    // the exit code; -1 when killed or never started
	Signal string // unix: the signal that ended it, if any
	Err    error  // the process could not be started (or waited for)
}

// AsError is nil when the program ran and exited with code 0; otherwise it says how it ended.
func (e Exit) AsError() error {
	switch {
	case e.Err != nil:
		return e.Err
	case e.Signal != "":
		return fmt.Errorf("killed by signal %s", e.Signal)
	case e.Code < 0:
		return errors.New("killed")
	case e.Code != 0:
		return fmt.Errorf("exit status %d", e.Code)
	}
	return nil
}

// Run runs c to its end and returns its one Exit. Cancelling ctx kills the whole process
// tree; Run still returns only once the process has been waited for.
func Run(ctx context.Context, c Command) Exit {
	return run(ctx, c, func(r io.Reader) { readLines(r, c.OnLine) })
}

// Output runs c like Run and returns its merged stdout and stderr, up to limit bytes (the
// rest is read and dropped, so the program never blocks on a full pipe). c.OnLine is not
// called. It is for short answers: `--version`, EPMacro's and the updaters' messages.
func Output(ctx context.Context, c Command, limit int) ([]byte, Exit) {
	buf := &limitedBuffer{limit: limit}
	exit := run(ctx, c, func(r io.Reader) { io.Copy(buf, r) })
	return buf.data, exit
}

// run starts the process with its output on one pipe, hands the pipe's read end to consume
// and waits for both, the pipe for at most the wait delay after the process ended.
func run(ctx context.Context, c Command, consume func(io.Reader)) Exit {
	if ctx.Err() != nil {
		return Exit{Code: -1, Err: fmt.Errorf("start %s: %w", c.Path, context.Cause(ctx))}
	}
	if c.Dir != "" {
		// Checked here so that every OS says the same thing (Windows would only say
		// "the directory name is invalid").
		if _, err := os.Stat(c.Dir); err != nil {
			return Exit{Code: -1, Err: fmt.Errorf("start %s: working directory: %w", c.Path, err)}
		}
	}
	unpin := pinThread()
	defer unpin()
	r, w, err := os.Pipe()
	if err != nil {
		return Exit{Code: -1, Err: fmt.Errorf("start %s: output pipe: %w", c.Path, err)}
	}
	cmd := exec.Command(c.Path, c.Args...)
	cmd.Dir, cmd.Env = c.Dir, c.Env
	cmd.Stdout, cmd.Stderr = w, w
	p, err := start(cmd)
	w.Close() // the child holds its own copy: EOF comes when every writer has ended
	if err != nil {
		r.Close()
		return Exit{Code: -1, Err: fmt.Errorf("start %s: %w", c.Path, err)}
	}
	defer p.release()
	if c.OnStart != nil {
		c.OnStart(p.identity())
	}

	drained := make(chan struct{})
	go func() {
		defer close(drained)
		consume(r)
	}()
	exit := p.wait(ctx)
	delay := c.WaitDelay
	if delay <= 0 {
		delay = DefaultWaitDelay
	}
	timer := time.NewTimer(delay)
	defer timer.Stop()
	select {
	case <-drained:
	case <-timer.C:
		r.Close() // unblocks the reader
		<-drained
	}
	r.Close()
	if exit.Err != nil {
		exit.Err = fmt.Errorf("wait for %s: %w", c.Path, exit.Err)
	}
	return exit
}

// wait waits for the process and kills its tree when ctx is cancelled first. Where the OS
// lets us see the exit before reaping (Linux, Windows), the rest of the tree is killed then,
// while the leader's pid, and so its process group id, cannot have been given to another
// process. Elsewhere the tree is killed only on cancel.
func (p *process) wait(ctx context.Context) Exit {
	var mu sync.Mutex
	reaped, killed := false, false
	stop, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-ctx.Done():
			mu.Lock()
			if !reaped {
				killed = true
				p.killTree()
			}
			mu.Unlock()
		case <-stop:
		}
	}()
	var waitErr error
	if p.waitExited() {
		mu.Lock()
		p.killTree() // what the leader left behind ends with it
		waitErr = p.cmd.Wait()
		reaped = true
		mu.Unlock()
	} else {
		waitErr = p.cmd.Wait()
		mu.Lock()
		reaped = true
		mu.Unlock()
	}
	close(stop)
	<-watched

	exit := Exit{Code: -1}
	if ps := p.cmd.ProcessState; ps != nil {
		exit.Code, exit.Signal = exitStatus(ps, killed)
	}
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) {
		exit.Err = waitErr
	}
	return exit
}
