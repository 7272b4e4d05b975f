//go:build linux

// Package slurmtest starts a real one-node Slurm for a test (Debian's munged, slurmctld and
// slurmd, as ../shared/docs/SLURM.md describes), everything under one temporary folder, on
// free ports, and stops it when the test ends, checking that no Slurm or job process is left.
// In CI, or with EPSM_REQUIRE_SLURM set, missing Slurm fails the test instead of skipping it.
package slurmtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"epsm/internal/freeport"
)

// Cluster is a running one-node Slurm.
type Cluster struct {
	Base      string // its folder: etc/slurm.conf, munge/, state/, log/
	Conf      string // SLURM_CONF
	Partition string
	t         testing.TB
}

var daemons = []string{"/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd"}

// Start starts Slurm and waits until its node is idle.
func Start(t testing.TB) *Cluster {
	t.Helper()
	for _, p := range append(daemons, "sbatch", "squeue", "scontrol", "scancel", "sinfo") {
		if _, err := exec.LookPath(p); err != nil {
			missing(t, fmt.Sprintf("%s is not installed (Debian packages slurmctld slurmd slurm-client munge): run make setup-test", p))
		}
	}
	if os.Geteuid() != 0 {
		missing(t, "slurmd must run as root here (it starts jobs as their user)")
	}
	// A short folder: munge's socket path must fit a Unix socket name.
	base, err := os.MkdirTemp("", "epsm-slurm-")
	if err != nil {
		t.Fatal(err)
	}
	c := &Cluster{Base: base, Conf: filepath.Join(base, "etc", "slurm.conf"), Partition: "debug", t: t}
	t.Cleanup(c.stop)
	for _, d := range []string{"munge", "etc", "state/ctld", "state/d", "run", "log", "jobs"} {
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	key := make([]byte, 1024)
	rand.Read(key)
	if err := os.WriteFile(filepath.Join(base, "munge", "munge.key"), key, 0o400); err != nil {
		t.Fatal(err)
	}
	ctldPort, dPort := freeport.Port(t), freeport.Port(t)
	mem := memMiB(t)
	conf := fmt.Sprintf(`ClusterName=epsmtest
SlurmctldHost=localhost
SlurmctldPort=%d
SlurmdPort=%d
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=%[3]s/munge/munge.socket
StateSaveLocation=%[3]s/state/ctld
SlurmdSpoolDir=%[3]s/state/d
SlurmctldPidFile=%[3]s/run/slurmctld.pid
SlurmdPidFile=%[3]s/run/slurmd.pid
SlurmctldLogFile=%[3]s/log/slurmctld.log
SlurmdLogFile=%[3]s/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=%[3]s/log/jobcomp.txt
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
MaxArraySize=1001
NodeName=localhost NodeAddr=127.0.0.1 CPUs=%[4]d RealMemory=%[5]d State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
`, ctldPort, dPort, base, cpus(), mem)
	if err := os.WriteFile(c.Conf, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(base, "munge", "munge.socket")
	c.daemon("/usr/sbin/munged", "--force", "--socket="+sock, "--key-file="+filepath.Join(base, "munge", "munge.key"),
		"--pid-file="+filepath.Join(base, "run", "munged.pid"), "--log-file="+filepath.Join(base, "log", "munged.log"),
		"--seed-file="+filepath.Join(base, "munge", "munged.seed"))
	c.waitFor("munge's socket", 10*time.Second, func() bool { _, err := os.Stat(sock); return err == nil })
	c.daemon("/usr/sbin/slurmctld", "-f", c.Conf)
	c.daemon("/usr/sbin/slurmd", "-f", c.Conf, "-N", "localhost")
	c.waitFor("the node to be idle", 60*time.Second, func() bool {
		out, err := c.Client(5*time.Second, "sinfo", "-h", "-r", "-N", "-o", "%T")
		return err == nil && strings.TrimSpace(out) == "idle"
	})
	return c
}

func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" || os.Getenv("EPSM_REQUIRE_SLURM") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// Env is the environment Slurm's client tools need to find this cluster.
func (c *Cluster) Env() []string { return append(os.Environ(), "SLURM_CONF="+c.Conf) }

// Client runs a Slurm client tool with a deadline (an unreachable slurmctld blocks each call
// for seconds) and returns its stdout; stderr is in the error.
func (c *Cluster) Client(timeout time.Duration, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = c.Env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

func (c *Cluster) daemon(path string, args ...string) {
	c.t.Helper()
	cmd := exec.Command(path, args...)
	cmd.Env = c.Env()
	if out, err := cmd.CombinedOutput(); err != nil { // each daemonizes and returns
		c.t.Fatalf("%s: %v\n%s\n%s", path, err, out, c.logs())
	}
}

func (c *Cluster) waitFor(what string, limit time.Duration, ok func() bool) {
	c.t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			c.t.Fatalf("Slurm: timed out waiting for %s\n%s", what, c.logs())
		}
		time.Sleep(100 * time.Millisecond) // polling a daemon's state: there is nothing to wait on
	}
}

// logs is the tail of each daemon's log, for a failure message.
func (c *Cluster) logs() string {
	var b strings.Builder
	for _, l := range []string{"munged.log", "slurmctld.log", "slurmd.log"} {
		data, _ := os.ReadFile(filepath.Join(c.Base, "log", l))
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		fmt.Fprintf(&b, "--- %s (last lines)\n%s\n", l, strings.Join(lines[max(0, len(lines)-15):], "\n"))
	}
	return b.String()
}

// stop ends slurmd, slurmctld and munged (SIGTERM, then SIGKILL after 10 s) and checks that no
// Slurm daemon, slurmstepd or job of this cluster is left.
func (c *Cluster) stop() {
	for _, name := range []string{"slurmd", "slurmctld", "munged"} {
		b, err := os.ReadFile(filepath.Join(c.Base, "run", name+".pid"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid <= 1 {
			continue
		}
		syscall.Kill(pid, syscall.SIGTERM)
		deadline := time.Now().Add(10 * time.Second)
		for syscall.Kill(pid, 0) == nil && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if syscall.Kill(pid, 0) == nil {
			syscall.Kill(pid, syscall.SIGKILL)
			c.t.Errorf("%s (pid %d) did not stop on SIGTERM within 10 s", name, pid)
		}
	}
	if left := c.leftovers(); len(left) > 0 {
		c.t.Errorf("processes of the test's Slurm are left: %s", strings.Join(left, "; "))
	}
	if !c.t.Failed() {
		os.RemoveAll(c.Base)
	} else {
		c.t.Logf("Slurm's folder is kept for a look: %s", c.Base)
	}
}

// leftovers lists the processes whose command line names this cluster's folder (daemons,
// slurmstepd and the jobs' workers run with paths inside it or its SLURM_CONF).
func (c *Cluster) leftovers() []string {
	var left []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		cl := strings.ReplaceAll(string(cmdline), "\x00", " ")
		environ, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		if strings.Contains(cl, c.Base) || bytes.Contains(environ, []byte("SLURM_CONF="+c.Conf)) {
			left = append(left, fmt.Sprintf("%d %s", pid, cl))
		}
	}
	return left
}

func cpus() int {
	out, err := exec.Command("nproc").Output()
	if n, e := strconv.Atoi(strings.TrimSpace(string(out))); err == nil && e == nil && n > 0 {
		return n
	}
	return 1
}

func memMiB(t testing.TB) int {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	t.Fatal("no MemTotal in /proc/meminfo")
	return 0
}
