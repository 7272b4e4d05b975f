package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"

	"epsm/launch"
)

// localHost is this machine as the login node (a slurm:/// target): Slurm's commands run
// here, and batch folders are written in place.
type localHost struct {
	target  string
	prelude string
	shell   string
}

// LocalHost is this machine as the login node of t.
func LocalHost(t Target) (Host, error) {
	// The prelude (module load ...) is shell, so Slurm's commands go through the system's
	// shell here as they do through the login shell over SSH; EPSM quotes every word it adds
	// (shellQuote). docs/SECURITY.md says why this is the one shell EPSM starts.
	sh, err := exec.LookPath("sh")
	if err != nil {
		return nil, &Error{Target: t.String(), Step: "find sh", Kind: NoSlurm, Err: err}
	}
	return &localHost{target: t.String(), prelude: t.Prelude, shell: sh}, nil
}

const commandOutputLimit = 4 << 20

func (h *localHost) Run(ctx context.Context, cmd string) (string, error) {
	full := cmd
	if p := strings.TrimSpace(h.prelude); p != "" {
		full = p + "\n" + cmd
	}
	// stdout and stderr arrive merged (launch keeps their order on one pipe): stderr goes to
	// a file the command line redirects to, so that stdout stays the command's answer.
	errFile, err := os.CreateTemp("", "epsm-slurm-stderr-")
	if err != nil {
		return "", err
	}
	errFile.Close()
	defer os.Remove(errFile.Name())
	script := "exec 2>" + shellQuote(errFile.Name()) + "\n" + full
	out, exit := launch.Output(ctx, launch.Command{Path: h.shell, Args: []string{"-c", script}}, commandOutputLimit)
	stderr, _ := os.ReadFile(errFile.Name())
	if exit.Err != nil {
		return string(out), &Error{Target: h.target, Step: "run " + firstLine(cmd), Kind: NoSlurm, Err: exit.Err}
	}
	if exit.Code != 0 || exit.Signal != "" {
		return string(out), &CommandError{Cmd: cmd, Code: exit.Code, Stderr: string(stderr)}
	}
	return string(out), nil
}

func (h *localHost) Put(ctx context.Context, p string, data []byte, perm uint32) error {
	return h.put(p, func(w io.Writer) error { _, err := w.Write(data); return err }, perm)
}

func (h *localHost) PutFile(ctx context.Context, local, p string, perm uint32) error {
	in, err := os.Open(local)
	if err != nil {
		return err
	}
	defer in.Close()
	return h.put(p, func(w io.Writer) error { _, err := io.Copy(w, in); return err }, perm)
}

func (h *localHost) put(p string, write func(io.Writer) error, perm uint32) error {
	fail := func(err error) error {
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
			free := ""
			if out, derr := h.Run(context.Background(), command("df", "-Pk", filepath.Dir(p))); derr == nil {
				free = dfFree(out)
			}
			return &Error{Target: h.target, Step: "write " + p, Kind: QuotaExceeded, Err: fullError(err, free)}
		}
		return &Error{Target: h.target, Step: "write " + p, Kind: WorkDirRefused, Err: err}
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fail(err)
	}
	tmp := p + ".part"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(perm))
	if err != nil {
		return fail(err)
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fail(err)
	}
	if err := os.Chmod(tmp, os.FileMode(perm)); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		return fail(fmt.Errorf("rename: %w", err))
	}
	return nil
}

func (h *localHost) Get(ctx context.Context, p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

func (h *localHost) Size(ctx context.Context, p string) (int64, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func (h *localHost) List(ctx context.Context, dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

func (h *localHost) Close() error { return nil }
