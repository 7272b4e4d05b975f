package launch

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// On Windows a process group does not take children down with it. Each program is created
// suspended, put in a job object of its own with KILL_ON_JOB_CLOSE before it runs a single
// instruction (so nothing it starts can escape the job), and only then resumed. Terminating
// the job ends the program and everything it started; so does closing the job's last handle,
// which Windows does when the app dies.
//
// Between its creation and its assignment the program sits suspended outside its job: an app
// killed in that moment (a crash, End task) would leave it there for ever. So the app itself
// first joins a kill-on-close job of its own, which every program it creates is born into;
// its last handle closes when the app dies, wherever the app was. The program's own job nests
// inside it (Windows 8 and later; Wine too), so killing one run still ends only that run.

// terminateExitCode is the exit code of a program killed through its job.
const terminateExitCode = 1

// process is one started program with its job object and a handle of our own on it.
type process struct {
	cmd    *exec.Cmd
	handle windows.Handle // the process, for waiting and its creation time
	job    windows.Handle
}

// appJob is the app's own job. It is process-wide because the process is: it is joined once,
// before the first program starts, and its handle is held until the app ends.
var appJob struct {
	once sync.Once
	job  windows.Handle
}

// joinAppJob puts the app in a kill-on-close job of its own. If Windows refuses (an app
// running under a job that forbids nesting), the app runs as before, with the window above
// open, and says so in its log.
func joinAppJob() {
	appJob.once.Do(func() {
		job, err := newKillOnCloseJob()
		if err == nil {
			if err = windows.AssignProcessToJobObject(job, windows.CurrentProcess()); err != nil {
				windows.CloseHandle(job)
				err = fmt.Errorf("assign the app to its job object: %w", err)
			}
		}
		if err != nil {
			slog.Warn("programs started in the moment the app is killed may outlive it", "err", err)
			return
		}
		appJob.job = job
	})
}

// newKillOnCloseJob creates a job whose processes are all terminated when its last handle closes.
func newKillOnCloseJob() (windows.Handle, error) {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return 0, fmt.Errorf("create job object: %w", err)
	}
	info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{
		BasicLimitInformation: windows.JOBOBJECT_BASIC_LIMIT_INFORMATION{LimitFlags: windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE},
	}
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return 0, fmt.Errorf("set kill-on-close on the job object: %w", err)
	}
	return job, nil
}

func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{CreationFlags: windowsCreationFlags}
}

// start creates the program suspended, puts it in its job and resumes it. If any step fails
// the suspended program is killed: it never runs outside a job.
func start(cmd *exec.Cmd) (*process, error) {
	joinAppJob()
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &process{cmd: cmd}
	if err := p.contain(); err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		p.release()
		return nil, err
	}
	return p, nil
}

func (p *process) contain() error {
	var dupErr error
	err := p.cmd.Process.WithHandle(func(h uintptr) {
		self := windows.CurrentProcess()
		dupErr = windows.DuplicateHandle(self, windows.Handle(h), self, &p.handle, 0, false, windows.DUPLICATE_SAME_ACCESS)
	})
	if err = errors.Join(err, dupErr); err != nil {
		return fmt.Errorf("process handle: %w", err)
	}
	job, err := newKillOnCloseJob()
	if err != nil {
		return err
	}
	p.job = job
	if err := windows.AssignProcessToJobObject(job, p.handle); err != nil {
		return fmt.Errorf("assign the process to its job object: %w", err)
	}
	return resumeThreads(uint32(p.cmd.Process.Pid))
}

// resumeThreads resumes the suspended main thread. Go's os/exec closes the thread handle that
// CreateProcess returned, so the thread is found through a snapshot of the system's threads.
func resumeThreads(pid uint32) error {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPTHREAD, 0)
	if err != nil {
		return fmt.Errorf("snapshot threads: %w", err)
	}
	defer windows.CloseHandle(snap)
	entry := windows.ThreadEntry32{Size: uint32(unsafe.Sizeof(windows.ThreadEntry32{}))}
	resumed := 0
	for err = windows.Thread32First(snap, &entry); err == nil; err = windows.Thread32Next(snap, &entry) {
		if entry.OwnerProcessID != pid {
			continue
		}
		t, err := windows.OpenThread(windows.THREAD_SUSPEND_RESUME, false, entry.ThreadID)
		if err != nil {
			return fmt.Errorf("open thread %d: %w", entry.ThreadID, err)
		}
		_, err = windows.ResumeThread(t)
		windows.CloseHandle(t)
		if err != nil {
			return fmt.Errorf("resume thread %d: %w", entry.ThreadID, err)
		}
		resumed++
	}
	if !errors.Is(err, windows.ERROR_NO_MORE_FILES) {
		return fmt.Errorf("list threads: %w", err)
	}
	if resumed == 0 {
		return fmt.Errorf("no thread of process %d to resume", pid)
	}
	return nil
}

func (p *process) identity() Identity {
	start, err := creationTime(p.handle)
	if err != nil {
		return Identity{PID: p.cmd.Process.Pid}
	}
	return Identity{PID: p.cmd.Process.Pid, Start: start}
}

// waitExited blocks until the program has exited; the job (our handle) still holds whatever
// it started.
func (p *process) waitExited() bool {
	ev, err := windows.WaitForSingleObject(p.handle, windows.INFINITE)
	return err == nil && ev == windows.WAIT_OBJECT_0
}

// killTree terminates the job: the program and everything it started.
func (p *process) killTree() {
	if err := windows.TerminateJobObject(p.job, terminateExitCode); err != nil {
		p.cmd.Process.Kill()
	}
}

// release closes our handles; closing the job's last handle kills what is left in it.
func (p *process) release() {
	for _, h := range []*windows.Handle{&p.job, &p.handle} {
		if *h != 0 {
			windows.CloseHandle(*h)
			*h = 0
		}
	}
}

// pinThread: Windows has no parent-death signal tied to a thread; the job does that work.
func pinThread() (unpin func()) { return func() {} }

// exitStatus: a program this package killed says -1, as on unix; Windows has no signals.
func exitStatus(ps *os.ProcessState, killed bool) (code int, signal string) {
	if killed && ps.ExitCode() == terminateExitCode {
		return -1, ""
	}
	return ps.ExitCode(), ""
}
