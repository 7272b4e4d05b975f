//go:build !windows

// Command fakeenergyplus is a FAKE EnergyPlus, for fault injection only: it misbehaves on
// purpose (crash, hang, fatal error, severe-only success, gigabytes of output, no end file,
// slow start, a child process that outlives it, a full disk) so tests can check that the
// runner triages each case right. Real runs in tests use the real engine. The behaviour is chosen by a
// comment line in the model: `! fake-energyplus: MODE [ARG]`.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/mattn/go-sqlite3" // to write an eplusout.sql in the "results" mode

	"epsm/launch"
)

const version = "EnergyPlus, Version 25.2.0-fakefake00"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--sleep-child" {
		sleepChild()
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
	if mode == "survivor" {
		// `survivor MARKER KWH`: the first run leaves a child in its process group and hangs
		// (a crash test kills the app meanwhile); once MARKER exists, a run succeeds with KWH.
		f := strings.Fields(arg + " 0")
		if _, err := os.Stat(f[0]); err == nil {
			mode, arg = "results", f[1]
		}
	}
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
		pid, err := spawnChild()
		if err != nil {
			fmt.Fprintln(os.Stderr, "fakeenergyplus:", err)
			os.Exit(3)
		}
		os.WriteFile(filepath.Join(*dir, "child.pid"), []byte(strconv.Itoa(pid)), 0o644)
		out.Flush()
		time.Sleep(time.Hour)
	case "survivor":
		start()
		writeErr("")
		pid, err := spawnChild()
		if err != nil {
			fmt.Fprintln(os.Stderr, "fakeenergyplus:", err)
			os.Exit(3)
		}
		marker := strings.Fields(arg)[0]
		os.WriteFile(marker+".tmp", []byte(strconv.Itoa(pid)), 0o644)
		os.Rename(marker+".tmp", marker)
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
	case "results":
		// A successful run that writes an eplusout.sql with the figures ReadResults reads, after
		// printing progress for SECONDS: `results KWH [SECONDS]`. Total site energy is KWH, so a
		// test can tell each run's stored result from the others'.
		f := strings.Fields(arg + " 0 0")
		kwh, _ := strconv.ParseFloat(f[0], 64)
		start()
		writeErr("")
		deadline := time.Now().Add(seconds(f[1], 0))
		for day := 0; time.Now().Before(deadline); day = (day + 1) % 360 {
			say(fmt.Sprintf("Continuing Simulation at %02d/%02d/2013 for RUN PERIOD 1", day/30+1, day%28+1))
			time.Sleep(10 * time.Millisecond)
		}
		if err := writeResults(filepath.Join(*dir, "eplusout.sql"), kwh); err != nil {
			fmt.Fprintln(os.Stderr, "fakeenergyplus:", err)
			os.Exit(3)
		}
		say("Writing tabular output file results using HTML format.")
		success(0, 0)
	case "fill-disk":
		// Writes eplusout.eso (or PATH) until the disk is full: `fill-disk [quiet] [PATH]`. It
		// then exits 1, naming the write error unless quiet (a program that dies without saying
		// why). It refuses to write more than 1 GiB, so a mistake cannot fill a real disk.
		f := strings.Fields(arg)
		quiet := len(f) > 0 && f[0] == "quiet"
		if quiet {
			f = f[1:]
		}
		path := filepath.Join(*dir, "eplusout.eso")
		if len(f) > 0 {
			path = f[0]
		}
		start()
		writeErr("")
		err := fill(path, 1<<30)
		if err == nil {
			fmt.Fprintf(os.Stderr, "fakeenergyplus: wrote 1 GiB to %s without running out of space\n", path)
			os.Exit(3)
		}
		if !quiet {
			say("**FATAL:Error writing " + filepath.Base(path) + ": " + err.Error())
		}
		out.Flush()
		os.Exit(1)
	case "no-end":
		start()
		writeErr("   ** Warning ** written, then the process left without a summary\n")
		out.Flush()
		os.Exit(0)
	case "lines":
		// For the event-pipeline benchmarks: RATE lines per second for DURATION seconds; RATE 0
		// prints as fast as the pipe takes them (the pipeline's capacity).
		rate, _ := strconv.Atoi(strings.Fields(arg + " 1000")[0])
		dur := seconds(strings.Join(strings.Fields(arg + " 0 1")[1:2], ""), 1)
		start()
		writeErr("")
		deadline := time.Now().Add(dur)
		tick := time.NewTicker(10 * time.Millisecond)
		day, lines := 0, 0
		perTick := rate / 100
		for time.Now().Before(deadline) {
			if rate > 0 {
				<-tick.C
			} else {
				perTick = 1000
			}
			for i := 0; i < perTick; i++ {
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

// spawnChild starts this program again as a child that sleeps in this process's group, and
// returns its pid once it is there. Like everything in the repository it starts the child
// through package launch, which gives every program a process group of its own; EnergyPlus's
// helpers share their parent's group, so the child moves back into it (sleepChild) and says
// so before the pid is handed out.
func spawnChild() (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	joined := make(chan int, 1)
	ended := make(chan launch.Exit, 1)
	go func() {
		ended <- launch.Run(context.Background(), launch.Command{Path: exe, Args: []string{"--sleep-child"}, OnLine: func(line string) {
			if pid, err := strconv.Atoi(strings.TrimPrefix(line, "joined ")); err == nil {
				joined <- pid
			}
		}})
	}()
	select {
	case pid := <-joined:
		return pid, nil
	case exit := <-ended:
		return 0, fmt.Errorf("the child ended before it joined the process group: %v", exit.AsError())
	}
}

// sleepChild joins its parent's process group, says "joined PID" and sleeps, outliving its
// parent as EnergyPlus's helpers do.
func sleepChild() {
	keepAfterParent()
	pgid, err := syscall.Getpgid(os.Getppid())
	if err == nil {
		err = syscall.Setpgid(0, pgid)
	}
	if err != nil {
		fmt.Println("join the parent's process group:", err)
		os.Exit(3)
	}
	fmt.Printf("joined %d\n", os.Getpid())
	time.Sleep(time.Hour)
}

// fill writes 1 MiB blocks to path until a write fails or limit bytes are written.
func fill(path string, limit int) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	block := []byte(strings.Repeat("fake eso output line, 1 MiB at a time\n", 1<<20/38+1)[:1<<20])
	for written := 0; written < limit; written += len(block) {
		if _, err := f.Write(block); err != nil {
			return err
		}
	}
	return f.Sync()
}

// writeResults writes an eplusout.sql holding only the tabular rows the app reads.
func writeResults(path string, kwh float64) error {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE TabularDataWithStrings (Value TEXT, ReportName TEXT, ReportForString TEXT,
		TableName TEXT, RowName TEXT, ColumnName TEXT, Units TEXT)`); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	for _, r := range [][4]string{
		{"Site and Source Energy", "Total Site Energy", "Total Energy", "kWh"},
		{"Site and Source Energy", "Net Site Energy", "Total Energy", "kWh"},
		{"Building Area", "Total Building Area", "Area", "m2"},
		{"End Uses", "Heating", "Electricity", "kWh"},
	} {
		v := kwh
		if r[3] == "m2" {
			v = 100
		}
		if _, err := db.Exec(`INSERT INTO TabularDataWithStrings VALUES (?, 'AnnualBuildingUtilityPerformanceSummary', 'Entire Facility', ?, ?, ?, ?)`,
			fmt.Sprintf("%12.2f", v), r[0], r[1], r[2], r[3]); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
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
