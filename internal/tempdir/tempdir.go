// Package tempdir gives tests a temporary folder that is also cleaned up under Wine: there
// t.TempDir's cleanup fails on every folder ("TempDir RemoveAll cleanup: unlinkat ...: Invalid
// function", see internal/removeall). Elsewhere it is t.TempDir itself.
package tempdir

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"epsm/internal/removeall"
)

// New returns a new empty folder that is removed when the test ends.
func New(t testing.TB) string {
	t.Helper()
	if runtime.GOOS != "windows" {
		return t.TempDir()
	}
	// Named after the test, as t.TempDir does, without the characters Windows refuses.
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '_'
		}
		return r
	}, t.Name())
	if r := []rune(name); len(r) > 48 {
		name = string(r[:48])
	}
	dir, err := os.MkdirTemp("", name+"-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := removeall.RemoveAll(dir); err != nil {
			t.Errorf("clean up %s: %v", dir, err)
		}
	})
	return dir
}
