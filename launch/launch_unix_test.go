//go:build !windows

package launch

import (
	"context"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"epsm/internal/tempdir"
)

func TestKilledBySignalSaysWhich(t *testing.T) {
	tests := []struct{ sig, want string }{
		{"KILL", "killed"},
		{"TERM", "terminated"},
	}
	for _, tt := range tests {
		t.Run(tt.sig, func(t *testing.T) {
			exit := Run(context.Background(), roleLaunch(t, "signal", tt.sig))
			if exit.Code != -1 || exit.Signal != tt.want || exit.Err != nil {
				t.Fatalf("exit = %+v, want signal %q", exit, tt.want)
			}
			if got := exit.AsError(); got == nil || got.Error() != "killed by signal "+tt.want {
				t.Fatalf("AsError = %v", got)
			}
		})
	}
}

// A grandchild that left the process group and keeps the output pipe open holds Run for
// WaitDelay at most.
func TestAnEscapedGrandchildDoesNotHangRun(t *testing.T) {
	c := roleLaunch(t, "escape")
	c.WaitDelay = 300 * time.Millisecond
	grandchild := 0
	c.OnLine = func(line string) {
		if _, gc, ok := readyPIDs(line); ok {
			grandchild = gc
		}
	}
	begin := time.Now()
	exit := Run(context.Background(), c)
	took := time.Since(begin)
	if grandchild == 0 || exit.AsError() != nil {
		t.Fatalf("exit %+v, grandchild %d", exit, grandchild)
	}
	// It is still there, holding the pipe: Run returned because of WaitDelay, not an EOF.
	w := watchExit(t, grandchild)
	defer func() {
		syscall.Kill(-grandchild, syscall.SIGKILL)
		if !w.gone(10 * time.Second) {
			t.Errorf("could not clean up grandchild %d", grandchild)
		}
	}()
	if w.gone(0) {
		t.Fatal("the escaped grandchild is gone: the test proves nothing")
	}
	if took > 10*time.Second {
		t.Errorf("Run took %s with WaitDelay %s", took, c.WaitDelay)
	}
}

// After a crash of the app: the recorded engine (a group leader) has exited, a helper it
// started still runs in its group. StopSurvivor kills the group.
func TestStopSurvivorKillsTheGroupOfAnExitedLeader(t *testing.T) {
	leader := roleCommand("orphan")
	leader.Dir = tempdir.New(t)
	leader.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // as this package starts engines
	out, err := leader.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := leader.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(-leader.Process.Pid, syscall.SIGKILL) })
	// Recorded while it runs (or before it is reaped), as the app records an engine it starts.
	id, err := IdentityOf(leader.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	grandchild, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		t.Fatalf("grandchild pid %q: %v", buf[:n], err)
	}
	w := watchExit(t, grandchild)
	if err := leader.Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := IdentityOf(id.PID); err == nil {
		t.Fatal("the leader still exists")
	}
	if pgid, err := syscall.Getpgid(grandchild); err != nil || pgid != id.PID {
		t.Fatalf("grandchild's group %d, %v; want %d", pgid, err, id.PID)
	}

	if stopped, err := StopSurvivor(id); !stopped || err != nil {
		t.Fatalf("StopSurvivor = %v, %v", stopped, err)
	}
	if !w.gone(10 * time.Second) {
		t.Fatalf("grandchild %d survived", grandchild)
	}
	// Asking again is harmless. (Whether it says stopped depends on init having reaped the
	// killed grandchild: a zombie still counts as a member of the group.)
	if _, err := StopSurvivor(id); err != nil {
		t.Fatalf("second StopSurvivor: %v", err)
	}
}
