package cluster

import (
	"context"
	"errors"
	"fmt"
)

// Host is the machine Slurm is reached from (a login node): it runs Slurm's commands and
// holds the batch folders. Over SSH for slurm+ssh:// targets (sshHost), this machine itself
// for slurm:/// (localHost).
type Host interface {
	// Run runs a command line with the login node's shell, after the target's prelude, and
	// returns its stdout; a non-zero exit is a *CommandError with its stderr.
	Run(ctx context.Context, cmd string) (string, error)
	// Put writes data to path on the host (folders made as needed; a reader never sees a
	// half-written file), with the given permissions.
	Put(ctx context.Context, path string, data []byte, perm uint32) error
	// PutFile copies a local file to path on the host, as Put does.
	PutFile(ctx context.Context, local, path string, perm uint32) error
	// Get reads a file of the host, at most limit bytes; an error wrapping os.ErrNotExist
	// (errors.Is) when it is not there.
	Get(ctx context.Context, path string, limit int64) ([]byte, error)
	// Size is a file's size, or an error wrapping os.ErrNotExist.
	Size(ctx context.Context, path string) (int64, error)
	// List names the regular files of a folder; an error wrapping os.ErrNotExist when it is
	// not there.
	List(ctx context.Context, dir string) ([]string, error)
	Close() error
}

// CommandError is a command that ran on the host and failed.
type CommandError struct {
	Cmd    string
	Code   int
	Stderr string
}

func (e *CommandError) Error() string {
	return fmt.Sprintf("%s: exit %d: %s", e.Cmd, e.Code, firstLine(e.Stderr))
}

// FailureKind says what went wrong with a target, for the window and the CLI to match on.
type FailureKind string

const (
	Unreachable      FailureKind = "unreachable"       // no connection to the host
	AuthRefused      FailureKind = "auth-refused"      // the host refused every key
	UnknownHostKey   FailureKind = "unknown-host-key"  // not in known_hosts
	ChangedHostKey   FailureKind = "changed-host-key"  // in known_hosts with another key
	NoSlurm          FailureKind = "no-slurm"          // sbatch is not on the host
	PartitionUnknown FailureKind = "partition-unknown" // Slurm does not know the partition
	WorkDirRefused   FailureKind = "workdir-refused"   // the work folder cannot be written
	EngineMissing    FailureKind = "engine-missing"    // no (matching) EnergyPlus on the nodes
	QuotaExceeded    FailureKind = "quota-exceeded"    // the disk quota ran out while uploading
	SubmitRefused    FailureKind = "submit-refused"    // sbatch refused the job for another reason
)

// Error is a failure of a target at one step ("connect", "upload", "submit", ...).
type Error struct {
	Target string
	Step   string
	Kind   FailureKind
	Err    error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s: %v", e.Target, e.Step, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// KindOf is the target failure kind of err, "" when it is no target failure.
func KindOf(err error) FailureKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}
