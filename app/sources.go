package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"epsm/store"
)

// sourceWatcher watches the user's original files of imported models and weather files. When
// one changes on disk, its stored copy (and every result made from it) describes an older
// version: the model is marked changed and the UI offers to re-import and re-run. Folders are
// watched, not files, because editors save by writing a new file and renaming it.
type sourceWatcher struct {
	c      *Core
	fw     *fsnotify.Watcher
	mu     sync.Mutex
	byPath map[string][]watchedSource
	dirs   map[string]bool
	timers map[string]*time.Timer
	done   chan struct{}
}

type watchedSource struct {
	kind string // "model" or "weather"
	id   int64
	sha  string
}

// settleDelay lets an editor finish writing before the file is hashed.
const settleDelay = 300 * time.Millisecond

func (c *Core) watchSources() *sourceWatcher {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		c.log.Warn("cannot watch original files for changes", "err", err)
		return nil
	}
	w := &sourceWatcher{c: c, fw: fw, byPath: map[string][]watchedSource{}, dirs: map[string]bool{},
		timers: map[string]*time.Timer{}, done: make(chan struct{})}
	go w.loop()
	if models, err := c.store.Models(); err == nil {
		for _, m := range models {
			if m.SourceChangedAt == "" {
				w.add(m.OriginalPath, watchedSource{"model", m.ID, m.SHA256})
			}
		}
	}
	if weathers, err := c.store.WeatherFiles(); err == nil {
		for _, x := range weathers {
			if x.SourceChangedAt == "" {
				w.add(x.OriginalPath, watchedSource{"weather", x.ID, x.SHA256})
			}
		}
	}
	return w
}

// watch starts watching a newly imported original file.
func (c *Core) watch(path string) {
	if c.sources == nil {
		return
	}
	if m, err := c.store.Models(); err == nil {
		for _, x := range m {
			if x.OriginalPath == path && x.SourceChangedAt == "" {
				c.sources.add(path, watchedSource{"model", x.ID, x.SHA256})
			}
		}
	}
	if ws, err := c.store.WeatherFiles(); err == nil {
		for _, x := range ws {
			if x.OriginalPath == path && x.SourceChangedAt == "" {
				c.sources.add(path, watchedSource{"weather", x.ID, x.SHA256})
			}
		}
	}
}

func (w *sourceWatcher) add(path string, s watchedSource) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, have := range w.byPath[abs] {
		if have == s {
			return
		}
	}
	w.byPath[abs] = append(w.byPath[abs], s)
	dir := filepath.Dir(abs)
	if !w.dirs[dir] {
		if err := w.fw.Add(dir); err == nil {
			w.dirs[dir] = true
		}
	}
}

func (w *sourceWatcher) loop() {
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			w.mu.Lock()
			if _, watched := w.byPath[ev.Name]; watched {
				path := ev.Name
				if t := w.timers[path]; t != nil {
					t.Stop()
				}
				w.timers[path] = time.AfterFunc(settleDelay, func() { w.check(path) })
			}
			w.mu.Unlock()
		case <-w.fw.Errors:
		}
	}
}

// check hashes the file again: a touch that leaves the content alone is no change.
func (w *sourceWatcher) check(path string) {
	sum := hashFile(path) // "" when the file is gone
	w.mu.Lock()
	var changed []watchedSource
	var kept []watchedSource
	for _, s := range w.byPath[path] {
		if s.sha != sum {
			changed = append(changed, s)
		} else {
			kept = append(kept, s)
		}
	}
	w.byPath[path] = kept
	w.mu.Unlock()
	for _, s := range changed {
		table := "models"
		if s.kind == "weather" {
			table = "weather"
		}
		if err := w.c.store.MarkSourceChanged(table, s.id); err != nil {
			w.c.log.Error("mark source changed", "path", path, "err", err)
			continue
		}
		w.c.log.Info("original file changed on disk", "path", path, "kind", s.kind, "id", s.id)
		w.c.emit.Emit(EventSourceChanged, SourceChanged{Kind: s.kind, ID: s.id, Path: path})
	}
}

func (w *sourceWatcher) stop() {
	close(w.done)
	w.fw.Close()
	w.mu.Lock()
	for _, t := range w.timers {
		t.Stop()
	}
	w.mu.Unlock()
}

func hashFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ReimportResult is what re-importing a changed model did.
type ReimportResult struct {
	Import ImportReport `json:"import"`
	Runs   []store.Run  `json:"runs"`
}

// ReimportAndRerun imports the current content of a model's original file and runs it again
// with every weather file its earlier runs used: the one-click answer to "my model changed".
func (c *Core) ReimportAndRerun(modelID int64) (ReimportResult, error) {
	m, err := c.store.Model(modelID)
	if err != nil {
		return ReimportResult{}, fmt.Errorf("model %d: %w", modelID, err)
	}
	rep := c.Import([]string{m.OriginalPath})
	res := ReimportResult{Import: rep}
	if len(rep.Errors) > 0 {
		return res, fmt.Errorf("re-import %s: %s", m.OriginalPath, rep.Errors[0].Message)
	}
	if len(rep.Models) != 1 {
		return res, fmt.Errorf("re-import %s: no model imported", m.OriginalPath)
	}
	runs, err := c.store.Runs()
	if err != nil {
		return res, err
	}
	seen := map[int64]bool{}
	var weatherIDs []int64
	forceAnnual := false
	for _, r := range runs { // newest first
		if r.ModelID == modelID && !seen[r.WeatherID] {
			if len(weatherIDs) == 0 {
				forceAnnual = r.ForceAnnual
			}
			seen[r.WeatherID] = true
			weatherIDs = append(weatherIDs, r.WeatherID)
		}
	}
	if len(weatherIDs) == 0 {
		return res, nil // never run: importing was all there was to do
	}
	res.Runs, err = c.StartRuns(RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherIDs: weatherIDs, ForceAnnual: forceAnnual})
	return res, err
}
