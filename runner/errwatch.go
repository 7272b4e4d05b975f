package runner

import (
	"bytes"
	"context"
	"io"
	"os"
	"sync"
	"time"

	"epsm/eplusout"

	"github.com/fsnotify/fsnotify"
)

// errWatcher counts warnings and severe errors in eplusout.err while EnergyPlus writes it:
// the engine prints neither to stdout. fsnotify wakes it on writes to the file; a slow poll
// covers the time before the file exists and file systems where notifications do not arrive
// (network shares).
type errWatcher struct {
	path       string
	onActivity func() // the file grew
	onChange   func(warnings, severe int)

	mu       sync.Mutex
	offset   int64
	partial  []byte
	warnings int
	severe   int

	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
}

const errPollInterval = time.Second

func watchErrFile(ctx context.Context, path string, onActivity func(), onChange func(warnings, severe int)) *errWatcher {
	ctx, cancel := context.WithCancel(ctx)
	w := &errWatcher{path: path, onActivity: onActivity, onChange: onChange, cancel: cancel, done: make(chan struct{})}
	go w.loop(ctx)
	return w
}

func (w *errWatcher) loop(ctx context.Context) {
	defer close(w.done)
	// fsnotify's Windows backend answers Add on the goroutine that delivers events, so an Add
	// made here while a watch is delivering to this loop, its only reader, never returns: a
	// run hung that way under Wine (an earlier version watched the folder until the file
	// appeared, then added the file from this loop). The file is therefore watched only, and
	// added only while nothing else is watched: at the start if it exists, else once a poll
	// finds it. The file rather than the folder, too, because EnergyPlus writes its other
	// outputs thousands of times a run and a folder watch would wake this loop for each.
	var fw *fsnotify.Watcher
	if x, err := fsnotify.NewWatcher(); err == nil {
		fw = x
		defer fw.Close()
	}
	var events <-chan fsnotify.Event
	var errs <-chan error
	watchFile := func() {
		if fw != nil && events == nil && fw.Add(w.path) == nil {
			events, errs = fw.Events, fw.Errors
		}
	}
	watchFile()
	tick := time.NewTicker(errPollInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-events:
			if !ok {
				events, errs = nil, nil
				continue
			}
			w.scan()
		case _, ok := <-errs:
			// A lost notification costs at most a poll interval; the channel must still be
			// drained, or the backend blocks on it.
			if !ok {
				events, errs = nil, nil
			}
		case <-tick.C:
			watchFile()
			w.scan()
		}
	}
}

// scan reads what was appended since the last scan and counts complete lines.
func (w *errWatcher) scan() {
	f, err := os.Open(w.path)
	if err != nil {
		return
	}
	defer f.Close()
	w.mu.Lock()
	if _, err := f.Seek(w.offset, io.SeekStart); err != nil {
		w.mu.Unlock()
		return
	}
	data, _ := io.ReadAll(io.LimitReader(f, 16<<20))
	w.offset += int64(len(data))
	if len(data) > 0 && w.onActivity != nil {
		w.onActivity()
	}
	data = append(w.partial, data...)
	changed := false
	for {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break
		}
		line := bytes.TrimSpace(data[:i])
		data = data[i+1:]
		switch {
		case bytes.HasPrefix(line, []byte(eplusout.WarningPrefix)):
			w.warnings++
			changed = true
		case bytes.HasPrefix(line, []byte(eplusout.SeverePrefix)):
			w.severe++
			changed = true
		}
	}
	w.partial = append(w.partial[:0], data...)
	warnings, severe := w.warnings, w.severe
	w.mu.Unlock()
	if changed && w.onChange != nil {
		w.onChange(warnings, severe)
	}
}

func (w *errWatcher) stop() {
	w.once.Do(func() {
		w.cancel()
		<-w.done
	})
}
