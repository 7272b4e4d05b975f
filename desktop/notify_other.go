//go:build !linux

package desktop

import (
	"context"
	"errors"
)

// desktopNotify is Linux-only: on macOS (WKWebView) and Windows (WebView2) the page's own
// Notification API reaches the system, and the UI uses that.
func desktopNotify(context.Context, string, string) error {
	return errors.New("desktop notifications from Go are implemented for Linux only; the window's Notification API is used here")
}
