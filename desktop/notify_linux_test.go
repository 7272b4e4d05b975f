//go:build linux

package desktop

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"epsm/version"

	"github.com/godbus/dbus/v5"
)

// fakeNotifications stands in for the desktop's notification daemon on a private bus.
type fakeNotifications struct{ got chan [3]string }

func (f *fakeNotifications) Notify(app string, replaces uint32, icon, summary, body string, actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	f.got <- [3]string{app, summary, body}
	return 7, nil
}

// The notification reaches whatever owns org.freedesktop.Notifications on the session bus:
// a private dbus-daemon here, with a fake daemon on it that records the call.
func TestDesktopNotifyCallsTheFreedesktopService(t *testing.T) {
	daemon, err := exec.LookPath("dbus-daemon")
	if err != nil {
		// make setup-test installs it; only a hand-made machine can lack it.
		if os.Getenv("CI") != "" {
			t.Fatal("dbus-daemon is not installed (Debian package dbus-daemon): run make setup-test")
		}
		t.Skip("dbus-daemon is not installed (Debian package dbus-daemon)")
	}
	cmd := exec.Command(daemon, "--session", "--nofork", "--print-address=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); _ = cmd.Wait() }()
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(addr))

	srv, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	fake := &fakeNotifications{got: make(chan [3]string, 1)}
	if err := srv.Export(fake, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	if reply, err := srv.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own the name: %v %v", reply, err)
	}
	if err := desktopNotify(context.Background(), "Roof study finished", "5 runs: 5 succeeded."); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-fake.got:
		if got != [3]string{version.AppName, "Roof study finished", "5 runs: 5 succeeded."} {
			t.Errorf("notification %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no notification arrived")
	}

	// Without a notification service the error says so instead of hanging.
	srv.ReleaseName("org.freedesktop.Notifications")
	if err := desktopNotify(context.Background(), "x", "y"); err == nil || !strings.Contains(err.Error(), "desktop notification") {
		t.Errorf("err = %v", err)
	}
}
