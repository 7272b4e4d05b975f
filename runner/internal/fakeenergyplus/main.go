//go:build !windows

// Command fakeenergyplus is a FAKE EnergyPlus, for fault injection only: it misbehaves on
// purpose (crash, hang, fatal error, severe-only success, gigabytes of output, no end file,
// slow start, a child process that outlives it) so tests can check that the runner triages
// each case right. Real runs in tests use the real engine. The behaviour is chosen by a
// comment line in the model: `! fake-energyplus: MODE [ARG]`.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const version = "EnergyPlus, Version 25.2.0-fakefake00"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--sleep-child" {
		time.Sleep(time.Hour)
		return
	}
	if len(os.Args) > 1 && (os.Args[1] == "--version" || os.Args[1] == "-v") {
		fmt.Println(version)
		return
	}
	fs := flag.NewFlagSet("fakeenergyplus", flag.ExitOnError)
	fs.String("w", "", "weather")
	dir := fs.String("d", ".", "output dir")
	fs.Bool("a", false, "annual")
	fs.Bool("x", false, "expand objects")
	fs.Parse(os.Args[1:])
	input := "in.idf"
	if fs.NArg() > 0 {
		input = fs.Arg(0)
	}
	mode, arg := readMode(input)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	say := func(s string) { fmt.Fprintln(out, s); out.Flush() }
	errPath := filepath.Join(*dir, "eplusout.err")
	endPath := filepath.Join(*dir, "eplusout.end")
	os.MkdirAll(*dir, 0o755)
	writeErr := func(body string) { os.WriteFile(errPath, []byte("Program Version,"+version+",\n"+body), 0o644) }
	success := func(warnings, severe int) {
		line := fmt.Sprintf("EnergyPlus Completed Successfully-- %d Warning; %d Severe Errors; Elapsed Time=00hr 00min  0.10sec", warnings, severe)
		f, _ := os.OpenFile(errPath, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		fmt.Fprintln(f, "   ************* "+line)
		f.Close()
		os.WriteFile(endPath, []byte(line+"\n"), 0o644)
		say("EnergyPlus Run Time=00hr 00min  0.10sec")
		fmt.Fprintln(os.Stderr, "EnergyPlus Completed Successfully.")
	}
	start := func() {
		say("EnergyPlus Starting")
		say(version + ", YMD=2026.01.01 10:00")
		say("Initializing Response Factors")
		say("Beginning Primary Simulation")
		say("Starting Simulation at 01/01/2013 for RUN PERIOD 1")
	}

	switch mode {
	case "slow-start":
		time.Sleep(seconds(arg, 3))
		fallthrough
	case "success":
		start()
		writeErr("")
		say("Continuing Simulation at 07/01/2013 for RUN PERIOD 1")
		say("Writing tabular output file results using HTML format.")
		success(0, 0)
	case "severe":
		start()
		writeErr("   ** Severe  ** FakeSurface: a severe problem that does not stop the run\n   ** Severe  ** FakeSurface: the last severe problem\n")
		say("Writing tabular output file results using HTML format.")
		success(0, 2)
	case "fatal":
		start()
		writeErr("   ** Severe  ** FakeObject: something is wrong\n   **  Fatal  ** FakeObject: errors found, program terminates\n")
		line := "EnergyPlus Terminated--Fatal Error Detected. 0 Warning; 1 Severe Errors; Elapsed Time=00hr 00min  0.01sec"
		f, _ := os.OpenFile(errPath, os.O_APPEND|os.O_WRONLY, 0o644)
		fmt.Fprintln(f, "   ************* "+line)
		f.Close()
		os.WriteFile(endPath, []byte(line+"\n"), 0o644)
		say("**FATAL:FakeObject: errors found, program terminates")
		say("Program terminated: EnergyPlus Terminated--Error(s) Detected.")
		out.Flush()
		os.Exit(1)
	case "crash-signal":
		start()
		writeErr("   ** Warning ** something odd\n")
		out.Flush()
		syscall.Kill(os.Getpid(), syscall.SIGKILL) // the Go runtime would catch SIGSEGV and exit 2
		time.Sleep(time.Minute)
	case "hang":
		start()
		writeErr("")
		out.Flush()
		time.Sleep(time.Hour)
	case "spawn-child":
		// Like EnergyPlus starting ExpandObjects: a child in the same process group.
		start()
		writeErr("")
		exe, _ := os.Executable()
		child := exec.Command(exe, "--sleep-child")
		child.Start()
		os.WriteFile(filepath.Join(*dir, "child.pid"), []byte(strconv.Itoa(child.Process.Pid)), 0o644)
		out.Flush()
		time.Sleep(time.Hour)
	case "huge-output":
		start()
		writeErr("")
		line := strings.Repeat("Continuing Simulation at 07/01/2013 for RUN PERIOD 1 ", 19) + "\n" // ~1 KB
		total := bytesArg(arg, 1<<30)
		for written := 0; written < total; written += len(line) {
			out.WriteString(line)
		}
		// And one line with no newline for 10 MB: the reader must cut it, not buffer it.
		for i := 0; i < 10<<20/len(line); i++ {
			out.WriteString(strings.TrimSuffix(line, "\n"))
		}
		out.WriteString("\n")
		out.Flush()
		success(0, 0)
	case "no-end":
		start()
		writeErr("   ** Warning ** written, then the process left without a summary\n")
		out.Flush()
		os.Exit(0)
	case "lines":
		// For the event-pipeline benchmark: RATE lines per second for DURATION seconds.
		rate, _ := strconv.Atoi(strings.Fields(arg + " 1000")[0])
		dur := seconds(strings.Join(strings.Fields(arg + " 0 1")[1:2], ""), 1)
		start()
		writeErr("")
		deadline := time.Now().Add(dur)
		tick := time.NewTicker(10 * time.Millisecond)
		day, lines := 0, 0
		for time.Now().Before(deadline) {
			<-tick.C
			for i := 0; i < rate/100; i++ {
				day = (day + 1) % 360
				fmt.Fprintf(out, "Continuing Simulation at %02d/%02d/2013 for RUN PERIOD 1\n", day/30+1, day%28+1)
				lines++
			}
			out.Flush()
		}
		os.WriteFile(filepath.Join(*dir, "fake-lines"), []byte(strconv.Itoa(lines)), 0o644)
		success(0, 0)
	default:
		fmt.Fprintf(os.Stderr, "fakeenergyplus: no `! fake-energyplus: MODE` line in %s\n", input)
		os.Exit(2)
	}
}

func readMode(path string) (mode, arg string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "! fake-energyplus:"); ok {
			f := strings.Fields(rest)
			if len(f) == 0 {
				return "", ""
			}
			return f[0], strings.Join(f[1:], " ")
		}
	}
	return "", ""
}

func seconds(s string, def float64) time.Duration {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		v = def
	}
	return time.Duration(v * float64(time.Second))
}

func bytesArg(s string, def int) int {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v <= 0 {
		return def
	}
	return v
}
