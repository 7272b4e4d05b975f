//go:build !linux

package userns

import "testing"

// InChild reports whether this test process is the re-run inside the namespace: never here.
func InChild() bool { return false }

// PrivateMounts does nothing where there are no mount namespaces.
func PrivateMounts(*testing.T) {}

// Rerun returns false: user namespaces are Linux's.
func Rerun(*testing.T, ...string) bool { return false }
