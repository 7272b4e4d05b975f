package proctest

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"
	"time"

	"epsm/internal/tempdir"
)

// The test binary, started with sleepEnv set, sleeps instead of running the tests: the process
// the checks must find.
const sleepEnv = "PROCTEST_SLEEP"

func TestMain(m *testing.M) {
	if os.Getenv(sleepEnv) != "" {
		time.Sleep(time.Hour)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A process working in a folder is found there (and in the folders above it) and by an
// argument of its command line, and no longer once it has ended; one working elsewhere is not.
func TestAProcessIsFoundUntilItEnds(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "windows" {
		t.Skip("proctest finds processes on Linux and Windows only")
	}
	parent := tempdir.New(t)
	dir, err := os.MkdirTemp(parent, "run ÅÄÖ ")
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := tempdir.New(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	marker := fmt.Sprintf("proctest-marker-%d", os.Getpid())
	cmd := exec.Command(exe, marker)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), sleepEnv+"=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	defer cmd.Process.Kill()
	deadline := time.Now().Add(10 * time.Second)
	for !slices.Contains(Under(dir), pid) { // it may take a moment to show up
		if time.Now().After(deadline) {
			t.Fatalf("process %d working in %s not found: %v", pid, dir, Under(dir))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !slices.Contains(Under(parent), pid) || !Alive(pid) || !slices.Equal(WithArgs(marker), []int{pid}) {
		t.Errorf("process %d: under the parent folder %v, alive %v, by its argument %v", pid, Under(parent), Alive(pid), WithArgs(marker))
	}
	if slices.Contains(Under(elsewhere), pid) {
		t.Errorf("process %d found in %s, where it does not work", pid, elsewhere)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if left := Under(dir); len(left) > 0 || Alive(pid) || len(WithArgs(marker)) > 0 {
		t.Errorf("after the kill: %v under %s, alive %v, by its argument %v", left, dir, Alive(pid), WithArgs(marker))
	}
}
