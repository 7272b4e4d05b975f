package runner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"epsm/internal/tempdir"
)

// The live warning count of a run: eplusout.err appears only after EnergyPlus has started, and
// while it grows the engine writes its other outputs in the same folder many times a second.
// The counts must follow the file, and the watcher must stop when asked. (The hang seen once
// in CI under Wine, an Add made from the loop that alone reads the watcher's events, did not
// recur in this test against the earlier code: see the comment in errWatcher.loop.)
func TestErrWatcherFollowsAFileThatAppearsWhileTheFolderIsBusy(t *testing.T) {
	dir := tempdir.New(t)
	path := filepath.Join(dir, "eplusout.err")
	type counts struct{ warnings, severe int }
	var mu sync.Mutex
	var last counts
	seen := make(chan counts, 100)
	w := watchErrFile(context.Background(), path, nil, func(warnings, severe int) {
		mu.Lock()
		last = counts{warnings, severe}
		mu.Unlock()
		select {
		case seen <- counts{warnings, severe}:
		default:
		}
	})
	stopped := make(chan struct{})
	defer func() {
		go func() { w.stop(); close(stopped) }()
		select {
		case <-stopped:
		case <-time.After(30 * time.Second):
			t.Fatal("the watcher did not stop")
		}
	}()

	// The engine's other outputs, written again and again from before the err file exists.
	busy, quiet := context.WithCancel(context.Background())
	defer quiet()
	writing := make(chan struct{})
	go func() {
		defer close(writing)
		for i := 0; busy.Err() == nil; i++ {
			_ = os.WriteFile(filepath.Join(dir, fmt.Sprintf("eplusout.%d.tmp", i%5)), []byte(fmt.Sprint(i)), 0o644)
		}
	}()
	defer func() { quiet(); <-writing }()

	waitFor := func(want counts) {
		t.Helper()
		deadline := time.After(30 * time.Second)
		for {
			select {
			case got := <-seen:
				if got == want {
					return
				}
			case <-deadline:
				mu.Lock()
				defer mu.Unlock()
				t.Fatalf("counts %+v, want %+v", last, want)
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, line := range []string{
		"   ** Warning ** GetSurfaceData: a surface is not exposed\n",
		"   ** Severe  ** GetHTSurfaceData: a construction is missing\n",
		"   ** Warning ** CheckUsedConstructions: 2 unused\n",
	} {
		if _, err := f.WriteString(line); err != nil {
			t.Fatal(err)
		}
		want := counts{warnings: 1, severe: 0}
		if i >= 1 {
			want.severe = 1
		}
		if i == 2 {
			want.warnings = 2
		}
		waitFor(want)
	}
}
