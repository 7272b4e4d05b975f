// Package archcheck keeps docs/ARCHITECTURE.md true: the imports only go down the layers it
// draws, and the files of its walk through one run exist and are at most 20.
package archcheck

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const root = "../.."

// layers: a package may import only packages of a lower layer, or those it is listed with in
// sideways (the services' own order). Test infrastructure (internal/) and tools are not app code.
var layers = [][]string{
	{"sim", "clock", "version", "idf", "idd", "idd/gen", "epw", "launch", "lca", "optimize", "qmc", "sheet", "examples", "workerbin", "memtrim"},
	{"library", "takeoff", "eplusout", "events", "bbr", "idfdiff", "sensitivity"},
	{"study", "store", "runner", "report"},
	{"cluster"},
	{"services/dialog", "services/settingsvc", "services/librarysvc", "services/runsvc", "services/importsvc", "services/studysvc", "services/computesvc"},
	{"app"},
	{"desktop", "cli"},
	{""}, // main
}

// sideways are the allowed imports within one layer.
var sideways = map[string][]string{
	"idd/gen":             {"idd"}, // the generator of idd's embedded copy
	"library":             {},
	"takeoff":             {},
	"study":               {},
	"store":               {},
	"runner":              {},
	"report":              {},
	"services/settingsvc": {"services/dialog"},
	"services/librarysvc": {"services/dialog"},
	"services/runsvc":     {"services/settingsvc"},
	"services/importsvc":  {"services/dialog", "services/runsvc", "services/settingsvc"},
	"services/studysvc":   {"services/dialog", "services/runsvc", "services/importsvc", "services/settingsvc"},
	"desktop":             {},
	"cli":                 {},
}

func layerOf(pkg string) int {
	for i, l := range layers {
		for _, p := range l {
			if p == pkg {
				return i
			}
		}
	}
	return -1
}

// imports reads the epsm imports of every non-test Go file of each package (all build tags).
func imports(t *testing.T) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "frontend", "e2e", "tools", "testdata", "internal", "bench", ".git", ".cache", "build":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(filepath.Dir(rel))
		if pkg == "." {
			pkg = ""
		}
		if strings.Contains(pkg, "/internal/") {
			return nil // a package's own FAKE programs
		}
		if out[pkg] == nil {
			out[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if rest, ok := strings.CutPrefix(path, "epsm/"); ok {
				out[pkg][rest] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportsGoOnlyDown(t *testing.T) {
	all := imports(t)
	if len(all) < 20 {
		t.Fatalf("read only %d packages: the walk missed the repository", len(all))
	}
	for pkg, imps := range all {
		l := layerOf(pkg)
		if l < 0 {
			t.Errorf("package %q is in no layer of docs/ARCHITECTURE.md's drawing (add it to this test and the page)", pkg)
			continue
		}
		for imp := range imps {
			il := layerOf(imp)
			switch {
			case il < 0:
				if !strings.HasPrefix(imp, "internal/") {
					t.Errorf("%s imports %s, which is in no layer", pkg, imp)
				}
			case il > l:
				t.Errorf("%s imports %s, a package above it", pkg, imp)
			case il == l && !contains(sideways[pkg], imp):
				t.Errorf("%s imports %s beside it, which the layers do not allow", pkg, imp)
			}
		}
	}
}

var runStep = regexp.MustCompile("(?m)^\\d+\\. .*")
var backticked = regexp.MustCompile("`([^`]+\\.(?:go|ts|tsx))`")

func TestTheRunsWalkNamesFilesThatExist(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(root, "docs", "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, walk, ok := strings.Cut(string(doc), "## One run, from the drop to the screen")
	if !ok {
		t.Fatal("docs/ARCHITECTURE.md has no walk through one run")
	}
	walk, _, _ = strings.Cut(walk, "\n## ")
	// The numbered steps only: the list ends at the first paragraph after it.
	var steps []string
	inList := false
	for _, line := range strings.Split(walk, "\n") {
		switch {
		case runStep.MatchString(line):
			inList = true
			steps = append(steps, line)
		case inList && strings.HasPrefix(line, "   "):
			steps = append(steps, line)
		case inList && strings.TrimSpace(line) != "":
			inList = false
		}
	}
	var full []string // paths as written in full
	var short []string
	for _, m := range backticked.FindAllStringSubmatch(strings.Join(steps, "\n"), -1) {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(m[1]))); err == nil {
			full = append(full, m[1])
		} else {
			short = append(short, m[1])
		}
	}
	files := map[string]bool{}
	for _, f := range full {
		files[f] = true
	}
	for _, f := range short { // "bridge/api.ts again": a file named in full elsewhere in the walk
		found := false
		for _, g := range full {
			if strings.HasSuffix(g, "/"+f) {
				found = true
			}
		}
		if !found {
			t.Errorf("the walk names %s, which does not exist (or is not named in full anywhere in it)", f)
		}
	}
	var names []string
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)
	if len(names) > 20 {
		t.Errorf("the walk crosses %d files, more than 20: %v", len(names), names)
	}
	if len(names) < 10 {
		t.Errorf("the walk names only %d files: %v", len(names), names)
	}
	t.Logf("%d files: %v", len(names), names)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
