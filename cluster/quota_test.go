//go:build linux

package cluster

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"epsm/internal/enginetest"
	"epsm/internal/slurmtest"
	"epsm/internal/sshtest"
	"epsm/internal/tempdir"
	"epsm/runner"
)

// smallDisk mounts a tmpfs of size bytes: a real work folder that fills up (a quota that runs
// out behaves the same for the upload: the write fails part-way).
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	dir := filepath.Join(tempdir.New(t), "work")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		if os.Getenv("CI") != "" || os.Getenv("EPSM_REQUIRE_SLURM") != "" {
			t.Fatalf("mount a %d-byte tmpfs: %v (the tests run as root, as Slurm's need)", size, err)
		}
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

// An upload that runs out of room on the cluster is refused as a full disk or quota, says how
// much is left and what to do, leaves no partial file, and submits nothing: through SFTP
// (where the server only says "failure") and on a login node.
func TestUploadIntoAFullWorkFolder(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	srv := sshtest.Start(t)
	worker := buildWorker(t) // ~20 MB: more than the folder holds
	t.Setenv("HOME", srv.Home(t, "cluster", "", nil))
	t.Setenv("SSH_AUTH_SOCK", "")
	work := smallDisk(t, 8<<20)
	sum, _, err := fileSHA256(exampleWeather)
	if err != nil {
		t.Fatal(err)
	}
	key, err := runner.RunKey(exampleModel, sum, engine, false, false)
	if err != nil {
		t.Fatal(err)
	}
	runs := []Run{{Key: key, Model: exampleModel, Weather: exampleWeather, Engine: engine}}
	query := fmt.Sprintf("?partition=%s&prelude=%s", slurm.Partition, url.QueryEscape("export SLURM_CONF="+slurm.Conf))
	for _, c := range []struct{ name, url string }{
		{"slurm+ssh", "slurm+ssh://cluster" + work + query},
		{"slurm:///", "slurm://" + work + query},
	} {
		t.Run(c.name, func(t *testing.T) {
			target, err := ParseTarget(c.url)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			h, err := Open(ctx, target)
			if err != nil {
				t.Fatal(err)
			}
			defer h.Close()
			sub, _, err := Submit(ctx, h, target, worker, "too big", runs, tempdir.New(t), 1001)
			t.Logf("%v", err)
			if KindOf(err) != QuotaExceeded {
				t.Fatalf("Submit = %v (kind %q), want %q", err, KindOf(err), QuotaExceeded)
			}
			for _, want := range []string{"disk or your quota there is full", "MB left", "nothing was submitted", "upload the worker"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the message lacks %q: %v", want, err)
				}
			}
			if len(sub.Jobs) != 0 {
				t.Errorf("jobs submitted: %v", sub.Jobs)
			}
			out, _ := slurm.Client(10*time.Second, "squeue", "-h")
			if strings.TrimSpace(out) != "" {
				t.Errorf("the queue has jobs: %s", out)
			}
			filepath.Walk(work, func(p string, fi os.FileInfo, err error) error {
				if err == nil && strings.HasSuffix(p, ".part") {
					t.Errorf("a partial upload is left: %s", p)
				}
				return nil
			})
		})
	}
}
