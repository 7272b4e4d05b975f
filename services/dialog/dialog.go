// Package dialog is the small port through which the services ask the user for a path: the
// native dialogs of the desktop package in the app, a scripted answer in tests. A service
// that needs a path takes a Dialogs; nothing here touches the OS.
package dialog

import (
	"errors"
	"path/filepath"
	"strings"
)

// Filter limits an open or save dialog to one kind of file; the zero Filter allows any.
type Filter struct {
	Display string // "EPSM study (*.epsmstudy)"
	Pattern string // "*.epsmstudy", several separated by ';'
}

// Dialogs are the native dialogs. Each returns "" (or no paths) when the user cancels.
type Dialogs interface {
	OpenFiles(title string, f Filter) ([]string, error)
	OpenFile(title string, f Filter) (string, error)
	ChooseFolder(title string) (string, error)
	SaveFile(title, defaultName string, f Filter) (string, error)
}

// ErrUnavailable is returned when a service that needs a dialog runs without one (the CLI).
var ErrUnavailable = errors.New("file dialogs are not available")

// WithExt appends ext when the user typed a name without it (GTK's dialog adds none).
func WithExt(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	return path + ext
}

// None is the Dialogs of a process without a window: every call says so.
type None struct{}

func (None) OpenFiles(string, Filter) ([]string, error)      { return nil, ErrUnavailable }
func (None) OpenFile(string, Filter) (string, error)         { return "", ErrUnavailable }
func (None) ChooseFolder(string) (string, error)             { return "", ErrUnavailable }
func (None) SaveFile(string, string, Filter) (string, error) { return "", ErrUnavailable }
