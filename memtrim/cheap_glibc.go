//go:build linux && cgo

package memtrim

// #include <malloc.h>
import "C"

// releaseCHeap asks glibc to give the free pages at the top and inside its arenas back.
func releaseCHeap() { C.malloc_trim(0) }
