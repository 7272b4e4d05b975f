package launch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"epsm/internal/proctest"
	"epsm/internal/tempdir"
)

// collect runs c and returns its lines and exit.
func collect(t *testing.T, ctx context.Context, c Command) ([]string, Exit) {
	t.Helper()
	var lines []string
	c.OnLine = func(l string) { lines = append(lines, l) }
	exit := Run(ctx, c)
	return lines, exit
}

// noneLeft fails when a process still runs in the command's folder (Linux /proc).
func noneLeft(t *testing.T, c Command) {
	t.Helper()
	if left := proctest.Under(c.Dir); len(left) > 0 {
		t.Errorf("processes left running in %s: %v", c.Dir, left)
	}
}

func TestRunOutputAndExit(t *testing.T) {
	var wantLines []string
	for i := 1; i <= 200; i++ {
		if i%2 == 1 {
			wantLines = append(wantLines, fmt.Sprintf("out %d", i))
		} else {
			wantLines = append(wantLines, fmt.Sprintf("err %d", i))
		}
	}
	tests := []struct {
		name      string
		role      string
		args      []string
		wantLines []string
		wantCode  int
	}{
		{"stdout and stderr merged in order", "lines", []string{"200"}, wantLines, 0},
		{"a line longer than 64 KiB is cut", "long", []string{fmt.Sprint(MaxLineBytes + 40000)}, []string{strings.Repeat("x", MaxLineBytes), "after"}, 0},
		{"a line of exactly 64 KiB is kept", "long", []string{fmt.Sprint(MaxLineBytes)}, []string{strings.Repeat("x", MaxLineBytes), "after"}, 0},
		{"exit code", "exit", []string{"3"}, []string{"bye"}, 3},
		{"exit code 0", "exit", []string{"0"}, []string{"bye"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := roleLaunch(t, tt.role, tt.args...)
			lines, exit := collect(t, context.Background(), c)
			if exit.Code != tt.wantCode || exit.Signal != "" || exit.Err != nil {
				t.Errorf("exit = %+v, want code %d", exit, tt.wantCode)
			}
			if len(lines) != len(tt.wantLines) {
				t.Fatalf("%d lines, want %d (first: %.80q)", len(lines), len(tt.wantLines), lines)
			}
			for i := range lines {
				if lines[i] != tt.wantLines[i] {
					t.Fatalf("line %d = %.80q, want %.80q", i, lines[i], tt.wantLines[i])
				}
			}
			if (exit.AsError() == nil) != (tt.wantCode == 0) {
				t.Errorf("AsError = %v for code %d", exit.AsError(), tt.wantCode)
			}
			noneLeft(t, c)
		})
	}
}

func TestRunThatCannotStart(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		c    Command
		want []error // one of them
	}{
		// (Windows looks for the program with each of %PATHEXT%'s extensions: not found.)
		{"missing program", context.Background(), Command{Path: filepath.Join(tempdir.New(t), "no-such-program")}, []error{os.ErrNotExist, exec.ErrNotFound}},
		{"missing folder", context.Background(), Command{Path: os.Args[0], Dir: filepath.Join(tempdir.New(t), "no-such-folder")}, []error{os.ErrNotExist}},
		{"context already cancelled", cancelled, roleLaunch(t, "exit", "0"), []error{context.Canceled}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			started := false
			tt.c.OnStart = func(Identity) { started = true }
			exit := Run(tt.ctx, tt.c)
			wraps := slices.ContainsFunc(tt.want, func(e error) bool { return errors.Is(exit.Err, e) })
			if exit.Code != -1 || !wraps || !strings.HasPrefix(exit.Err.Error(), "start ") || started {
				t.Fatalf("exit = %+v (started %v), want code -1 and a start error wrapping one of %v", exit, started, tt.want)
			}
		})
	}
}

// OnStart comes once, before any line, with the identity of the running process.
func TestOnStartComesFirstWithTheIdentity(t *testing.T) {
	c := roleLaunch(t, "lines", "3")
	var starts []Identity
	var live Identity
	var liveErr error
	var linesBeforeStart int
	c.OnStart = func(id Identity) {
		starts = append(starts, id)
		live, liveErr = IdentityOf(id.PID)
	}
	c.OnLine = func(string) {
		if len(starts) == 0 {
			linesBeforeStart++
		}
	}
	if exit := Run(context.Background(), c); exit.AsError() != nil {
		t.Fatal(exit.AsError())
	}
	if len(starts) != 1 || linesBeforeStart > 0 {
		t.Fatalf("OnStart called %d times, %d lines before it", len(starts), linesBeforeStart)
	}
	if liveErr != nil || live != starts[0] || starts[0].PID <= 0 || (runtime.GOOS != "freebsd" && starts[0].Start == "") {
		t.Fatalf("OnStart identity %+v, IdentityOf then %+v, %v", starts[0], live, liveErr)
	}
}

