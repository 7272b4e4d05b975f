package runner

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"epsm/eplusout"

	"github.com/fsnotify/fsnotify"
)

// errWatcher counts warnings and severe errors in eplusout.err while EnergyPlus writes it:
// the engine prints neither to stdout. fsnotify wakes it on writes to the run directory; a
// slow poll covers file systems where notifications do not arrive (network shares).
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
	var events chan fsnotify.Event
	var fw *fsnotify.Watcher
	dir := filepath.Dir(w.path)
	onFile := false
	if x, err := fsnotify.NewWatcher(); err == nil {
		fw = x
		defer fw.Close()
		// Watch the file itself once it exists: EnergyPlus writes its other outputs thousands
		// of times a run, and a folder watch would wake us for every one of those writes.
		if fw.Add(w.path) == nil {
			onFile = true
			events = fw.Events
		} else if fw.Add(dir) == nil {
			events = fw.Events
		}
	}
	tick := time.NewTicker(errPollInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-events:
			if filepath.Base(ev.Name) != filepath.Base(w.path) {
				continue
			}
			if !onFile && fw.Add(w.path) == nil {
				onFile = true
				fw.Remove(dir)
			}
			w.scan()
		case <-tick.C:
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
