package cluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/user"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kevinburke/ssh_config"
	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	"golang.org/x/crypto/ssh/knownhosts"
)

// sshHost is a login node reached over SSH: commands in SSH sessions, files over SFTP.
type sshHost struct {
	target  string
	prelude string
	clients []*ssh.Client // the login node's, then the jump hosts' (closed in that order)
	sftp    *sftp.Client
}

// endpoint is one SSH hop as ~/.ssh/config resolves it.
type endpoint struct {
	alias, host, user string
	port              int
	identities        []string
	knownHosts        []string
	proxyJump         string
}

// resolve applies ~/.ssh/config (under home) to an alias, as ssh does for the keys EPSM
// honours: HostName, User, Port, IdentityFile, UserKnownHostsFile, ProxyJump.
func resolve(cfg *ssh_config.Config, home, alias, userOverride string, portOverride int) (endpoint, error) {
	get := func(key string) string {
		if cfg == nil {
			return ""
		}
		v, _ := cfg.Get(alias, key)
		return v
	}
	ep := endpoint{alias: alias, host: alias, user: userOverride, port: portOverride}
	if h := get("HostName"); h != "" {
		ep.host = strings.ReplaceAll(h, "%h", alias)
	}
	if ep.user == "" {
		ep.user = get("User")
	}
	if ep.user == "" {
		if u, err := user.Current(); err == nil {
			ep.user = u.Username
		}
	}
	if ep.port == 0 {
		if p := get("Port"); p != "" {
			n, err := strconv.Atoi(p)
			if err != nil || n < 1 || n > 65535 {
				return ep, fmt.Errorf("~/.ssh/config: Port %q of %s", p, alias)
			}
			ep.port = n
		} else {
			ep.port = 22
		}
	}
	expand := func(p string) string {
		p = strings.Trim(p, `"`)
		if strings.HasPrefix(p, "~/") {
			return filepath.Join(home, p[2:])
		}
		return p
	}
	if cfg != nil {
		ids, _ := cfg.GetAll(alias, "IdentityFile")
		for _, id := range ids {
			ep.identities = append(ep.identities, expand(id))
		}
		for _, f := range strings.Fields(get("UserKnownHostsFile")) {
			ep.knownHosts = append(ep.knownHosts, expand(f))
		}
	}
	if len(ep.identities) == 0 {
		for _, n := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
			ep.identities = append(ep.identities, filepath.Join(home, ".ssh", n))
		}
	}
	if len(ep.knownHosts) == 0 {
		ep.knownHosts = []string{filepath.Join(home, ".ssh", "known_hosts")}
	}
	if pj := get("ProxyJump"); pj != "" && !strings.EqualFold(pj, "none") {
		ep.proxyJump = pj
	}
	return ep, nil
}

// DialSSH connects to a slurm+ssh:// target's login node, through its jump hosts, with the
// keys of the SSH agent and of ~/.ssh/config, and the host keys of known_hosts: an unknown or
// changed host key is refused, never accepted.
func DialSSH(ctx context.Context, t Target) (Host, error) {
	name := t.String()
	fail := func(kind FailureKind, step string, err error) (Host, error) {
		return nil, &Error{Target: name, Step: step, Kind: kind, Err: err}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return fail(Unreachable, "connect", err)
	}
	var cfg *ssh_config.Config
	if f, err := os.Open(filepath.Join(home, ".ssh", "config")); err == nil {
		cfg, err = ssh_config.Decode(f)
		f.Close()
		if err != nil {
			return fail(Unreachable, "read ~/.ssh/config", err)
		}
	}
	ep, err := resolve(cfg, home, t.Host, t.User, t.Port)
	if err != nil {
		return fail(Unreachable, "read ~/.ssh/config", err)
	}
	h := &sshHost{target: name, prelude: t.Prelude}
	hops, err := chain(cfg, home, ep, 0)
	if err != nil {
		return fail(Unreachable, "read ~/.ssh/config", err)
	}
	var client *ssh.Client
	for _, hop := range hops {
		next, err := dialHop(ctx, client, hop)
		if err != nil {
			h.Close()
			var e *Error
			if errors.As(err, &e) {
				e.Target = name
				return nil, e
			}
			return fail(Unreachable, "connect", err)
		}
		h.clients = append([]*ssh.Client{next}, h.clients...)
		client = next
	}
	if h.sftp, err = sftp.NewClient(client); err != nil {
		h.Close()
		return fail(Unreachable, "open SFTP", fmt.Errorf("the login node has no SFTP subsystem: %w", err))
	}
	return h, nil
}

