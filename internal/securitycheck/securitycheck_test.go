package securitycheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// allowedProcesses are the only places in the app's Go code that start a program: one, in
// package launch. Everything else (EnergyPlus runs, the --version probe, EPMacro, the
// transition updaters, the FAKE engine's child) goes through launch.Run or launch.Output, and
// the program each of them names is a path found and checked at run time, with its arguments
// as a list (the check reads their launch.Command literals for shells and fixed programs).
var allowedProcesses = []Allowed{
	{File: "launch/launch.go", Func: "run", Callee: "exec.Command",
		Why: "the one process start: a new process group (Linux, macOS) or a suspended start in a kill-on-close job (Windows), merged output, bounded lines, the tree killed on cancel"},
}

// allowedShells are the places that may give a shell a command line: a Slurm target's
// commands on this machine (slurm:///), because the target's prelude (module load ...) is
// shell, as it is over SSH on a login node. The shell is found on PATH at run time, and every
// word EPSM adds to the line is quoted (cluster.shellQuote, tested by running the line).
var allowedShells = []Allowed{
	{File: "cluster/host_local.go", Func: "Run", Shell: true,
		Why: "Slurm's commands with the target's prelude on a slurm:/// login node"},
}

// testOnly are packages of test infrastructure, like _test.go files outside the app: the checks
// skip them (internal/fakeengine runs `go build` for the FAKE programs), and
// TestTestHelpersStayOutOfTheApp makes sure no file of the app imports them.
var testOnly = []string{"epsm/internal/fakeengine", "epsm/internal/userns", "epsm/internal/fakeclock", "epsm/internal/enginetest", "epsm/internal/proctest", "epsm/internal/tabular", "epsm/internal/tempdir", "epsm/internal/winetest", "epsm/internal/slurmtest", "epsm/internal/sshtest", "epsm/internal/freeport"}

