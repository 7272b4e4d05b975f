//go:build linux

package desktop

import (
	"context"
	"fmt"
	"time"

	"epsm/version"

	"github.com/godbus/dbus/v5"
)

// desktopNotify shows a notification through the freedesktop notification service on the
// session bus (GNOME, KDE, XFCE, dunst...). WebKitGTK as Wails v2 sets it up answers no
// permission request, so the page's Notification API is always denied there: this is the way
// a notification reaches a Linux desktop. A D-Bus call, not a notify-send subprocess.
func desktopNotify(ctx context.Context, title, body string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	conn, err := dbus.ConnectSessionBus(dbus.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("desktop notification: no session bus: %w", err)
	}
	defer conn.Close()
	obj := conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
	call := obj.CallWithContext(ctx, "org.freedesktop.Notifications.Notify", 0,
		version.AppName, uint32(0), "epsm", title, body, []string{}, map[string]dbus.Variant{}, int32(-1))
	if call.Err != nil {
		return fmt.Errorf("desktop notification: %w", call.Err)
	}
	return nil
}
