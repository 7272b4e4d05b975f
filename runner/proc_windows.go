package runner

import (
	"os"
	"os/exec"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// On Windows a process group does not take children down with it: each engine gets a job
// object with KILL_ON_JOB_CLOSE, so terminating the job (or this process dying, which closes
// the handle) ends EnergyPlus, ExpandObjects and ReadVarsESO together.

var jobs sync.Map // *exec.Cmd -> windows.Handle

func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: windows.CREATE_NEW_PROCESS_GROUP}
}

func afterStart(cmd *exec.Cmd) {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{
		BasicLimitInformation: windows.JOBOBJECT_BASIC_LIMIT_INFORMATION{LimitFlags: windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE},
	}
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return
	}
	proc, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(cmd.Process.Pid))
	if err != nil {
		windows.CloseHandle(job)
		return
	}
	defer windows.CloseHandle(proc)
	if err := windows.AssignProcessToJobObject(job, proc); err != nil {
		windows.CloseHandle(job)
		return
	}
	jobs.Store(cmd, job)
}

// releaseProcess closes the job handle of a process that has ended.
func releaseProcess(cmd *exec.Cmd) {
	if h, ok := jobs.LoadAndDelete(cmd); ok {
		windows.CloseHandle(h.(windows.Handle))
	}
}

// killProcessTree terminates the engine's job object, or the process alone if it has none.
func killProcessTree(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	if h, ok := jobs.LoadAndDelete(cmd); ok {
		job := h.(windows.Handle)
		defer windows.CloseHandle(job)
		if err := windows.TerminateJobObject(job, 1); err == nil {
			return nil
		}
	}
	return cmd.Process.Kill()
}

func signalOf(*os.ProcessState) string { return "" }
