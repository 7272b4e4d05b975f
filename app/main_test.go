//go:build !windows

package app

import (
	"os"
	"testing"
)

// TestMain lets the test binary also be the app process that TestSIGKILLAtRandomPoints kills:
// started with EPSM_KILL_CHILD set, it runs killChild instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv(killChildEnv) != "" {
		os.Exit(killChild())
	}
	os.Exit(m.Run())
}
