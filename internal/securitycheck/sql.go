package securitycheck

import (
	"fmt"
	"go/ast"
	"go/token"
)

// sqlMethods are database/sql's statement methods and where their query argument is.
var sqlMethods = map[string]int{
	"Exec": 0, "Query": 0, "QueryRow": 0, "Prepare": 0,
	"ExecContext": 1, "QueryContext": 1, "QueryRowContext": 1, "PrepareContext": 1,
}

// SQLException is a query that is built at run time on purpose, and why that is safe.
type SQLException struct {
	File, Func string
	Why        string
}

// CheckSQL reports every statement call whose query is not constant-built: a string literal,
// a constant, a + of those, an element of a package-level list of literals, a local variable
// only ever assigned such values, or a parameter that every caller in the tree fills with one.
// Values reach SQLite only as ? parameters then. The check is syntactic: any call of a method
// named like database/sql's (Exec, Query, QueryRow, Prepare and their Context forms) counts.
func (t *Tree) CheckSQL(exceptions []SQLException) []Finding {
	a := &constAnalysis{t: t, callers: t.callSites(), params: map[paramKey]paramState{}}
	used := make([]bool, len(exceptions))
	var out []Finding
	for _, f := range t.Files {
		ast.Inspect(f.AST, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			at, ok := sqlMethods[sel.Sel.Name]
			if !ok || len(call.Args) <= at {
				return true
			}
			if x, isIdent := sel.X.(*ast.Ident); isIdent && x.Obj == nil && f.Imports[x.Name] != "" {
				return true // a package function (e.g. regexp's), not a statement method
			}
			fd := enclosingFunc(f.AST, call.Pos())
			if a.constant(f, call.Args[at]) {
				return true
			}
			for i, e := range exceptions {
				if e.File == f.Rel && e.Func == funcName(fd) {
					used[i] = true
					return true
				}
			}
			out = append(out, Finding{Pos: t.pos(call.Pos()), Func: funcName(fd), Msg: fmt.Sprintf("%s gets SQL built at run time: use a constant query with ? parameters", sel.Sel.Name)})
			return true
		})
	}
	for i, e := range exceptions {
		if !used[i] {
			out = append(out, Finding{Pos: e.File, Func: e.Func, Msg: "this SQL exception matches nothing any more: remove it"})
		}
	}
	return out
}

type callSite struct {
	file *File
	call *ast.CallExpr
}

// callSites indexes every call by the called name (function or method), across the tree.
func (t *Tree) callSites() map[string][]callSite {
	m := map[string][]callSite{}
	for _, f := range t.Files {
		ast.Inspect(f.AST, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				m[fn.Name] = append(m[fn.Name], callSite{f, call})
			case *ast.SelectorExpr:
				m[fn.Sel.Name] = append(m[fn.Sel.Name], callSite{f, call})
			}
			return true
		})
	}
	return m
}

type paramKey struct {
	fn    *ast.FuncDecl
	index int
}

type paramState int8

const (
	checking paramState = iota + 1
	isConstant
	notConstant
)

type constAnalysis struct {
	t       *Tree
	callers map[string][]callSite
	// params memoizes parameters: checking (a cycle adds no new source, so it counts as
	// constant while the other callers decide), constant, or not.
	params map[paramKey]paramState
}

func (a *constAnalysis) constant(f *File, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.ParenExpr:
		return a.constant(f, e.X)
	case *ast.BinaryExpr:
		return e.Op == token.ADD && a.constant(f, e.X) && a.constant(f, e.Y)
	case *ast.IndexExpr:
		// migrations[i]: an element of a package-level list written as literals.
		x, ok := e.X.(*ast.Ident)
		if !ok || !packageLevel(f, x) {
			return false
		}
		init, ok := f.Pkg.vars[x.Name]
		return ok && a.constantList(f, init)
	case *ast.Ident:
		return a.constantIdent(f, e)
	}
	return false
}

func (a *constAnalysis) constantList(f *File, e ast.Expr) bool {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, el := range cl.Elts {
		if !a.constant(f, el) {
			return false
		}
	}
	return true
}

