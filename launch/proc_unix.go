//go:build !windows

package launch

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

// process is one started program.
type process struct {
	cmd *exec.Cmd
}

// sysProcAttr puts the program at the head of a new process group, whose id is its pid, so
// that one kill(-pgid) reaches the helpers it starts (EnergyPlus starts ExpandObjects and
// ReadVarsESO); on Linux the kernel also kills it when the app dies.
func sysProcAttr() *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{Setpgid: true}
	setParentDeathSignal(a)
	return a
}

func start(cmd *exec.Cmd) (*process, error) {
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &process{cmd: cmd}, nil
}

func (p *process) identity() Identity {
	id, err := IdentityOf(p.cmd.Process.Pid)
	if err != nil {
		return Identity{PID: p.cmd.Process.Pid}
	}
	return id
}

// killTree kills the process group the program leads, or the program alone if it left that
// group (a program may call setsid or setpgid itself).
func (p *process) killTree() {
	if stopped, _ := killGroup(p.cmd.Process.Pid); !stopped {
		p.cmd.Process.Kill()
	}
}

func (p *process) release() {}

// killGroup sends SIGKILL to the process group pgid; stopped is false when no process of it
// was left.
func killGroup(pgid int) (stopped bool, err error) {
	err = syscall.Kill(-pgid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("kill process group %d: %w", pgid, err)
	}
	return true, nil
}

func exitStatus(ps *os.ProcessState, _ bool) (code int, signal string) {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -1, ws.Signal().String()
	}
	return ps.ExitCode(), ""
}
