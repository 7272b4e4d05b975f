package launch

import (
	"context"
	"fmt"
	"testing"
)

// A program started through launch gets no console window (CREATE_NO_WINDOW): the app is a GUI
// program without a console, and a console program it starts without that flag gets a new,
// visible console window from Windows, one per EnergyPlus run. With the flag it has a console
// of its own (a code page) whose window does not exist. Under Wine, without the flag it would
// have no console at all; either way the check fails when the flag is lost.
func TestAProgramGetsAConsoleWithoutAWindow(t *testing.T) {
	lines, exit := collect(t, context.Background(), roleLaunch(t, "console"))
	if exit.AsError() != nil || len(lines) != 1 {
		t.Fatalf("exit %+v, lines %q", exit, lines)
	}
	var codePage int
	var window string
	if _, err := fmt.Sscanf(lines[0], "console %d %s", &codePage, &window); err != nil || codePage == 0 || window != "0x0" {
		t.Fatalf("the program says %q: want a console (a code page) without a window (0x0)", lines[0])
	}
}