// chain is the hops to ep, first dialled first: ProxyJump's hosts (a,b: a, then b from a; the
// first may have a ProxyJump of its own), then ep.
func chain(cfg *ssh_config.Config, home string, ep endpoint, depth int) ([]endpoint, error) {
	if ep.proxyJump == "" {
		return []endpoint{ep}, nil
	}
	if depth > 8 {
		return nil, errors.New("ProxyJump goes on for more than 8 hosts")
	}
	var hops []endpoint
	for i, jump := range strings.Split(ep.proxyJump, ",") {
		u, hp := "", strings.TrimSpace(jump)
		if at := strings.LastIndex(hp, "@"); at >= 0 {
			u, hp = hp[:at], hp[at+1:]
		}
		alias, port := hp, 0
		if hst, p, err := net.SplitHostPort(hp); err == nil {
			alias = hst
			if port, err = strconv.Atoi(p); err != nil {
				return nil, fmt.Errorf("ProxyJump %q: port %q", jump, p)
			}
		}
		jep, err := resolve(cfg, home, alias, u, port)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			jep.proxyJump = "" // later hosts of a list are reached from the one before
			hops = append(hops, jep)
			continue
		}
		sub, err := chain(cfg, home, jep, depth+1)
		if err != nil {
			return nil, err
		}
		hops = append(hops, sub...)
	}
	return append(hops, ep), nil
}

// dialHop opens one SSH connection, directly or through the previous hop.
func dialHop(ctx context.Context, via *ssh.Client, ep endpoint) (*ssh.Client, error) {
	addr := net.JoinHostPort(ep.host, strconv.Itoa(ep.port))
	auths, keyNotes := authMethods(ep)
	hostKeys, err := knownhosts.New(existing(ep.knownHosts)...)
	if err != nil {
		return nil, &Error{Step: "read known_hosts", Kind: UnknownHostKey, Err: err}
	}
	cfg := &ssh.ClientConfig{User: ep.user, Auth: auths, HostKeyCallback: hostKeys, Timeout: 20 * time.Second}
	connect := func() (*ssh.Client, error) {
		var conn net.Conn
		var err error
		if via != nil {
			conn, err = via.Dial("tcp", addr)
		} else {
			conn, err = (&net.Dialer{Timeout: 20 * time.Second}).DialContext(ctx, "tcp", addr)
		}
		if err != nil {
			return nil, &Error{Step: "connect to " + addr, Kind: Unreachable, Err: err}
		}
		c, chans, reqs, err := ssh.NewClientConn(conn, addr, cfg)
		if err != nil {
			conn.Close()
			return nil, err
		}
		return ssh.NewClient(c, chans, reqs), nil
	}
	c, err := connect()
	var ke *knownhosts.KeyError
	if errors.As(err, &ke) && len(ke.Want) > 0 {
		// known_hosts may hold another type of key for the host than the one it offered first:
		// ask for the known types, as OpenSSH does, before calling it a changed key.
		for _, k := range ke.Want {
			cfg.HostKeyAlgorithms = append(cfg.HostKeyAlgorithms, k.Key.Type())
		}
		c, err = connect()
	}
	if err == nil {
		return c, nil
	}
	var already *Error
	switch {
	case errors.As(err, &already):
		return nil, err
	case errors.As(err, &ke) && len(ke.Want) == 0:
		return nil, &Error{Step: "check the host key of " + addr, Kind: UnknownHostKey, Err: fmt.Errorf(
			"%s is not in %s, so it cannot be trusted yet: check its fingerprint with the cluster's documentation, then connect once with `ssh -p %d %s@%s` and accept it (or add `ssh-keyscan -p %d %s` to known_hosts)",
			addr, strings.Join(ep.knownHosts, ", "), ep.port, ep.user, ep.host, ep.port, ep.host)}
	case errors.As(err, &ke):
		return nil, &Error{Step: "check the host key of " + addr, Kind: ChangedHostKey, Err: fmt.Errorf(
			"the host key of %s has CHANGED since it was recorded in %s:%d: this may be an attack; if the cluster's staff confirm a new key, remove the old one with `ssh-keygen -R %s`",
			addr, ke.Want[0].Filename, ke.Want[0].Line, knownhosts.Normalize(addr))}
	case strings.Contains(err.Error(), "unable to authenticate"):
		return nil, &Error{Step: "log in to " + addr + " as " + ep.user, Kind: AuthRefused, Err: fmt.Errorf(
			"no key was accepted (tried: %s); put the key in ssh-agent or set IdentityFile in ~/.ssh/config: %w", strings.Join(keyNotes, "; "), err)}
	}
	return nil, &Error{Step: "connect to " + addr, Kind: Unreachable, Err: err}
}

