package settingsvc

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"epsm/library"
	"epsm/version"
)

// About is what Help → About shows.
type About struct {
	App     string `json:"app"`
	Version string `json:"version"`
	// Commit and CommitDate are the git commit the binary was built from and that commit's
	// date (RFC 3339); empty in a build the Makefile did not stamp (see package version).
	Commit     string `json:"commit"`
	CommitDate string `json:"commitDate"`
	// Engine is the default EnergyPlus ("" when none is found).
	EngineVersion string `json:"engineVersion"`
	EnginePath    string `json:"enginePath"`
	// LibraryVersion identifies the shipped default library by the hash of its data, so two
	// users can tell whether their default figures are the same.
	LibraryVersion string `json:"libraryVersion"`
	LibraryItems   int    `json:"libraryItems"` // in this data folder's library
	DataDir        string `json:"dataDir"`
	Go             string `json:"go"`
	OS             string `json:"os"`
	// Dependencies are the versions of the main Go modules this binary was built with.
	Dependencies []Dependency `json:"dependencies"`
}

// Dependency is a Go module and its version.
type Dependency struct {
	Path    string `json:"path"`
	Version string `json:"version"`
}

// aboutModules are the dependencies worth naming in the About box.
var aboutModules = []string{"github.com/wailsapp/wails/v2", "github.com/mattn/go-sqlite3", "github.com/xuri/excelize/v2", "github.com/fsnotify/fsnotify", "github.com/godbus/dbus/v5"}

// About collects the versions of the app, its engine and its library.
func (s *Settings) About() About {
	a := About{App: version.AppName, Version: version.Version, Commit: version.Commit, CommitDate: version.Date, Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, LibraryVersion: defaultLibraryVersion()}
	if e := s.Engine(); e.Path != "" {
		a.EngineVersion, a.EnginePath = e.Version, e.Path
	}
	if lib, err := s.store.Library(); err == nil {
		a.LibraryItems = len(lib.Materials) + len(lib.Windows) + len(lib.Constructions)
	}
	a.DataDir = s.store.Dir()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, want := range aboutModules {
			for _, d := range bi.Deps {
				if d.Path == want {
					v := d.Version
					if d.Replace != nil {
						v = d.Replace.Version
					}
					a.Dependencies = append(a.Dependencies, Dependency{Path: d.Path, Version: v})
				}
			}
		}
	}
	return a
}

func defaultLibraryVersion() string {
	h := sha256.New()
	h.Write([]byte(library.DefaultAttribution()))
	if lib, err := library.Default(); err == nil {
		js, _ := json.Marshal(lib) // every figure and source: a changed number changes the version
		h.Write(js)
	}
	return "default " + strings.ToLower(hex.EncodeToString(h.Sum(nil))[:12])
}

// DataFolder says where EPSM keeps its data and how much room it takes.
type DataFolder struct {
	Path      string `json:"path"`
	SizeBytes int64  `json:"sizeBytes"`
	Files     int    `json:"files"`
	Runs      int    `json:"runs"` // run folders
	Error     string `json:"error,omitempty"`
}

// DataFolder measures the data folder (the database, the imported copies and the run folders).
func (s *Settings) DataFolder() DataFolder {
	dir := s.store.Dir()
	out := DataFolder{Path: dir}
	runs := filepath.Join(dir, "runs")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a file removed while we walk: count the rest
		}
		if d.IsDir() {
			if filepath.Dir(p) == runs {
				out.Runs++
			}
			return nil
		}
		if info, err := d.Info(); err == nil {
			out.SizeBytes += info.Size()
			out.Files++
		}
		return nil
	})
	if err != nil {
		out.Error = fmt.Sprintf("could not measure %s: %v", dir, err)
	}
	return out
}
