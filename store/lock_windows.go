package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// lockOffsetHigh places the lock at byte 2^62 of the lock file, far past its text: a Windows
// byte-range lock also bars other processes from reading the bytes it covers, and a second
// EPSM must read the holder's "pid N" to name it. (Locking past the end of a file is allowed.)
const lockOffsetHigh = 1 << 30

func tryLock(f *os.File) error {
	ol := windows.Overlapped{OffsetHigh: lockOffsetHigh}
	return windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
}
