package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tempdir"
)

// holdEnv makes the test binary a second EPSM holding the data folder named there, until its
// standard input closes.
const holdEnv = "EPSM_STORE_TEST_HOLD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(holdEnv); dir != "" {
		s, err := Open(dir)
		if err != nil {
			fmt.Println("open:", err)
			os.Exit(1)
		}
		fmt.Println("holding")
		io.Copy(io.Discard, os.Stdin)
		s.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// While another EPSM process has the data folder open, opening it is refused with a message
// naming that process and the folder; once it has closed, the folder opens. (On Windows the
// lock is a byte-range lock, which also bars reading the bytes it covers: the lock must not
// cover the holder's name.)
func TestASecondInstanceIsRefusedNamingTheHolder(t *testing.T) {
	dir := filepath.Join(tempdir.New(t), "Väder Göteborg", "EPSM Desktop")
	holder := exec.Command(os.Args[0], "-test.run=^$")
	holder.Env = append(os.Environ(), holdEnv+"="+dir)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Wait()
	defer stdin.Close()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "holding\n" {
		t.Fatalf("the holder says %q", line)
	}
	_, err = Open(dir)
	want := fmt.Sprintf("another EPSM (pid %d) is using the data folder %s", holder.Process.Pid, dir)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), want) {
		t.Fatalf("second open: %v\nwant it to say %q", err, want)
	}
	stdin.Close()
	if err := holder.Wait(); err != nil {
		t.Fatalf("holder: %v", err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("after the holder closed: %v", err)
	}
	s.Close()
}
