package runner

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// maxLineBytes bounds one output line: a runaway engine printing without newlines must not
// grow the app's memory. Longer lines are cut.
const maxLineBytes = 64 * 1024

// ExitInfo is the one final status of a process.
type ExitInfo struct {
	ExitCode int    // -1 when killed by a signal or never started
	Signal   string // the signal that killed it, if any
	Err      error  // start failure
}

// runProcess starts name with args in dir, its stdout and stderr merged into one pipe so the
// lines keep their order, and calls onLine for every line. Cancelling ctx kills the whole
// process group (EnergyPlus starts ExpandObjects and ReadVarsESO as children).
func runProcess(ctx context.Context, dir, name string, args []string, onLine func(string)) ExitInfo {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	setProcessGroup(cmd)
	cmd.Cancel = func() error { return killProcessTree(cmd) }
	// After a kill, do not wait forever for a grandchild that still holds the pipe.
	cmd.WaitDelay = 2 * time.Second

	r, w, err := os.Pipe()
	if err != nil {
		return ExitInfo{ExitCode: -1, Err: fmt.Errorf("create output pipe: %w", err)}
	}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		r.Close()
		w.Close()
		return ExitInfo{ExitCode: -1, Err: fmt.Errorf("start %s: %w", name, err)}
	}
	w.Close() // the child holds its own copy; EOF comes when every writer has exited
	afterStart(cmd)

	lines := make(chan struct{})
	go func() {
		defer close(lines)
		readLines(r, onLine)
	}()
	waitErr := cmd.Wait()
	releaseProcess(cmd)
	// Wait closes nothing of ours: give the reader until the pipe drains, but not forever.
	select {
	case <-lines:
	case <-time.After(cmd.WaitDelay):
		r.Close()
		<-lines
	}
	r.Close()
	return exitInfo(cmd, waitErr)
}

func readLines(r io.Reader, onLine func(string)) {
	br := bufio.NewReaderSize(r, 64*1024)
	var buf []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(chunk) > 0 && len(buf) < maxLineBytes {
			buf = append(buf, chunk[:min(len(chunk), maxLineBytes-len(buf))]...)
		}
		if err != nil {
			if len(buf) > 0 {
				onLine(string(buf))
			}
			return
		}
		if !isPrefix {
			onLine(string(buf))
			buf = buf[:0]
		}
	}
}

func exitInfo(cmd *exec.Cmd, waitErr error) ExitInfo {
	info := ExitInfo{ExitCode: -1}
	if cmd.ProcessState != nil {
		info.ExitCode = cmd.ProcessState.ExitCode()
		info.Signal = signalOf(cmd.ProcessState)
	}
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) && !errors.Is(waitErr, exec.ErrWaitDelay) && info.ExitCode == -1 && info.Signal == "" {
		info.Err = waitErr
	}
	return info
}
