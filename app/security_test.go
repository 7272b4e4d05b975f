package app

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/runner"
	"epsm/services/runsvc"
	"epsm/sim"
	"epsm/store"
)

// A configured engine that is not EnergyPlus (set in the window, left in the stored settings
// by an older version, or in ENERGYPLUS_EXE) is refused with a message naming it, and is never
// started with a model: only with --version, the check itself.
func TestAnEngineThatIsNotEnergyPlusIsRefusedAndNeverRunsAModel(t *testing.T) {
	real := testEngine(t)
	if runtime.GOOS == "windows" {
		t.Skip("the engines that are not EnergyPlus are shell scripts and Unix programs (/bin/true)")
	}
	tmp := tempdir.New(t)
	calls := filepath.Join(tmp, "calls")
	recorder := func(name, body string) string {
		p := filepath.Join(tmp, name)
		script := "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n" + body + "\n"
		if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	notExecutable := filepath.Join(tmp, "energyplus-not-executable")
	os.WriteFile(notExecutable, []byte("EnergyPlus, Version 25.2.0-cf7368216c\n"), 0o644)
	cases := []struct{ name, path, want string }{
		{"/bin/true: answers nothing", "/bin/true", "printed no EnergyPlus version"},
		{"another program's version", recorder("python3", `echo "Python 3.11.2"`), `"Python 3.11.2"`},
		{"a version line, then a failure", recorder("failing", `echo "EnergyPlus, Version 25.2.0-cf7368216c"; exit 3`), "exit status 3"},
		{"a file that is not executable", notExecutable, "permission denied"},
		{"a folder", tmp, "permission denied"},
		{"nothing there", filepath.Join(tmp, "gone", "energyplus"), "no such file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(tempdir.New(t), "data")
			env := ""
			cfg := Config{DataDir: dir, Workers: 1, Discover: discoverOnly(func() string { return env })}
			c, err := Open(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			a := c
			ex := c.Importer.ImportExample()
			req := runsvc.RunRequest{ModelIDs: []int64{ex.Models[0].ID}, WeatherID: ex.Weather[0].ID, DesignDaysOnly: true}

			// Chosen in the window: refused, and the setting stays as it was.
			_, err = a.SettingsService.SetEnginePath(tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.path+" is not a working EnergyPlus") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("SetEnginePath(%s) = %v, want a refusal naming it and saying %q", tc.path, err, tc.want)
			}
			if v, _, _ := c.Store.Setting("engine.path"); v != "" {
				t.Fatalf("the refused engine was stored: %q", v)
			}

			// Already in the stored setting and in ENERGYPLUS_EXE: discovery probes it, keeps it
			// out, says why, and no run can start.
			if err := c.Store.SetSetting("engine.path", tc.path); err != nil {
				t.Fatal(err)
			}
			env = tc.path
			st, _ := a.SettingsService.RediscoverEngines()
			if st.Engine != nil {
				t.Fatalf("engine = %+v", st.Engine)
			}
			said := false // the same path twice is probed once
			for _, cand := range st.Candidates {
				said = said || cand.Path == tc.path && strings.Contains(cand.Error, tc.want)
			}
			if !said {
				t.Errorf("no candidate says why %s was refused: %+v", tc.path, st.Candidates)
			}
			if _, err := a.RunsService.StartRuns(req); !errors.Is(err, runner.ErrNoEngine) {
				t.Fatalf("a run started with no working engine: %v", err)
			}

			// With a real engine beside it, runs go to the real one.
			env = real.Path
			if st, _ := a.SettingsService.RediscoverEngines(); st.Engine == nil || st.Engine.Path != real.Path {
				t.Fatalf("engine = %+v, want %s", st.Engine, real.Path)
			}
			runs, err := a.RunsService.StartRuns(req)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Queue.Wait(context.Background(), []int64{runs[0].ID}); err != nil {
				t.Fatal(err)
			}
			if r, _ := c.Store.Run(runs[0].ID); r.EnginePath != real.Path || !r.Status.Succeeded() {
				t.Fatalf("run = %s on %s: %s", r.Status, r.EnginePath, r.Message)
			}
		})
	}
	data, _ := os.ReadFile(calls)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line != "--version" {
			t.Errorf("a refused engine was started with %q", line)
		}
	}
}