func (a *constAnalysis) constantIdent(f *File, id *ast.Ident) bool {
	if packageLevel(f, id) { // a package-level var may be assigned anywhere: only consts count
		return f.Pkg.consts[id.Name]
	}
	switch id.Obj.Kind {
	case ast.Con:
		return true
	case ast.Var:
	default:
		return false
	}
	fd := enclosingFunc(f.AST, id.Obj.Pos())
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		return a.constantParam(f, fd, d, id.Name)
	case *ast.ValueSpec:
		for i, n := range d.Names {
			if n.Name == id.Name && i < len(d.Values) && !a.constant(f, d.Values[i]) {
				return false
			}
		}
	case *ast.AssignStmt:
		if !a.constantAssign(f, d, id.Name) {
			return false
		}
	default:
		return false
	}
	return fd != nil && a.reassignedConstantly(f, fd, id.Obj)
}

// constantAssign checks the value an := gives name, including `for _, q := range []string{...}`.
func (a *constAnalysis) constantAssign(f *File, as *ast.AssignStmt, name string) bool {
	if len(as.Rhs) == 1 {
		if u, ok := as.Rhs[0].(*ast.UnaryExpr); ok && u.Op == token.RANGE {
			// Only the value of a range over a literal list (the key is an int index).
			return len(as.Lhs) == 2 && isIdentNamed(as.Lhs[1], name) && a.constantList(f, u.X)
		}
	}
	if len(as.Lhs) != len(as.Rhs) {
		return false
	}
	for i, l := range as.Lhs {
		if isIdentNamed(l, name) {
			return a.constant(f, as.Rhs[i])
		}
	}
	return false
}

// reassignedConstantly checks every later `name = ...` of the variable in its function.
func (a *constAnalysis) reassignedConstantly(f *File, fd *ast.FuncDecl, obj *ast.Object) bool {
	ok := true
	ast.Inspect(fd, func(n ast.Node) bool {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign || as.Tok == token.DEFINE {
			return ok
		}
		for i, l := range as.Lhs {
			if id, isIdent := l.(*ast.Ident); isIdent && id.Obj == obj {
				if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) || !a.constant(f, as.Rhs[i]) {
					ok = false
				}
			}
		}
		return ok
	})
	return ok
}

// constantParam: every call of the function, anywhere in the tree, passes a constant-built
// value for this parameter. An exported function with no caller in the tree fails: its
// callers are unknown.
func (a *constAnalysis) constantParam(f *File, fd *ast.FuncDecl, field *ast.Field, name string) bool {
	if fd == nil || fd.Type.Params == nil {
		return false
	}
	index, found := 0, false
	for _, p := range fd.Type.Params.List {
		for _, n := range p.Names {
			if p == field && n.Name == name {
				found = true
				break
			}
			index++
		}
		if found {
			break
		}
	}
	if !found { // a receiver or a closure's parameter
		return false
	}
	if _, variadic := field.Type.(*ast.Ellipsis); variadic {
		return false
	}
	key := paramKey{fd, index}
	if st, ok := a.params[key]; ok {
		return st != notConstant
	}
	a.params[key] = checking
	ok := a.callersPassConstants(f, fd, index)
	a.params[key] = notConstant
	if ok {
		a.params[key] = isConstant
	}
	return ok
}

func (a *constAnalysis) callersPassConstants(f *File, fd *ast.FuncDecl, index int) bool {
	n := 0
	for _, s := range a.callers[fd.Name.Name] {
		if !ast.IsExported(fd.Name.Name) && s.file.Pkg != f.Pkg {
			continue // another package's function of the same name
		}
		if len(s.call.Args) <= index {
			continue // a different function of the same name with fewer parameters
		}
		n++
		if !a.constant(s.file, s.call.Args[index]) {
			return false
		}
	}
	return n > 0
}

// packageLevel: declared outside any function (in this file, or another of the package,
// which the parser leaves unresolved).
func packageLevel(f *File, id *ast.Ident) bool {
	return id.Obj == nil || enclosingFunc(f.AST, id.Obj.Pos()) == nil
}

func isIdentNamed(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
