// Package freeport gives tests a TCP port on 127.0.0.1 that nothing listens on, for the real
// daemons they start (sshd, slurmctld, slurmd).
package freeport

import (
	"net"
	"testing"
)

// Port is a port the system just handed out and took back: free unless something takes it
// in the short time before the daemon does.
func Port(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
