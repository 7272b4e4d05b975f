//go:build linux

package app

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"epsm/internal/userns"
	"epsm/services/runsvc"
	"epsm/sim"
)

// smallDisk mounts a tmpfs of size bytes on a new folder, a real disk that fills up. ok is
// false where this process may not mount (not root, and not the namespace's root either), or
// EPSM_TEST_NO_MOUNT is set to try the fallback.
func smallDisk(t *testing.T, size int) (dir string, ok bool) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "small-disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("EPSM_TEST_NO_MOUNT") != "" {
		return "", false
	}
	if userns.InChild() {
		userns.PrivateMounts(t)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		t.Logf("cannot mount a tmpfs here: %v", err)
		return "", false
	}
	// Registered after TempDir's removal, so it runs before it.
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	t.Logf("data folder on a real %d MiB tmpfs at %s", size>>20, dir)
	return dir, true
}

// fillDisk writes a file in dir until the disk is full and returns its path.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 64<<10)
	for i := 0; i < 1<<14; i++ { // at most 1 GiB, should the disk not be small after all
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("fill %s: %v", dir, err)
			}
			return path
		}
	}
	t.Fatalf("wrote 1 GiB to %s without filling it", dir)
	return ""
}

func integrity(t *testing.T, dbPath string) string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		t.Fatalf("integrity check of %s: %v", dbPath, err)
	}
	return res
}

// TestDiskFullFailsTheRunSaysWhyAndKeepsTheRest: the data folder's disk fills up while the
// FAKE engine writes its outputs. The run must end failed with "disk full", the earlier
// result must stay, and the next run must succeed. Then the database's own writes hit the
// full disk: they fail with an error, and the database is intact afterwards.
func TestDiskFullFailsTheRunSaysWhyAndKeepsTheRest(t *testing.T) {
	engine := fakeEngine(t)
	disk, real := smallDisk(t, 24<<20)
	if !real && !userns.InChild() && os.Getenv("EPSM_TEST_NO_MOUNT") == "" && userns.Rerun(t) {
		return // ran on a real tmpfs, mounted as the root of a user namespace
	}
	data := filepath.Join(disk, "data")
	fills := []string{"fill-disk", "fill-disk quiet"} // the engine says why; or dies silently
	if !real {
		if os.Getenv("CI") != "" {
			t.Fatal("no real small disk could be mounted (neither as root nor in a user namespace): CI must test a real full disk, not the fallback")
		}
		data = filepath.Join(t.TempDir(), "data")
		// /dev/full: every write fails with the kernel's ENOSPC, the engine's error is real.
		fills = []string{"fill-disk /dev/full"}
		t.Log("NOTE: FALLBACK for a developer machine that cannot mount: the engine writes to /dev/full (injected ENOSPC); the free-space detection is not exercised")
	}
	c := openWith(t, Config{DataDir: data, Workers: 2, Resident: true}, &engine)
	defer func() { c.Close() }()
	src := t.TempDir()
	w := c.Importer.Import([]string{"../examples/USA_CO_Golden-NREL.724666_TMY3.epw"}).Weather[0]
	run := func(name, mode string) runsvc.RunDetails {
		t.Helper()
		rep := c.Importer.Import([]string{fakeModelFile(t, src, name, mode)})
		if len(rep.Models) != 1 {
			t.Fatalf("import %s: %+v", name, rep.Errors)
		}
		runs, err := c.Queue.StartRuns(runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherID: w.ID})
		if err != nil {
			t.Fatal(err)
		}
		waitRuns(t, c, []int64{runs[0].ID})
		d, err := c.Queue.RunDetails(runs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	succeeded := func(d runsvc.RunDetails, kwh float64) {
		t.Helper()
		if d.Run.Status != sim.StatusSucceeded || d.Results == nil || d.Results.TotalSiteKWh != kwh {
			t.Fatalf("run %d: %s %q results %+v, want succeeded with %g kWh", d.Run.ID, d.Run.Status, d.Run.Message, d.Results, kwh)
		}
	}

	earlier := run("earlier.idf", "results 111")
	succeeded(earlier, 111)
	for i, mode := range fills {
		d := run(fmt.Sprintf("fill-%d.idf", i), mode)
		t.Logf("%s: %s: %s", mode, d.Run.Status, d.Run.Message)
		if d.Run.Status.Succeeded() || !strings.Contains(d.Run.Message, "disk full") {
			t.Fatalf("%s: run ended %s %q, want a failure saying disk full", mode, d.Run.Status, d.Run.Message)
		}
		// The rest of a batch would fail the same way: the queue holds them and says why.
		if q := c.Queue.State(); !q.Paused || !strings.Contains(q.PauseReason, "Disk full") || !strings.Contains(q.PauseReason, c.Store.Dir()) {
			t.Fatalf("%s: queue %+v, want it paused saying the disk of the data folder is full", mode, q)
		}
		c.Queue.Resume()
		if _, err := os.Stat(filepath.Join(d.Run.Dir, "eplusout.err")); err != nil {
			t.Errorf("the failed run's eplusout.err is gone: %v", err)
		}
		if _, err := os.Stat(filepath.Join(d.Run.Dir, "eplusout.eso")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the partial eplusout.eso is still there (%v)", err)
		}
		// The earlier result and its outputs are still there.
		again, _ := c.Queue.RunDetails(earlier.Run.ID)
		succeeded(again, 111)
		if _, err := os.Stat(filepath.Join(earlier.Run.Dir, "eplusout.err")); err != nil {
			t.Errorf("the earlier run's outputs: %v", err)
		}
		// The app keeps working: the partial outputs were removed, so a next run has room.
		succeeded(run(fmt.Sprintf("after-%d.idf", i), fmt.Sprintf("results %d", 200+i)), float64(200+i))
	}

	// The store's own writes on a full disk.
	var undo func()
	if real {
		filler := fillDisk(t, disk)
		undo = func() { os.Remove(filler) }
	} else {
		undo = limitFileSize(t, filepath.Join(data, "epsm.db"))
	}
	var writeErr error
	for i := 0; i < 50000 && writeErr == nil; i++ {
		writeErr = c.Store.SetSetting(fmt.Sprintf("filler.%d", i), strings.Repeat("x", 8<<10))
	}
	undo()
	if writeErr == nil {
		t.Fatal("the store kept writing on a full disk")
	}
	t.Logf("store write on the full disk: %v", writeErr)
	if _, err := c.Store.Runs(); err != nil {
		t.Errorf("the store stopped answering after a failed write: %v", err)
	}
	c.Close()
	if got := integrity(t, filepath.Join(data, "epsm.db")); got != "ok" {
		t.Fatalf("integrity_check after the store hit a full disk: %s", got)
	}
	c = openWith(t, Config{DataDir: data, Workers: 2, Resident: true}, &engine)
	again, _ := c.Queue.RunDetails(earlier.Run.ID)
	succeeded(again, 111)
	succeeded(run("after-store.idf", "results 999"), 999)
}

// limitFileSize is the fallback for a machine that cannot mount a small disk: RLIMIT_FSIZE
// makes the kernel fail writes that grow a file past the database's size plus 256 KiB (the Go
// runtime ignores SIGXFSZ, so the write returns EFBIG). It returns the undo.
func limitFileSize(t *testing.T, dbPath string) func() {
	t.Helper()
	st, err := os.Stat(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	lim := old
	lim.Cur = uint64(st.Size()) + 256<<10
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	t.Log("NOTE: FALLBACK: the store's writes fail through RLIMIT_FSIZE (EFBIG), not a full disk")
	return func() { syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old) }
}
