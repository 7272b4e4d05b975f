package launch

import (
	"bufio"
	"context"
	"fmt"
	"testing"

	"golang.org/x/sys/windows"
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

// An app killed (End task, a crash) between creating a program and putting it in its job
// leaves no program behind: the program was born in the app's own kill-on-close job, which
// ends with the app. Without that job the suspended program would wait for ever.
func TestAProgramCreatedJustBeforeTheAppIsKilledDiesWithIt(t *testing.T) {
	app := roleCommand("suspended")
	out, err := app.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() {
		app.Process.Kill()
		app.Wait()
		t.Fatal("the app role said nothing")
	}
	_, child, ok := readyPIDs(sc.Text())
	if !ok {
		app.Process.Kill()
		app.Wait()
		t.Fatalf("the app role says %q", sc.Text())
	}
	h, err := windows.OpenProcess(windows.SYNCHRONIZE|windows.PROCESS_TERMINATE, false, uint32(child))
	if err != nil {
		t.Fatalf("open the suspended child %d: %v", child, err)
	}
	defer windows.CloseHandle(h)
	app.Process.Kill()
	app.Wait()
	if ev, _ := windows.WaitForSingleObject(h, 20_000); ev != windows.WAIT_OBJECT_0 {
		windows.TerminateProcess(h, 1)
		t.Fatalf("the suspended child %d outlived the killed app by 20 s", child)
	}
}
