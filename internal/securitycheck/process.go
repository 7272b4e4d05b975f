package securitycheck

import (
	"fmt"
	"go/ast"
	"go/token"
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
	Callee     string // as written in the source: package name, dot, function (os/exec's CommandContext)
	Pos        string
	call       *ast.CallExpr
	progArg    int // index of the program argument in call.Args
}

// Allowed is a place that may start a process, and why.
type Allowed struct {
	File, Func, Callee string
	Why                string
	// Shell allows, at File/Func only, a launch.Command whose arguments are a command line for
	// a shell ("-c"); the program must still be a path found at run time. Callee is empty.
	Shell bool
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
				// exec.Cmd{Path: ...} starts a program as well as os/exec's Command function does.
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

// LauncherDir is the folder of the one package that may start processes (epsm/launch), and
// launcherImport its import path. Everything else runs programs through launch.Run and
// launch.Output.
const (
	LauncherDir    = "launch"
	launcherImport = "epsm/launch"
)

// CheckProcesses reports every process start outside package launch, every start inside it
// that allowed does not list, every program given as a literal (the app starts the configured
// engine and its helpers, found and checked at run time, never a fixed program), and every
// shell or "-c"/"/c" argument, whether given to a starter directly or described in a
// launch.Command literal. It also reports allowed entries outside package launch or that no
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
		switch {
		case pathDir(s.File) != LauncherDir:
			out = append(out, Finding{Pos: s.Pos, Func: s.Func, Msg: fmt.Sprintf("%s starts a process outside package launch, the only place allowed to: use launch.Run or launch.Output", s.Callee)})
		case !ok:
			out = append(out, Finding{Pos: s.Pos, Func: s.Func, Msg: fmt.Sprintf("%s starts a process at a place of package launch that the allowed list does not name", s.Callee)})
		}
		if s.call == nil {
			if ok {
				out = append(out, Finding{Pos: s.Pos, Func: s.Func, Msg: fmt.Sprintf("%s is referenced without being called: its arguments cannot be checked", s.Callee)})
			}
			continue
		}
		var prog ast.Expr
		var args []ast.Expr
		for i, arg := range s.call.Args {
			if i == s.progArg {
				prog = arg
			} else {
				args = append(args, arg)
			}
		}
		out = append(out, checkProgram(s, prog, args)...)
	}
	for _, c := range t.launchCommands() {
		shellOK := false
		for i, a := range allowed {
			if a.Shell && a.File == c.site.File && a.Func == c.site.Func {
				shellOK, used[i] = true, true
			}
		}
		for _, f := range checkProgram(c.site, c.path, c.args) {
			if shellOK && f.shellSwitch {
				continue
			}
			out = append(out, f)
		}
	}
	for i, a := range allowed {
		if a.Shell {
			if !used[i] {
				out = append(out, Finding{Pos: a.File, Func: a.Func, Msg: "the allowed shell command line no longer exists there: update the list"})
			}
			continue
		}
		if pathDir(a.File) != LauncherDir {
			out = append(out, Finding{Pos: a.File, Func: a.Func, Msg: fmt.Sprintf("allowed %s is outside package launch: only launch may start processes", a.Callee)})
		}
		if !used[i] {
			out = append(out, Finding{Pos: a.File, Func: a.Func, Msg: fmt.Sprintf("allowed %s no longer exists there: update the list", a.Callee)})
		}
	}
	return out
}

// checkProgram reports a literal program (a shell, or any fixed program) and a shell's
// command-line switch among the arguments given as literals.
func checkProgram(s ProcessSite, prog ast.Expr, args []ast.Expr) []Finding {
	var out []Finding
	if v, ok := stringLit(prog); ok {
		if shells[strings.ToLower(v)] {
			out = append(out, Finding{Pos: s.Pos, Func: s.Func, Msg: fmt.Sprintf("%s starts the shell %q: arguments go to the program as a list, never through a shell", s.Callee, v)})
		} else {
			out = append(out, Finding{Pos: s.Pos, Func: s.Func, Msg: fmt.Sprintf("%s starts the fixed program %q: only the configured engine and its own helpers are started", s.Callee, v)})
		}
	}
	for _, arg := range args {
		if v, ok := stringLit(arg); ok && (v == "-c" || strings.EqualFold(v, "/c")) {
			out = append(out, Finding{Pos: s.Pos, Func: s.Func, Msg: fmt.Sprintf("%s passes %q: a command line for a shell", s.Callee, v), shellSwitch: true})
		}
	}
	return out
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	v, err := strconv.Unquote(lit.Value)
	return v, err == nil
}

// launchCommand is a launch.Command{...} literal: the program and arguments it describes.
type launchCommand struct {
	site ProcessSite
	path ast.Expr   // the Path field, nil when not set in the literal
	args []ast.Expr // the elements of the Args field when it is a literal list
}

// launchCommands lists the launch.Command literals outside package launch: what they would
// start is checked like a direct start's program and arguments.
func (t *Tree) launchCommands() []launchCommand {
	var cmds []launchCommand
	for _, f := range t.Files {
		local := map[string]string{}
		for name, path := range f.Imports {
			if path == launcherImport {
				local[name] = path
			}
		}
		if len(local) == 0 {
			continue
		}
		ast.Inspect(f.AST, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			sel, ok := cl.Type.(*ast.SelectorExpr)
			if !ok || !isPkg(sel.X, local, launcherImport) || sel.Sel.Name != "Command" {
				return true
			}
			c := launchCommand{site: ProcessSite{File: f.Rel, Func: funcName(enclosingFunc(f.AST, cl.Pos())), Callee: "launch.Command{}", Pos: t.pos(cl.Pos())}}
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				switch key, _ := kv.Key.(*ast.Ident); {
				case key == nil:
				case key.Name == "Path":
					c.path = kv.Value
				case key.Name == "Args":
					if list, ok := kv.Value.(*ast.CompositeLit); ok {
						c.args = list.Elts
					}
				}
			}
			cmds = append(cmds, c)
			return true
		})
	}
	return cmds
}

func isPkg(e ast.Expr, local map[string]string, path string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Obj == nil && local[id.Name] == path
}
