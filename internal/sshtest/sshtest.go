//go:build linux

// Package sshtest starts a real OpenSSH server on 127.0.0.1 for a test (Debian's sshd, as
// ../shared/docs/SLURM.md describes): its own host key, key login only for the key it makes,
// on a free port, stopped when the test ends. It also writes a home folder for the client side
// (~/.ssh/config with an alias, the key, known_hosts), as a user of a cluster has.
// In CI, or with EPSM_REQUIRE_SLURM set, a missing sshd fails the test instead of skipping it.
package sshtest

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"epsm/internal/freeport"
)

// Server is a running sshd.
type Server struct {
	Port    int
	User    string
	HostKey ssh.PublicKey
	// ClientKey is the private key sshd accepts (OpenSSH PEM).
	ClientKey []byte
	dir       string
	cmd       *exec.Cmd
}

// Start starts sshd and waits until it accepts connections.
func Start(t testing.TB) *Server {
	t.Helper()
	sshd := "/usr/sbin/sshd"
	if _, err := os.Stat(sshd); err != nil {
		if os.Getenv("CI") != "" || os.Getenv("EPSM_REQUIRE_SLURM") != "" {
			t.Fatal("sshd is not installed (Debian package openssh-server): run make setup-test")
		}
		t.Skip("sshd is not installed (Debian package openssh-server)")
	}
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "epsm-sshd-")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{User: u.Username, dir: dir}
	t.Cleanup(func() { s.stop(t) })
	hostPriv := writeKey(t, filepath.Join(dir, "host_key"))
	s.HostKey = hostPriv.PublicKey()
	clientPriv := newKey(t)
	s.ClientKey = pemKey(t, clientPriv)
	if err := os.WriteFile(filepath.Join(dir, "authorized_keys"), ssh.MarshalAuthorizedKey(clientPriv.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll("/run/sshd", 0o755) // sshd's privilege-separation folder
	s.Port = freeport.Port(t)
	s.cmd = exec.Command(sshd, "-D", "-e", "-f", "/dev/null", "-p", strconv.Itoa(s.Port), "-h", filepath.Join(dir, "host_key"),
		"-o", "ListenAddress=127.0.0.1", "-o", "AuthorizedKeysFile="+filepath.Join(dir, "authorized_keys"),
		"-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no", "-o", "PermitRootLogin=prohibit-password",
		"-o", "PidFile="+filepath.Join(dir, "sshd.pid"), "-o", "StrictModes=no", "-o", "Subsystem=sftp internal-sftp",
		"-o", "AllowTcpForwarding=yes")
	log, err := os.Create(filepath.Join(dir, "sshd.log"))
	if err != nil {
		t.Fatal(err)
	}
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", s.Addr(), time.Second)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(dir, "sshd.log"))
			t.Fatalf("sshd did not listen on %s: %s", s.Addr(), b)
		}
		time.Sleep(50 * time.Millisecond) // a daemon's port: nothing to wait on but a connect
	}
	return s
}

// Addr is host:port of the server.
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.Port)) }

// KnownHostsLine is the server's line for ~/.ssh/known_hosts.
func (s *Server) KnownHostsLine() string {
	return knownhosts.Line([]string{knownhosts.Normalize(s.Addr())}, s.HostKey) + "\n"
}

// Home writes a home folder for the client: ~/.ssh/config with `Host alias` pointing at the
// server (plus extra lines), the accepted key as ~/.ssh/epsm_key, and known_hosts (the
// server's line unless knownHosts is given). It returns the folder, for HOME.
func (s *Server) Home(t testing.TB, alias, extraConfig string, knownHosts *string) string {
	t.Helper()
	home := t.TempDir()
	sshDir := filepath.Join(home, ".ssh")
	os.MkdirAll(sshDir, 0o700)
	cfg := fmt.Sprintf("Host %s\n  HostName 127.0.0.1\n  Port %d\n  User %s\n  IdentityFile ~/.ssh/epsm_key\n%s", alias, s.Port, s.User, extraConfig)
	kh := s.KnownHostsLine()
	if knownHosts != nil {
		kh = *knownHosts
	}
	for name, data := range map[string][]byte{"config": []byte(cfg), "epsm_key": s.ClientKey, "known_hosts": []byte(kh)} {
		if err := os.WriteFile(filepath.Join(sshDir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return home
}

// OtherKey is a key sshd does not accept (and, as a host key, not the server's), OpenSSH PEM.
func OtherKey(t testing.TB) (private []byte, public ssh.PublicKey) {
	k := newKey(t)
	return pemKey(t, k), k.PublicKey()
}

func (s *Server) stop(t testing.TB) {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
		s.cmd.Wait()
	}
	if t.Failed() {
		b, _ := os.ReadFile(filepath.Join(s.dir, "sshd.log"))
		t.Logf("sshd's log:\n%s", b)
	}
	os.RemoveAll(s.dir)
}

func newKey(t testing.TB) ssh.Signer {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return &keyed{Signer: s, priv: priv}
}

type keyed struct {
	ssh.Signer
	priv ed25519.PrivateKey
}

func pemKey(t testing.TB, s ssh.Signer) []byte {
	b, err := ssh.MarshalPrivateKey(s.(*keyed).priv, "")
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(b)
}

func writeKey(t testing.TB, path string) ssh.Signer {
	k := newKey(t)
	if err := os.WriteFile(path, pemKey(t, k), 0o600); err != nil {
		t.Fatal(err)
	}
	return k
}