// existing keeps the known_hosts files that exist (none: every host is unknown).
func existing(files []string) []string {
	var out []string
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// authMethods: the agent's keys, then the key files (a passphrase-protected file is skipped:
// its key belongs in the agent). notes says what was tried, for the refusal message.
func authMethods(ep endpoint) ([]ssh.AuthMethod, []string) {
	var signers []ssh.Signer
	var notes []string
	if sock := os.Getenv("SSH_AUTH_SOCK"); sock != "" {
		if conn, err := net.Dial("unix", sock); err == nil {
			if s, err := agent.NewClient(conn).Signers(); err == nil {
				signers = append(signers, s...)
				notes = append(notes, fmt.Sprintf("%d key(s) of ssh-agent", len(s)))
			}
		} else {
			notes = append(notes, "ssh-agent not reachable")
		}
	}
	for _, f := range ep.identities {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		s, err := ssh.ParsePrivateKey(b)
		var pp *ssh.PassphraseMissingError
		switch {
		case errors.As(err, &pp):
			notes = append(notes, f+" (passphrase-protected: add it to ssh-agent)")
		case err != nil:
			notes = append(notes, f+" (unreadable: "+err.Error()+")")
		default:
			signers = append(signers, s)
			notes = append(notes, f)
		}
	}
	if len(notes) == 0 {
		notes = append(notes, "no agent and no key file")
	}
	return []ssh.AuthMethod{ssh.PublicKeys(signers...)}, notes
}

func (h *sshHost) Run(ctx context.Context, cmd string) (string, error) {
	c := h.clients[0]
	s, err := c.NewSession()
	if err != nil {
		return "", &Error{Target: h.target, Step: "open an SSH session", Kind: Unreachable, Err: err}
	}
	defer s.Close()
	var stdout, stderr bytes.Buffer
	s.Stdout, s.Stderr = &stdout, &stderr
	full := cmd
	if p := strings.TrimSpace(h.prelude); p != "" {
		full = p + "\n" + cmd
	}
	done := make(chan error, 1)
	go func() { done <- s.Run(full) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		s.Signal(ssh.SIGKILL)
		s.Close()
		return stdout.String(), context.Cause(ctx)
	}
	var exit *ssh.ExitError
	if errors.As(err, &exit) {
		return stdout.String(), &CommandError{Cmd: cmd, Code: exit.ExitStatus(), Stderr: stderr.String()}
	}
	if err != nil {
		return stdout.String(), &Error{Target: h.target, Step: "run " + firstLine(cmd), Kind: Unreachable, Err: err}
	}
	return stdout.String(), nil
}

func (h *sshHost) Put(ctx context.Context, p string, data []byte, perm uint32) error {
	return h.put(p, bytes.NewReader(data), perm)
}

func (h *sshHost) PutFile(ctx context.Context, local, p string, perm uint32) error {
	f, err := os.Open(local)
	if err != nil {
		return err
	}
	defer f.Close()
	return h.put(p, f, perm)
}

func (h *sshHost) put(p string, r io.Reader, perm uint32) error {
	if err := h.sftp.MkdirAll(path.Dir(p)); err != nil {
		return h.fileError("create the folder "+path.Dir(p), err)
	}
	tmp := p + ".part"
	f, err := h.sftp.Create(tmp)
	if err != nil {
		return h.fileError("write "+p, err)
	}
	if _, err := f.ReadFrom(r); err != nil {
		f.Close()
		h.sftp.Remove(tmp)
		return h.writeError(p, err)
	}
	if err := f.Close(); err != nil {
		h.sftp.Remove(tmp)
		return h.writeError(p, err)
	}
	if err := h.sftp.Chmod(tmp, os.FileMode(perm)); err != nil {
		return h.fileError("write "+p, err)
	}
	if err := h.sftp.PosixRename(tmp, p); err != nil {
		return h.fileError("write "+p, err)
	}
	return nil
}

// writeError is a failure while writing a file's data. SFTP (version 3, as OpenSSH serves it)
// reports a full disk or an exceeded quota as a bare "failure", after the file was created:
// that is what such a failure means, and df says how much room is left.
func (h *sshHost) writeError(p string, err error) error {
	var se *sftp.StatusError
	if !errors.As(err, &se) || se.FxCode() != sftp.ErrSSHFxFailure {
		return h.fileError("write "+p, err)
	}
	return &Error{Target: h.target, Step: "write " + p, Kind: QuotaExceeded, Err: fullError(err, h.free(path.Dir(p)))}
}

// free is what df says is left in dir, "" when it cannot tell.
func (h *sshHost) free(dir string) string {
	out, err := h.Run(context.Background(), command("df", "-Pk", dir))
	if err != nil {
		return ""
	}
	return dfFree(out)
}

// fileError names the step and tells a full quota from a folder that cannot be written.
func (h *sshHost) fileError(step string, err error) error {
	kind := WorkDirRefused
	var se *sftp.StatusError
	if errors.As(err, &se) && (se.FxCode() == sftp.ErrSSHFxFailure) && strings.Contains(strings.ToLower(se.Error()), "quota") {
		kind = QuotaExceeded
	}
	if errors.Is(err, os.ErrPermission) {
		kind = WorkDirRefused
	}
	return &Error{Target: h.target, Step: step, Kind: kind, Err: err}
}

func (h *sshHost) Get(ctx context.Context, p string, limit int64) ([]byte, error) {
	f, err := h.sftp.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

func (h *sshHost) Size(ctx context.Context, p string) (int64, error) {
	fi, err := h.sftp.Stat(p)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func (h *sshHost) List(ctx context.Context, dir string) ([]string, error) {
	entries, err := h.sftp.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Mode().IsRegular() {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

func (h *sshHost) Close() error {
	if h.sftp != nil {
		h.sftp.Close()
	}
	for _, c := range h.clients {
		c.Close()
	}
	return nil
}