// discoverOnly is real discovery limited to the stored setting and ENERGYPLUS_EXE (env()), so
// a test does not depend on the engines this machine has.
func discoverOnly(env func() string) func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) {
	return func(ctx context.Context, o runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) {
		o.Getenv = func(k string) string {
			if k == "ENERGYPLUS_EXE" {
				return env()
			}
			return ""
		}
		o.LookPath = func(string) (string, error) { return "", os.ErrNotExist }
		o.InstallRoots, o.VenvDirs = []string{}, []string{}
		return runner.Discover(ctx, o)
	}
}

// runFilesFixture stores runs whose folders hold report files, and the ways a run folder can
// try to lead out of the data folder.
type runFilesFixture struct {
	c                                    *App
	own, linkedFile, linkedDir, movedDir int64
	cached                               int64
	secret                               string
}

func newRunFilesFixture(t *testing.T) runFilesFixture {
	t.Helper()
	tmp := tempdir.New(t)
	dir := filepath.Join(tmp, "data")
	c := openCore(t, dir, nil, nil)
	t.Cleanup(c.Close)
	ex := c.Importer.ImportExample()
	spec := store.RunSpec{ModelID: ex.Models[0].ID, WeatherID: ex.Weather[0].ID, Engine: sim.Engine{Path: "/nowhere/energyplus", Version: "25.2.0"}}
	outside := filepath.Join(tmp, "outside")
	os.MkdirAll(outside, 0o755)
	secret := "SECRET outside the data folder"
	os.WriteFile(filepath.Join(outside, "eplustbl.htm"), []byte(secret), 0o644)
	os.WriteFile(filepath.Join(outside, "eplusout.err"), []byte(secret), 0o644)
	newRun := func() int64 {
		r, err := c.Store.CreateRun(spec)
		if err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	f := runFilesFixture{c: c, secret: secret}
	f.own = newRun()
	runDir := c.Store.RunDir(f.own)
	os.MkdirAll(runDir, 0o755)
	os.WriteFile(filepath.Join(runDir, "eplustbl.htm"), []byte(`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN""http://www.w3.org/TR/html4/loose.dtd">
<html><head><title>Building <img src="https://remote.example/x.png"></title></head><body>Report of run one</body></html>`), 0o644)
	os.WriteFile(filepath.Join(runDir, "eplusout.err"), []byte("Program Version,EnergyPlus\n   ** Warning ** own"), 0o644)
	os.WriteFile(filepath.Join(runDir, "in.idf"), []byte("Version,25.2;"), 0o644)

	// Symlinks (not on Windows, where making one takes a privilege a user's process lacks,
	// and under Wine 8 Go cannot read back the ones it makes: "File not found").
	if runtime.GOOS != "windows" {
		// A symlink planted inside a run folder, pointing out of it.
		f.linkedFile = newRun()
		os.MkdirAll(c.Store.RunDir(f.linkedFile), 0o755)
		for _, n := range []string{"eplustbl.htm", "eplusout.err"} {
			if err := os.Symlink(filepath.Join(outside, n), filepath.Join(c.Store.RunDir(f.linkedFile), n)); err != nil {
				t.Fatal(err)
			}
		}
		// A run folder that is itself a symlink out of the data folder.
		f.linkedDir = newRun()
		if err := os.Symlink(outside, c.Store.RunDir(f.linkedDir)); err != nil {
			t.Fatal(err)
		}
	}
	// A run whose stored folder was changed to point outside: the folder comes from the id.
	f.movedDir = newRun()
	os.MkdirAll(c.Store.RunDir(f.movedDir), 0o755)
	os.WriteFile(filepath.Join(c.Store.RunDir(f.movedDir), "eplustbl.htm"), []byte("the run's own report"), 0o644)
	db, err := sql.Open("sqlite3", filepath.Join(dir, "epsm.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE runs SET run_dir = ? WHERE id = ?`, outside, f.movedDir); err != nil {
		t.Fatal(err)
	}
	// A run answered from the cache reads its original's folder.
	own, _ := c.Store.Run(f.own)
	cached, err := c.Store.CreateCachedRun(spec, own)
	if err != nil {
		t.Fatal(err)
	}
	f.cached = cached.ID
	return f
}

// get sends target as the webview would: its path is decoded (%2e%2e becomes ..) but not
// cleaned.
func get(h http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestRunFilesNeverLeaveTheRunsOwnFolder(t *testing.T) {
	f := newRunFilesFixture(t)
	h := f.c.Queue.RunFilesHandler()
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	cases := []struct {
		name, url string
		want      string // in the body of a 200; "" = 404
	}{
		{"the report", "/runfiles/" + id(f.own) + "/eplustbl.htm", "Report of run one"},
		{"the err file", "/runfiles/" + id(f.own) + "/eplusout.err", "** Warning ** own"},
		{"a cached run reads its original's report", "/runfiles/" + id(f.cached) + "/eplustbl.htm", "Report of run one"},
		{"the folder comes from the id, not the stored path", "/runfiles/" + id(f.movedDir) + "/eplustbl.htm", "the run's own report"},
		{"a file that is not listed", "/runfiles/" + id(f.own) + "/in.idf", ""},
		{"the database", "/runfiles/" + id(f.own) + "/epsm.db", ""},
		{"../ to another run", "/runfiles/" + id(f.own) + "/../" + id(f.cached) + "/eplustbl.htm", ""},
		{"../ out of the data folder", "/runfiles/" + id(f.own) + "/../../epsm.db", ""},
		{"encoded ../", "/runfiles/" + id(f.own) + "/%2e%2e/%2e%2e/epsm.db", ""},
		{"encoded slashes", "/runfiles/" + id(f.own) + "/..%2f..%2fepsm.db", ""},
		{"encoded backslashes (Windows's separator)", "/runfiles/" + id(f.own) + "/..%5c..%5cepsm.db", ""},
		{"backslashes to another run", "/runfiles/" + id(f.own) + `/..\` + id(f.cached) + `\eplustbl.htm`, ""},
		{"../ as the id", "/runfiles/../eplustbl.htm", ""},
		{"an absolute path as the name", "/runfiles/" + id(f.own) + "//etc/passwd", ""},
		{"an encoded absolute path", "/runfiles/" + id(f.own) + "/%2Fetc%2Fpasswd", ""},
		{"an absolute path as the id", "/runfiles//etc/passwd", ""},
		{"a negative id", "/runfiles/-1/eplustbl.htm", ""},
		{"a run that does not exist", "/runfiles/999/eplustbl.htm", ""},
		{"a symlink planted in the run folder", "/runfiles/" + id(f.linkedFile) + "/eplustbl.htm", ""},
		{"a planted symlink err file", "/runfiles/" + id(f.linkedFile) + "/eplusout.err", ""},
		{"a run folder that is a symlink", "/runfiles/" + id(f.linkedDir) + "/eplustbl.htm", ""},
		{"outside the prefix", "/etc/passwd", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.url, "/0/") {
				t.Skip("no symlinks on Windows")
			}
			rec := get(h, tc.url)
			body := rec.Body.String()
			if strings.Contains(body, f.secret) {
				t.Fatalf("%s served a file from outside the data folder", tc.url)
			}
			if tc.want == "" {
				if rec.Code != http.StatusNotFound {
					t.Fatalf("%s: status %d, want 404; body %q", tc.url, rec.Code, body)
				}
				return
			}
			if rec.Code != http.StatusOK || !strings.Contains(body, tc.want) {
				t.Fatalf("%s: status %d, body %q; want 200 with %q", tc.url, rec.Code, body, tc.want)
			}
			if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("%s: Content-Security-Policy %q", tc.url, csp)
			}
		})
	}
	// The report carries its policy inside, right after the doctype: the Linux webview drops
	// headers, and a model's names (here an <img> in the title) must not load anything remote.
	body := get(h, "/runfiles/"+id(f.own)+"/eplustbl.htm").Body.String()
	if !strings.HasPrefix(body, "<!DOCTYPE") || !strings.Contains(body[:200], `<meta http-equiv="Content-Security-Policy" content="default-src 'none'`) {
		t.Errorf("report without its policy meta after the doctype:\n%.300s", body)
	}

	// The err viewer reads through the same gate.
	a := f.c
	if text, err := a.RunsService.ReadErrFile(f.own); err != nil || !strings.Contains(text, "own") {
		t.Errorf("ReadErrFile(own) = %q, %v", text, err)
	}
	for _, runID := range []int64{f.linkedFile, f.linkedDir} {
		if runID == 0 {
			continue // not made on Windows
		}
		text, err := a.RunsService.ReadErrFile(runID)
		if err == nil || strings.Contains(text, f.secret) || !errors.Is(err, runsvc.ErrOutsideRun) {
			t.Errorf("ReadErrFile(%d) = %q, %v; want a refusal", runID, text, err)
		}
	}
}
