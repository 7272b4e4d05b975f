package securitycheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// allowedProcesses are the only places in the app's Go code that start a program. Each starts
// a path found and checked at run time, with its arguments as a list.
var allowedProcesses = []Allowed{
	{File: "runner/process.go", Func: "runProcess", Callee: "exec.CommandContext",
		Why: "runs EnergyPlus: an engine that answered --version (runner.Discover / runner.Probe)"},
	{File: "runner/engine.go", Func: "Probe", Callee: "exec.CommandContext",
		Why: "`<candidate> --version`: the check every engine passes before it is used"},
	{File: "runner/transition.go", Func: "Transition", Callee: "exec.CommandContext",
		Why: "NREL's Transition-V*-to-V* updaters from the engine's own PreProcess/IDFVersionUpdater folder"},
	{File: "runner/epmacro.go", Func: "ExpandMacros", Callee: "exec.CommandContext",
		Why: "EPMacro, the macro preprocessor beside the engine's executable (runner.EPMacroPath)"},
	{File: "runner/internal/fakeenergyplus/main.go", Func: "main", Callee: "exec.Command",
		Why: "the FAKE engine (tests only, never shipped) re-starts itself as a child, as EnergyPlus starts ExpandObjects"},
}

// sqlExceptions are the queries built at run time on purpose.
var sqlExceptions = []SQLException{
	{File: "store/migrate.go", Func: "migrate",
		Why: "PRAGMA user_version = %d: PRAGMA takes no ? parameters; the value is the migration loop's int counter"},
}

func loadRepo(t *testing.T) *Tree {
	t.Helper()
	tree, err := Load("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Files) < 50 {
		t.Fatalf("read only %d Go files: the walk missed the repository", len(tree.Files))
	}
	return tree
}

func TestOnlyTheEngineAndItsHelpersAreStartedAndNeverThroughAShell(t *testing.T) {
	tree := loadRepo(t)
	for _, f := range tree.CheckProcesses(allowedProcesses) {
		t.Error(f)
	}
	if n := len(tree.ProcessSites()); n != len(allowedProcesses) {
		t.Errorf("%d process starts in the sources, %d allowed", n, len(allowedProcesses))
	}
}

func TestEverySQLStatementIsAConstantWithParameters(t *testing.T) {
	tree := loadRepo(t)
	for _, f := range tree.CheckSQL(sqlExceptions) {
		t.Error(f)
	}
}

// The UI starts nothing either: Wails's runtime could open a URL in the system browser (a
// process, and remote content), and window.open a new window; the UI's sources use neither.
func TestTheUIOpensNoURLOrWindow(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../../frontend/src", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		for _, bad := range []string{"BrowserOpenURL", "window.open("} {
			if strings.Contains(string(data), bad) {
				t.Errorf("%s uses %s", p, bad)
			}
		}
		return nil
	})
	if err != nil || n < 20 {
		t.Fatalf("read %d UI files: %v", n, err)
	}
}

// The checks must catch what they are for: fake trees with each kind of violation.
func TestTheChecksCatchViolations(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // substrings of the findings, in order; none = clean
	}{
		{"shell", `package p
import "os/exec"
func f(x string) { exec.Command("sh", "-c", x).Run() }`, []string{"outside the allowed", `shell "sh"`, `passes "-c"`}},
		{"cmd.exe through an alias", `package p
import ex "os/exec"
func f(x string) { ex.Command("cmd.exe", "/C", x).Run() }`, []string{"outside the allowed", `shell "cmd.exe"`, `passes "/C"`}},
		{"os.StartProcess", `package p
import "os"
func f(p string) { os.StartProcess(p, nil, nil) }`, []string{"os.StartProcess starts a process outside"}},
		{"exec.Cmd literal", `package p
import "os/exec"
func f(p string) { (&exec.Cmd{Path: p}).Run() }`, []string{"exec.Cmd{} starts a process outside"}},
		{"syscall.Exec", `package p
import "syscall"
func f(p string) { syscall.Exec(p, nil, nil) }`, []string{"syscall.Exec starts"}},
		{"opening a URL", `package p
import "github.com/wailsapp/wails/v2/pkg/runtime"
func f() { runtime.BrowserOpenURL(nil, "x") }`, []string{"runtime.BrowserOpenURL starts"}},
		{"a local variable named exec is not the package", `package p
type r struct{}
func (r) Command(string) {}
func f() { exec := r{}; exec.Command("sh") }`, nil},
		{"sprintf SQL", `package p
import "fmt"
func f(db DB, name string) { db.Exec(fmt.Sprintf("DELETE FROM t WHERE name = '%s'", name)) }`, []string{"Exec gets SQL built at run time"}},
		{"a function's result concatenated", `package p
func f(db DB) { db.QueryRow("UPDATE t SET at = '" + now() + "'") }`, []string{"QueryRow gets SQL"}},
		{"parameter a caller fills from a variable", `package p
func where(db DB, tail string) { db.Query("SELECT * FROM t " + tail) }
func a(db DB) { where(db, "ORDER BY id") }
func b(db DB, user string) { where(db, user) }`, []string{"Query gets SQL"}},
		{"local variable assigned a variable later", `package p
func f(db DB, x string) { q := "SELECT 1"; if x != "" { q = x }; db.ExecContext(nil, q) }`, []string{"ExecContext gets SQL"}},
		{"constant-built SQL passes", `package p
const cols = "a, b"
var migrations = []string{"CREATE TABLE t (a)", "ALTER TABLE t ADD b"}
func where(db DB, tail string, args ...any) { db.Query("SELECT "+cols+" FROM t "+tail, args...) }
func a(db DB, id int) { where(db, "WHERE id = ?", id); where(db, "ORDER BY id") }
func m(db DB) { for i := range migrations { db.Exec(migrations[i]) } }
func r(db DB) { for _, q := range []string{"DELETE FROM a", "DELETE FROM b"} { db.Exec(q) } }
func s(db DB, x bool) { q := "UPDATE t SET a = ?"; if x { q = "UPDATE t SET b = ?" }; db.Exec(q, 1) }`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tree, err := Parse(map[string][]byte{"p/p.go": []byte(c.src)})
			if err != nil {
				t.Fatal(err)
			}
			found := append(tree.CheckProcesses(nil), tree.CheckSQL(nil)...)
			if len(found) != len(c.want) {
				t.Fatalf("findings = %v, want %d matching %q", found, len(c.want), c.want)
			}
			for i, w := range c.want {
				if !strings.Contains(found[i].Msg, w) {
					t.Errorf("finding %d = %q, want it to say %q", i, found[i].Msg, w)
				}
			}
		})
	}
}
