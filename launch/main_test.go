package launch

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"epsm/internal/tempdir"
)

// The tests re-run their own binary as the child program: with roleEnv set, TestMain plays
// the role named there instead of running tests. No shell and no script is involved.
const roleEnv = "LAUNCH_TEST_ROLE"

func TestMain(m *testing.M) {
	if role := os.Getenv(roleEnv); role != "" {
		os.Exit(play(role, os.Args[1:]))
	}
	os.Exit(m.Run())
}

// roles are the child programs. Each returns its exit code.
func roles() map[string]func(args []string) int {
	r := map[string]func(args []string) int{
		// lines N: N lines, alternately on stdout and stderr.
		"lines": func(args []string) int {
			n, _ := strconv.Atoi(args[0])
			for i := 1; i <= n; i++ {
				if i%2 == 1 {
					fmt.Fprintf(os.Stdout, "out %d\n", i)
				} else {
					fmt.Fprintf(os.Stderr, "err %d\n", i)
				}
			}
			return 0
		},
		// long N: one line of N bytes, then a short one.
		"long": func(args []string) int {
			n, _ := strconv.Atoi(args[0])
			os.Stdout.WriteString(strings.Repeat("x", n) + "\nafter\n")
			return 0
		},
		// exit N: says bye and exits with code N.
		"exit": func(args []string) int {
			fmt.Println("bye")
			n, _ := strconv.Atoi(args[0])
			return n
		},
		// sleep: waits to be killed.
		"sleep": func([]string) int {
			time.Sleep(time.Hour)
			return 0
		},
		// tree: starts a grandchild in its own process tree, says "ready PID GRANDCHILD", waits.
		"tree": func([]string) int {
			gc := roleCommand("sleep")
			gc.Stdout = os.Stdout // it holds the output pipe too
			if err := gc.Start(); err != nil {
				fmt.Println("start grandchild:", err)
				return 3
			}
			fmt.Printf("ready %d %d\n", os.Getpid(), gc.Process.Pid)
			time.Sleep(time.Hour)
			return 0
		},
		// leave: starts a grandchild that holds the output pipe, says "ready PID GRANDCHILD"
		// and exits at once, leaving the grandchild behind.
		"leave": func([]string) int {
			gc := roleCommand("sleep")
			gc.Stdout = os.Stdout
			if err := gc.Start(); err != nil {
				fmt.Println("start grandchild:", err)
				return 3
			}
			fmt.Printf("ready %d %d\n", os.Getpid(), gc.Process.Pid)
			return 0
		},
	}
	addPlatformRoles(r)
	return r
}

func play(role string, args []string) int {
	f, ok := roles()[role]
	if !ok {
		fmt.Fprintln(os.Stderr, "unknown role", role)
		return 2
	}
	return f(args)
}

// roleCommand is the test binary playing a role, for a test (or a role) that starts it
// without this package.
func roleCommand(role string, args ...string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), roleEnv+"="+role)
	return cmd
}

// roleLaunch is a Command for the test binary playing a role, run in a folder of its own so
// that proctest can find anything left running there.
func roleLaunch(t *testing.T, role string, args ...string) Command {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return Command{Path: exe, Args: args, Dir: tempdir.New(t), Env: append(os.Environ(), roleEnv+"="+role)}
}

// readyPIDs parses "ready PID GRANDCHILD".
func readyPIDs(line string) (child, grandchild int, ok bool) {
	var err error
	f := strings.Fields(line)
	if len(f) != 3 || f[0] != "ready" {
		return 0, 0, false
	}
	if child, err = strconv.Atoi(f[1]); err != nil {
		return 0, 0, false
	}
	if grandchild, err = strconv.Atoi(f[2]); err != nil {
		return 0, 0, false
	}
	return child, grandchild, true
}

// sleeper starts the test binary sleeping, outside this package, and kills it at the end.
func sleeper(t *testing.T) *startedCmd {
	t.Helper()
	cmd := roleCommand("sleep")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &startedCmd{Cmd: cmd}
	t.Cleanup(func() {
		cmd.Process.Kill()
		s.Wait()
	})
	return s
}

// startedCmd lets a test and its cleanup both wait for a command.
type startedCmd struct {
	*exec.Cmd
	once sync.Once
}

func (s *startedCmd) Wait() { s.once.Do(func() { s.Cmd.Wait() }) }