func TestTestHelpersStayOutOfTheApp(t *testing.T) {
	tree := loadRepo(t)
	for _, f := range tree.Files {
		if strings.HasPrefix(f.Rel, "internal/") || strings.HasPrefix(f.Rel, "bench/") {
			continue // test infrastructure and benchmark tools may use each other
		}
		for _, path := range f.Imports {
			for _, banned := range testOnly {
				if path == banned {
					t.Errorf("%s imports %s, which is for tests only", f.Rel, path)
				}
			}
		}
	}
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

// appOnly is the tree without the test infrastructure (testOnly).
func appOnly(tree *Tree) *Tree {
	out := &Tree{Fset: tree.Fset}
	skip := func(rel string) bool {
		for _, p := range testOnly {
			if strings.HasPrefix(rel+"/", strings.TrimPrefix(p, "epsm/")+"/") || filepath.Dir(rel) == strings.TrimPrefix(p, "epsm/") {
				return true
			}
		}
		return false
	}
	for _, f := range tree.Files {
		if !skip(f.Rel) {
			out.Files = append(out.Files, f)
		}
	}
	for _, p := range tree.Packages {
		if len(p.Files) > 0 && !skip(p.Files[0].Rel) {
			out.Packages = append(out.Packages, p)
		}
	}
	return out
}

func TestOnlyPackageLaunchStartsProcessesAndNeverThroughAShell(t *testing.T) {
	tree := appOnly(loadRepo(t))
	for _, f := range tree.CheckProcesses(append(append([]Allowed{}, allowedProcesses...), allowedShells...)) {
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
	launchRun := []Allowed{{File: "launch/launch.go", Func: "run", Callee: "exec.Command"}}
	cases := []struct {
		name, src string
		want      []string // substrings of the findings, in order; none = clean
		file      string   // where src is; p/p.go when empty
		allowed   []Allowed
	}{
		{name: "shell", src: `package p
import "os/exec"
func f(x string) { exec.Command("sh", "-c", x).Run() }`, want: []string{"outside package launch", `shell "sh"`, `passes "-c"`}},
		{name: "cmd.exe through an alias", src: `package p
import ex "os/exec"
func f(x string) { ex.Command("cmd.exe", "/C", x).Run() }`, want: []string{"outside package launch", `shell "cmd.exe"`, `passes "/C"`}},
		{name: "a start outside launch, even listed", src: `package p
import "os/exec"
func f(p string) { exec.Command(p).Run() }`, allowed: []Allowed{{File: "p/p.go", Func: "f", Callee: "exec.Command"}},
			want: []string{"exec.Command starts a process outside package launch", "allowed exec.Command is outside package launch"}},
		{name: "the listed start in launch", file: "launch/launch.go", allowed: launchRun, src: `package launch
import "os/exec"
func run(p string, args []string) { exec.Command(p, args...).Run() }`},
		{name: "an unlisted start in launch", file: "launch/launch.go", allowed: launchRun, src: `package launch
import "os/exec"
func run(p string, args []string) { exec.Command(p, args...).Run() }
func sneak(p string) { exec.Command(p).Start() }`, want: []string{"that the allowed list does not name"}},
		{name: "a shell through launch.Command", src: `package p
import "epsm/launch"
func f(x string) { launch.Run(nil, launch.Command{Path: "bash", Args: []string{"-c", x}}) }`, want: []string{`shell "bash"`, `passes "-c"`}},
		{name: "a shell command line where one is allowed", file: "cluster/host_local.go", allowed: []Allowed{{File: "cluster/host_local.go", Func: "Run", Shell: true}}, src: `package p
import "epsm/launch"
type localHost struct{ sh string }
func (h *localHost) Run(x string) { launch.Run(nil, launch.Command{Path: h.sh, Args: []string{"-c", x}}) }
func other(sh, x string) { launch.Run(nil, launch.Command{Path: sh, Args: []string{"-c", x}}) }`, want: []string{`passes "-c"`}},
		{name: "an allowed shell that is gone", allowed: []Allowed{{File: "cluster/host_local.go", Func: "Run", Shell: true}}, src: `package p`, want: []string{"no longer exists there"}},
		{name: "a fixed program through an aliased launch.Command", src: `package p
import l "epsm/launch"
func f() { l.Output(nil, l.Command{Path: "/usr/bin/curl", Args: []string{"x"}}, 1) }`, want: []string{`fixed program "/usr/bin/curl"`}},
		{name: "a launch.Command of a checked path passes", src: `package p
import "epsm/launch"
func f(exe, in string) { launch.Run(nil, launch.Command{Path: exe, Args: []string{"--version", in}}) }`},
		{name: "os.StartProcess", src: `package p
import "os"
func f(p string) { os.StartProcess(p, nil, nil) }`, want: []string{"os.StartProcess starts a process outside"}},
		{name: "exec.Cmd literal", src: `package p
import "os/exec"
func f(p string) { (&exec.Cmd{Path: p}).Run() }`, want: []string{"exec.Cmd{} starts a process outside"}},
		{name: "syscall.Exec", src: `package p
import "syscall"
func f(p string) { syscall.Exec(p, nil, nil) }`, want: []string{"syscall.Exec starts"}},
		{name: "opening a URL", src: `package p
import "github.com/wailsapp/wails/v2/pkg/runtime"
func f() { runtime.BrowserOpenURL(nil, "x") }`, want: []string{"runtime.BrowserOpenURL starts"}},
		{name: "a local variable named exec is not the package", src: `package p
type r struct{}
func (r) Command(string) {}
func f() { exec := r{}; exec.Command("sh") }`},
		{name: "sprintf SQL", src: `package p
import "fmt"
func f(db DB, name string) { db.Exec(fmt.Sprintf("DELETE FROM t WHERE name = '%s'", name)) }`, want: []string{"Exec gets SQL built at run time"}},
		{name: "a function's result concatenated", src: `package p
func f(db DB) { db.QueryRow("UPDATE t SET at = '" + now() + "'") }`, want: []string{"QueryRow gets SQL"}},
		{name: "parameter a caller fills from a variable", src: `package p
func where(db DB, tail string) { db.Query("SELECT * FROM t " + tail) }
func a(db DB) { where(db, "ORDER BY id") }
func b(db DB, user string) { where(db, user) }`, want: []string{"Query gets SQL"}},
		{name: "local variable assigned a variable later", src: `package p
func f(db DB, x string) { q := "SELECT 1"; if x != "" { q = x }; db.ExecContext(nil, q) }`, want: []string{"ExecContext gets SQL"}},
		{name: "constant-built SQL passes", src: `package p
const cols = "a, b"
var migrations = []string{"CREATE TABLE t (a)", "ALTER TABLE t ADD b"}
func where(db DB, tail string, args ...any) { db.Query("SELECT "+cols+" FROM t "+tail, args...) }
func a(db DB, id int) { where(db, "WHERE id = ?", id); where(db, "ORDER BY id") }
func m(db DB) { for i := range migrations { db.Exec(migrations[i]) } }
func r(db DB) { for _, q := range []string{"DELETE FROM a", "DELETE FROM b"} { db.Exec(q) } }
func s(db DB, x bool) { q := "UPDATE t SET a = ?"; if x { q = "UPDATE t SET b = ?" }; db.Exec(q, 1) }`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := c.file
			if file == "" {
				file = "p/p.go"
			}
			tree, err := Parse(map[string][]byte{file: []byte(c.src)})
			if err != nil {
				t.Fatal(err)
			}
			found := append(tree.CheckProcesses(c.allowed), tree.CheckSQL(nil)...)
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
