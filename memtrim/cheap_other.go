//go:build !(linux && cgo)

package memtrim

// releaseCHeap has nothing to do where the C heap is not glibc's (Windows, macOS) or absent.
func releaseCHeap() {}
