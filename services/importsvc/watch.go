package importsvc

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"epsm/events"

	"github.com/fsnotify/fsnotify"
)

// SourceChanged says which imported file changed on the user's disk after import.
type SourceChanged struct {
	Kind SourceKind `json:"kind"`
	ID   int64      `json:"id"`
	Path string     `json:"path"`
}

// SourceKind says whether an original file is a model's or a weather file's.
type SourceKind string

const (
	SourceModel   SourceKind = "model"
	SourceWeather SourceKind = "weather"
)

// AllSourceKinds feeds Wails's EnumBind.
var AllSourceKinds = []struct {
	Value  SourceKind
	TSName string
}{{SourceModel, "Model"}, {SourceWeather, "Weather"}}

// sourceWatcher watches the user's original files of imported models and weather files. When
// one changes on disk, its stored copy (and every result made from it) describes an older
// version: the model is marked changed and the UI offers to re-import and re-run. Folders are
// watched, not files, because editors save by writing a new file and renaming it.
type sourceWatcher struct {
	imp    *Importer
	fw     *fsnotify.Watcher
	mu     sync.Mutex
	byPath map[string][]watchedSource
	dirs   map[string]bool
	timers map[string]*time.Timer
	done   chan struct{}
}

type watchedSource struct {
	kind SourceKind
	id   int64
	sha  string
}

// settleDelay lets an editor finish writing before the file is hashed.
const settleDelay = 300 * time.Millisecond

func (imp *Importer) watchSources() *sourceWatcher {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		imp.log.Warn("cannot watch original files for changes", "err", err)
		return nil
	}
	w := &sourceWatcher{imp: imp, fw: fw, byPath: map[string][]watchedSource{}, dirs: map[string]bool{},
		timers: map[string]*time.Timer{}, done: make(chan struct{})}
	go w.loop()
	// The user's models only: a study's variants were generated from bytes and have no file.
	if models, err := imp.store.UserModels(); err == nil {
		for _, m := range models {
			if m.SourceChangedAt == "" {
				w.add(m.OriginalPath, watchedSource{SourceModel, m.ID, m.SHA256})
			}
		}
	}
	if weathers, err := imp.store.WeatherFiles(); err == nil {
		for _, x := range weathers {
			if x.SourceChangedAt == "" {
				w.add(x.OriginalPath, watchedSource{SourceWeather, x.ID, x.SHA256})
			}
		}
	}
	return w
}

// watch starts watching a newly imported original file.
func (imp *Importer) watch(path string) {
	if imp.sources == nil {
		return
	}
	if m, err := imp.store.Models(); err == nil {
		for _, x := range m {
			if x.OriginalPath == path && x.SourceChangedAt == "" {
				imp.sources.add(path, watchedSource{SourceModel, x.ID, x.SHA256})
			}
		}
	}
	if ws, err := imp.store.WeatherFiles(); err == nil {
		for _, x := range ws {
			if x.OriginalPath == path && x.SourceChangedAt == "" {
				imp.sources.add(path, watchedSource{SourceWeather, x.ID, x.SHA256})
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
		if s.kind == SourceWeather {
			table = "weather"
		}
		if err := w.imp.store.MarkSourceChanged(table, s.id); err != nil {
			w.imp.log.Error("mark source changed", "path", path, "err", err)
			continue
		}
		w.imp.log.Info("original file changed on disk", "path", path, "kind", s.kind, "id", s.id)
		w.imp.emit.Emit(events.SourceChanged, SourceChanged{Kind: s.kind, ID: s.id, Path: path})
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
