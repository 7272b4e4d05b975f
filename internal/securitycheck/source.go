// Package securitycheck reads the repository's own Go sources (go/ast, no type checking) and
// reports what docs/SECURITY.md promises never happens: a process started anywhere but package
// launch, a shell, or SQL built from anything but constants. Its tests run the
// checks over the real tree, so a new process start or fmt.Sprintf query fails CI.
package securitycheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// File is one parsed non-test Go source file.
type File struct {
	Rel     string            // slash path relative to the repository root
	AST     *ast.File         //
	Imports map[string]string // local name -> import path
	Pkg     *Package
}

// Package is the files of one directory.
type Package struct {
	Dir   string
	Files []*File
	// values are the package-level consts and vars by name: their declaration, to follow a
	// query string back to where it was written.
	consts map[string]bool
	vars   map[string]ast.Expr // initializer, nil when none
}

// Tree is every non-test Go file under a root, parsed.
type Tree struct {
	Fset     *token.FileSet
	Packages []*Package
	Files    []*File
}

// skipDir lists folders that hold no Go source of ours: dependencies, caches, generated output.
var skipDir = map[string]bool{"node_modules": true, "testdata": true, "vendor": true, "frontend": true, "e2e": true, "build": true}

// Load parses every non-test .go file under root.
func Load(root string) (*Tree, error) {
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") || skipDir[d.Name()]) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", root, err)
	}
	sort.Strings(paths)
	srcs := map[string][]byte{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		rel, _ := filepath.Rel(root, p)
		srcs[filepath.ToSlash(rel)] = data
	}
	return Parse(srcs)
}

// Parse builds a Tree from sources keyed by slash path (tests give it small fake trees).
func Parse(srcs map[string][]byte) (*Tree, error) {
	t := &Tree{Fset: token.NewFileSet()}
	byDir := map[string]*Package{}
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, rel := range names {
		f, err := parser.ParseFile(t.Fset, rel, srcs[rel], 0)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", rel, err)
		}
		dir := pathDir(rel)
		pkg := byDir[dir]
		if pkg == nil {
			pkg = &Package{Dir: dir, consts: map[string]bool{}, vars: map[string]ast.Expr{}}
			byDir[dir] = pkg
			t.Packages = append(t.Packages, pkg)
		}
		file := &File{Rel: rel, AST: f, Imports: imports(f), Pkg: pkg}
		pkg.Files = append(pkg.Files, file)
		t.Files = append(t.Files, file)
		collectValues(pkg, f)
	}
	return t, nil
}

func pathDir(rel string) string {
	if i := strings.LastIndex(rel, "/"); i >= 0 {
		return rel[:i]
	}
	return "."
}

func imports(f *ast.File) map[string]string {
	m := map[string]string{}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, `"`)
		name := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		m[name] = path
	}
	return m
}

func collectValues(pkg *Package, f *ast.File) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || (gd.Tok != token.CONST && gd.Tok != token.VAR) {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if gd.Tok == token.CONST {
					pkg.consts[n.Name] = true
					continue
				}
				var init ast.Expr
				if i < len(vs.Values) {
					init = vs.Values[i]
				}
				pkg.vars[n.Name] = init
			}
		}
	}
}

// enclosingFunc names the top-level function or method around pos ("" outside any).
func enclosingFunc(f *ast.File, pos token.Pos) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
			return fd
		}
	}
	return nil
}

func funcName(fd *ast.FuncDecl) string {
	if fd == nil {
		return ""
	}
	return fd.Name.Name
}

// Finding is one place that breaks a rule.
type Finding struct {
	Pos  string // file:line
	Func string
	Msg  string
	// shellSwitch: the finding is a "-c" argument, which an Allowed entry with Shell may allow.
	shellSwitch bool
}

func (f Finding) String() string { return fmt.Sprintf("%s (in %s): %s", f.Pos, f.Func, f.Msg) }

func (t *Tree) pos(p token.Pos) string {
	pp := t.Fset.Position(p)
	return fmt.Sprintf("%s:%d", pp.Filename, pp.Line)
}
