package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"

	"epsm/library"
)

// AppName and Version name this build in the About box, exported files and bundles. Version
// follows wails.json's productVersion; a release build may set it with
// -ldflags "-X epsm/app.Version=1.2.3".
const AppName = "EPSM Desktop"

var Version = "0.1.0"

// About is what Help → About shows.
type About struct {
	App     string `json:"app"`
	Version string `json:"version"`
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
func (c *Core) About() About {
	a := About{App: AppName, Version: Version, Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, LibraryVersion: defaultLibraryVersion()}
	st := c.EngineStatus()
	if st.Engine != nil {
		a.EngineVersion, a.EnginePath = st.Engine.Version, st.Engine.Path
	}
	if lib, err := c.Library(); err == nil {
		a.LibraryItems = len(lib.Materials) + len(lib.Windows) + len(lib.Constructions)
	}
	a.DataDir = c.store.Dir()
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