func TestOutputIsLimited(t *testing.T) {
	tests := []struct {
		name  string
		limit int
		want  string
	}{
		{"whole", 1 << 20, "bye\n"},
		{"cut", 2, "by"},
		{"none", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, exit := Output(context.Background(), roleLaunch(t, "exit", "4"), tt.limit)
			if string(out) != tt.want || exit.Code != 4 || exit.AsError().Error() != "exit status 4" {
				t.Fatalf("output %q, exit %+v (%v)", out, exit, exit.AsError())
			}
		})
	}
	// A program printing more than the limit still runs to its end: the rest is drained.
	out, exit := Output(context.Background(), roleLaunch(t, "long", fmt.Sprint(1<<20)), 10)
	if string(out) != "xxxxxxxxxx" || exit.AsError() != nil {
		t.Fatalf("output %q, exit %+v", out, exit)
	}
}

// Cancelling the context kills the child and the grandchild it started.
func TestCancelKillsTheChildAndItsGrandchild(t *testing.T) {
	c := roleLaunch(t, "tree")
	c.WaitDelay = time.Minute // Run may only return early because the pipe closed: all are dead
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var watches []*exitWatch
	c.OnLine = func(line string) {
		if child, grandchild, ok := readyPIDs(line); ok {
			watches = append(watches, watchExit(t, child), watchExit(t, grandchild))
			cancel()
		}
	}
	exit := Run(ctx, c)
	if len(watches) != 2 {
		t.Fatalf("the child never said ready; exit %+v", exit)
	}
	if exit.Code != -1 || exit.Err != nil || (runtime.GOOS != "windows" && exit.Signal != "killed") {
		t.Errorf("exit = %+v, want killed", exit)
	}
	for _, w := range watches {
		if !w.gone(10 * time.Second) {
			t.Errorf("process %d survived the cancel", w.pid)
		}
	}
	noneLeft(t, c)
}

// Where the OS lets the tree end with its leader (Linux: the group is killed before the
// leader is reaped; Windows: the job closes), a grandchild left behind does not outlive Run.
func TestTheTreeEndsWithItsLeader(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "windows" {
		t.Skip("only Linux and Windows can end the tree after a normal exit")
	}
	c := roleLaunch(t, "leave")
	c.WaitDelay = time.Minute
	var watch *exitWatch
	c.OnLine = func(line string) {
		if _, grandchild, ok := readyPIDs(line); ok {
			watch = watchExit(t, grandchild)
		}
	}
	exit := Run(context.Background(), c)
	if exit.AsError() != nil || watch == nil {
		t.Fatalf("exit %+v, grandchild seen: %v", exit, watch != nil)
	}
	if !watch.gone(10 * time.Second) {
		t.Errorf("grandchild %d outlived its parent's Run", watch.pid)
	}
	noneLeft(t, c)
}

func TestIdentityOfIsStableAndTellsProcessesApart(t *testing.T) {
	self1, err1 := IdentityOf(os.Getpid())
	self2, err2 := IdentityOf(os.Getpid())
	if err1 != nil || err2 != nil || self1 != self2 || self1.PID != os.Getpid() {
		t.Fatalf("self: %+v %v, again %+v %v", self1, err1, self2, err2)
	}
	if runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" || runtime.GOOS == "netbsd" {
		return // no start stamp there
	}
	if self1.Start == "" {
		t.Fatal("no start stamp for this process")
	}
	other := sleeper(t)
	id, err := IdentityOf(other.Process.Pid)
	if err != nil || id.Start == "" || id == self1 {
		t.Fatalf("other: %+v %v (self %+v)", id, err, self1)
	}
	other.Process.Kill()
	other.Wait()
	if _, err := IdentityOf(other.Process.Pid); !errors.Is(err, os.ErrProcessDone) {
		t.Fatalf("identity of an ended process: %v", err)
	}
}

// StopSurvivor never touches a process whose identity is not the recorded one.
func TestStopSurvivorRefusesAnotherProcess(t *testing.T) {
	p := sleeper(t)
	id, err := IdentityOf(p.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		id      Identity
		wantErr bool
	}{
		{"another start stamp", Identity{PID: id.PID, Start: id.Start + "0"}, false},
		{"an earlier boot", Identity{PID: id.PID, Start: "not-this-boot:" + id.Start}, false},
		{"no start stamp", Identity{PID: id.PID}, true},
		{"pid 0", Identity{PID: 0, Start: id.Start}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stopped, err := StopSurvivor(tt.id)
			if stopped || (err != nil) != tt.wantErr {
				t.Fatalf("StopSurvivor(%+v) = %v, %v", tt.id, stopped, err)
			}
			if now, err := IdentityOf(id.PID); err != nil || now != id {
				t.Fatalf("the process changed: %+v, %v", now, err)
			}
		})
	}
	// The right identity does stop it.
	w := watchExit(t, id.PID)
	if stopped, err := StopSurvivor(id); !stopped || err != nil {
		t.Fatalf("StopSurvivor(%+v) = %v, %v", id, stopped, err)
	}
	p.Wait()
	if !w.gone(10 * time.Second) {
		t.Fatal("the recorded process survived")
	}
}
