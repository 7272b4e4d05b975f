//go:build linux

package cluster

import (
	"context"
	"errors"
	"os"
	"path"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh/knownhosts"

	"epsm/internal/sshtest"
)

// dialAs connects to target with HOME set to home (its ~/.ssh) and no SSH agent.
func dialAs(t *testing.T, home, target string) (Host, error) {
	t.Helper()
	t.Setenv("HOME", home)
	t.Setenv("SSH_AUTH_SOCK", "")
	tg, err := ParseTarget(target)
	if err != nil {
		t.Fatal(err)
	}
	return DialSSH(context.Background(), tg)
}

// A login node over SSH as a cluster user reaches it: an alias of ~/.ssh/config, key login,
// the host key checked against known_hosts; every way it can be refused says what to do.
func TestSSHHost(t *testing.T) {
	srv := sshtest.Start(t)
	work := t.TempDir()

	t.Run("alias, key and known host", func(t *testing.T) {
		h, err := dialAs(t, srv.Home(t, "cluster", "", nil), "slurm+ssh://cluster"+work)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		out, err := h.Run(context.Background(), "echo out; echo err >&2")
		if err != nil || out != "out\n" {
			t.Fatalf("Run = %q, %v", out, err)
		}
		_, err = h.Run(context.Background(), "echo why >&2; exit 3")
		var ce *CommandError
		if !errors.As(err, &ce) || ce.Code != 3 || !strings.Contains(ce.Stderr, "why") {
			t.Fatalf("a failing command: %v", err)
		}
		p := path.Join(work, "deep", "folder", "file.txt")
		if err := h.Put(context.Background(), p, []byte("hej"), 0o640); err != nil {
			t.Fatal(err)
		}
		if b, err := h.Get(context.Background(), p, 100); err != nil || string(b) != "hej" {
			t.Fatalf("Get = %q, %v", b, err)
		}
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o640 {
			t.Fatalf("the uploaded file: %v, %v", fi, err)
		}
		if n, err := h.Size(context.Background(), p); err != nil || n != 3 {
			t.Fatalf("Size = %d, %v", n, err)
		}
		if _, err := h.Get(context.Background(), p+".nope", 100); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("a missing file: %v, want os.ErrNotExist", err)
		}
	})

	t.Run("the prelude runs first", func(t *testing.T) {
		h, err := dialAs(t, srv.Home(t, "cluster", "", nil), "slurm+ssh://cluster"+work+"?prelude=export+EPSM_X%3Dloaded")
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		if out, err := h.Run(context.Background(), "echo $EPSM_X"); err != nil || out != "loaded\n" {
			t.Fatalf("Run = %q, %v", out, err)
		}
	})

	t.Run("through a jump host", func(t *testing.T) {
		home := srv.Home(t, "jumpbox", "Host inner\n  HostName 127.0.0.1\n  Port "+strings.Split(srv.Addr(), ":")[1]+"\n  User "+srv.User+"\n  IdentityFile ~/.ssh/epsm_key\n  ProxyJump jumpbox\n", nil)
		h, err := dialAs(t, home, "slurm+ssh://inner"+work)
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		if out, err := h.Run(context.Background(), "echo through"); err != nil || out != "through\n" {
			t.Fatalf("Run = %q, %v", out, err)
		}
		if n := len(h.(*sshHost).clients); n != 2 {
			t.Fatalf("%d SSH connections, want 2 (the jump host, then the login node)", n)
		}
	})

	_, otherPub := sshtest.OtherKey(t)
	otherPriv, _ := sshtest.OtherKey(t)
	changed := knownhosts.Line([]string{knownhosts.Normalize(srv.Addr())}, otherPub) + "\n"
	empty := ""
	refusals := []struct {
		name   string
		home   func(t *testing.T) string
		target string
		kind   FailureKind
		says   string
	}{
		{"unknown host key", func(t *testing.T) string { return srv.Home(t, "cluster", "", &empty) }, "slurm+ssh://cluster" + work, UnknownHostKey, "cannot be trusted yet"},
		{"changed host key", func(t *testing.T) string { return srv.Home(t, "cluster", "", &changed) }, "slurm+ssh://cluster" + work, ChangedHostKey, "has CHANGED"},
		{"a key the host refuses", func(t *testing.T) string {
			home := srv.Home(t, "cluster", "", nil)
			os.WriteFile(home+"/.ssh/epsm_key", otherPriv, 0o600)
			return home
		}, "slurm+ssh://cluster" + work, AuthRefused, "no key was accepted"},
		{"nothing listening", func(t *testing.T) string { return srv.Home(t, "cluster", "", nil) }, "slurm+ssh://127.0.0.1:1" + work, Unreachable, "connect to 127.0.0.1:1"},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			h, err := dialAs(t, r.home(t), r.target)
			if err == nil {
				h.Close()
				t.Fatal("connected")
			}
			if KindOf(err) != r.kind || !strings.Contains(err.Error(), r.says) || !strings.Contains(err.Error(), "slurm+ssh://") {
				t.Fatalf("error %v (kind %q), want kind %q naming the target and saying %q", err, KindOf(err), r.kind, r.says)
			}
		})
	}
}
