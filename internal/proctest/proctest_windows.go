package proctest

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

const foldCase = true // Windows file names have no case

// processes lists the system's processes with the working directory and command line of
// each, read from its PEB (the process parameters), as Windows keeps no other record of them.
func processes() []proc {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		panic("proctest: snapshot processes: " + err.Error()) // a check that cannot look must not pass
	}
	defer windows.CloseHandle(snap)
	self := uint32(os.Getpid())
	var ps []proc
	entry := windows.ProcessEntry32{Size: uint32(unsafe.Sizeof(windows.ProcessEntry32{}))}
	for err = windows.Process32First(snap, &entry); err == nil; err = windows.Process32Next(snap, &entry) {
		if entry.ProcessID == self || entry.ProcessID == 0 {
			continue
		}
		if p, ok := readParams(entry.ProcessID); ok {
			ps = append(ps, p)
		}
	}
	return ps
}

// readParams reads the working directory and command line of a live process from its PEB;
// ok is false for a process that has exited or cannot be read (another user's, a protected
// one).
func readParams(pid uint32) (proc, bool) {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_INFORMATION|windows.PROCESS_VM_READ, false, pid)
	if err != nil {
		return proc{}, false
	}
	defer windows.CloseHandle(h)
	if !running(h) {
		return proc{}, false
	}
	var info windows.PROCESS_BASIC_INFORMATION
	if err := windows.NtQueryInformationProcess(h, windows.ProcessBasicInformation, unsafe.Pointer(&info), uint32(unsafe.Sizeof(info)), nil); err != nil {
		return proc{}, false
	}
	var peb windows.PEB
	if !read(h, uintptr(unsafe.Pointer(info.PebBaseAddress)), unsafe.Pointer(&peb), unsafe.Sizeof(peb)) {
		return proc{}, false
	}
	var pp windows.RTL_USER_PROCESS_PARAMETERS
	if !read(h, uintptr(unsafe.Pointer(peb.ProcessParameters)), unsafe.Pointer(&pp), unsafe.Sizeof(pp)) {
		return proc{}, false
	}
	cwd, ok1 := readString(h, pp.CurrentDirectory.DosPath)
	cmdline, ok2 := readString(h, pp.CommandLine)
	return proc{pid: int(pid), cwd: cwd, cmdline: cmdline}, ok1 && ok2
}

// readString reads a string of the process h.
func readString(h windows.Handle, s windows.NTUnicodeString) (string, bool) {
	if s.Length == 0 {
		return "", true
	}
	buf := make([]uint16, s.Length/2)
	if !read(h, uintptr(unsafe.Pointer(s.Buffer)), unsafe.Pointer(&buf[0]), uintptr(s.Length)) {
		return "", false
	}
	return windows.UTF16ToString(buf), true
}

// read copies size bytes at addr in the process h into to.
func read(h windows.Handle, addr uintptr, to unsafe.Pointer, size uintptr) bool {
	var n uintptr
	return addr != 0 && windows.ReadProcessMemory(h, addr, (*byte)(to), size, &n) == nil && n == size
}

// running reports whether the process has not exited (an exited one whose handles are still
// open lingers in the list).
func running(h windows.Handle) bool {
	const stillActive = 259 // STILL_ACTIVE
	var code uint32
	return windows.GetExitCodeProcess(h, &code) == nil && code == stillActive
}

// Alive reports whether the process pid exists and has not exited.
func Alive(pid int) bool {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return false
	}
	defer windows.CloseHandle(h)
	return running(h)
}
