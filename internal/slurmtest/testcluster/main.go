//go:build linux

// Command testcluster starts, for the end-to-end tests (Node), what the Go tests get from
// slurmtest and sshtest: a real one-node Slurm and an sshd on 127.0.0.1 with a HOME whose
// ~/.ssh/config names it "cluster". It prints one JSON line with what a test needs, then
// keeps them up until its stdin closes or it gets SIGTERM, and stops them (checking no
// Slurm process is left).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"

	"epsm/internal/slurmtest"
	"epsm/internal/sshtest"
)

// harness is the part of testing.TB the helpers use, outside a test: a failure ends the
// program after running the cleanups. Any other TB method is not expected and would panic.
type harness struct {
	testing.TB
	cleanups []func()
	failed   bool
}

func (h *harness) Helper()                        {}
func (h *harness) Name() string                   { return "testcluster" }
func (h *harness) Cleanup(f func())               { h.cleanups = append(h.cleanups, f) }
func (h *harness) Logf(format string, a ...any)   { fmt.Fprintf(os.Stderr, format+"\n", a...) }
func (h *harness) Errorf(format string, a ...any) { h.failed = true; h.Logf(format, a...) }
func (h *harness) Failed() bool                   { return h.failed }
func (h *harness) Fatal(a ...any)                 { fmt.Fprintln(os.Stderr, a...); h.stop(1) }
func (h *harness) Fatalf(format string, a ...any) { h.Logf(format, a...); h.stop(1) }
func (h *harness) Skip(a ...any)                  { h.Fatal(a...) }
func (h *harness) TempDir() string {
	d, err := os.MkdirTemp("", "epsm-testcluster-")
	if err != nil {
		h.Fatal(err)
	}
	h.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func (h *harness) stop(code int) {
	for i := len(h.cleanups) - 1; i >= 0; i-- {
		h.cleanups[i]()
	}
	if h.failed && code == 0 {
		code = 1
	}
	os.Exit(code)
}

// Ready is the line printed once everything is up.
type Ready struct {
	Home      string `json:"home"`      // HOME for the app: ~/.ssh has the alias "cluster", its key and known_hosts
	Alias     string `json:"alias"`     // "cluster"
	WorkDir   string `json:"workDir"`   // a work folder on the cluster (this machine)
	Partition string `json:"partition"` // the partition
	SlurmConf string `json:"slurmConf"` // SLURM_CONF, for the target's prelude
}

func main() {
	os.Setenv("EPSM_REQUIRE_SLURM", "1") // no Slurm is a failure here, never a skip
	h := &harness{}
	slurm := slurmtest.Start(h)
	srv := sshtest.Start(h)
	home := srv.Home(h, "cluster", "", nil)
	work := filepath.Join(slurm.Base, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		h.Fatal(err)
	}
	json.NewEncoder(os.Stdout).Encode(Ready{Home: home, Alias: "cluster", WorkDir: work, Partition: slurm.Partition, SlurmConf: slurm.Conf})
	done := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(done) }()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	select {
	case <-done:
	case <-sig:
	}
	h.stop(0)
}
