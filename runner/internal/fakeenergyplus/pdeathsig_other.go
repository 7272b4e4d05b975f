//go:build !linux && !windows

package main

// keepAfterParent: only Linux has a parent-death signal to clear.
func keepAfterParent() {}
