package securitycheck

import (
	"fmt"
	"go/ast"
	"strconv"
	"strings"
)

// processStarters are the functions that start (or replace the app with) another program.
// Wails's BrowserOpenURL is here because it starts the system's URL opener (xdg-open).
var processStarters = map[string]map[string]bool{
	"os/exec":                  {"Command": true, "CommandContext": true},
	"os":                       {"StartProcess": true},
	"syscall":                  {"Exec": true, "ForkExec": true, "StartProcess": true},
	"golang.org/x/sys/unix":    {"Exec": true, "ForkExec": true},
	"golang.org/x/sys/windows": {"CreateProcess": true, "CreateProcessAsUser": true, "ShellExecute": true},
	"github.com/wailsapp/wails/v2/pkg/runtime": {"BrowserOpenURL": true},
}

// shells are programs that would interpret a command line: never started, with or without -c.
var shells = map[string]bool{"sh": true, "bash": true, "zsh": true, "dash": true, "cmd": true, "cmd.exe": true,
	"powershell": true, "powershell.exe": true, "pwsh": true, "/bin/sh": true, "/bin/bash": true, "/usr/bin/env": true, "env": true}

// ProcessSite is one reference to a process starter in the sources.
type ProcessSite struct {
	File, Func string
	Callee     string // e.g. "exec.CommandContext"
	Pos        string
	call       *ast.CallExpr
	progArg    int // index of the program argument in call.Args
}

// Allowed is a place that may start a process, and why.
type Allowed struct {
	File, Func, Callee string
	Why                string
}

// ProcessSites lists every reference to a process starter in non-test code.
func (t *Tree) ProcessSites() []ProcessSite {
	var sites []ProcessSite
	for _, f := range t.Files {
		local := map[string]string{} // local import name -> path, only for starter packages
		for name, path := range f.Imports {
			if processStarters[path] != nil {
				local[name] = path
			}
		}
		if len(local) == 0 {
			continue
		}
		calls := map[*ast.SelectorExpr]*ast.CallExpr{}
		ast.Inspect(f.AST, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
					calls[sel] = c
				}
			}
			return true
		})
		ast.Inspect(f.AST, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok {
				// exec.Cmd{Path: ...} starts a program as well as exec.Command does.
				if sel, ok := cl.Type.(*ast.SelectorExpr); ok && isPkg(sel.X, local, "os/exec") && sel.Sel.Name == "Cmd" {
					sites = append(sites, ProcessSite{File: f.Rel, Func: funcName(enclosingFunc(f.AST, cl.Pos())), Callee: "exec.Cmd{}", Pos: t.pos(cl.Pos())})
				}
				return true
			}
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, ok := sel.X.(*ast.Ident)
			if !ok || x.Obj != nil { // a local variable named like a package is not the package
				return true
			}
			path, ok := local[x.Name]
			if !ok || !processStarters[path][sel.Sel.Name] {
				return true
			}
			s := ProcessSite{File: f.Rel, Func: funcName(enclosingFunc(f.AST, sel.Pos())), Callee: x.Name + "." + sel.Sel.Name,
				Pos: t.pos(sel.Pos()), call: calls[sel]}
			if strings.HasSuffix(sel.Sel.Name, "Context") {
				s.progArg = 1
			}
			sites = append(sites, s)
			return true
		})
	}
	return sites
}

// CheckProcesses reports every process start outside allowed, every program given as a
// literal (the app starts the configured engine, found and checked at run time, never a fixed
// program), and every shell or "-c"/"/c" argument. It also reports allowed entries that no
// longer match anything, so the list cannot rot.
func (t *Tree) CheckProcesses(allowed []Allowed) []Finding {
	used := make([]bool, len(allowed))
	var out []Finding
	for _, s := range t.ProcessSites() {
		ok := false
		for i, a := range allowed {
			if a.File == s.File && a.Func == s.Func && a.Callee == s.Callee {
				ok, used[i] = true, true
			}
		}
		if !ok {
			out = append(out, Finding{s.Pos, s.Func, fmt.Sprintf("%s starts a process outside the allowed places (runner's engine, --version probe and transition updaters)", s.Callee)})
		}
		if s.call == nil {
			if ok {
				out = append(out, Finding{s.Pos, s.Func, fmt.Sprintf("%s is referenced without being called: its arguments cannot be checked", s.Callee)})
			}
			continue
		}
		for i, arg := range s.call.Args {
			lit, isLit := arg.(*ast.BasicLit)
			if !isLit {
				continue
			}
			v, err := strconv.Unquote(lit.Value)
			if err != nil {
				continue
			}
			switch {
			case i == s.progArg && shells[strings.ToLower(v)]:
				out = append(out, Finding{s.Pos, s.Func, fmt.Sprintf("%s starts the shell %q: arguments go to the program as a list, never through a shell", s.Callee, v)})
			case i == s.progArg:
				out = append(out, Finding{s.Pos, s.Func, fmt.Sprintf("%s starts the fixed program %q: only the configured engine and its own helpers are started", s.Callee, v)})
			case v == "-c" || strings.EqualFold(v, "/c"):
				out = append(out, Finding{s.Pos, s.Func, fmt.Sprintf("%s passes %q: a command line for a shell", s.Callee, v)})
			}
		}
	}
	for i, a := range allowed {
		if !used[i] {
			out = append(out, Finding{a.File, a.Func, fmt.Sprintf("allowed %s no longer exists there: update the list", a.Callee)})
		}
	}
	return out
}

func isPkg(e ast.Expr, local map[string]string, path string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Obj == nil && local[id.Name] == path
}
