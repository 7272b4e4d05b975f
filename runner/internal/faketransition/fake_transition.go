// Command faketransition is a FAKE NREL version updater (Transition-VX-Y-Z-to-VA-B-C), for
// tests only: the EnergyPlus builds the project installs ship no transition programs, so the
// runner's transition chain is tested against this stand-in. It is never built into the app.
//
// It behaves like NREL's updaters as far as runner.Transition relies on them:
//   - the versions come from its own file name (Transition-V9-4-0-to-V9-5-0[.exe]);
//   - it must run in its own folder: it reads V9-4-0-Energy+.idd and V9-5-0-Energy+.idd there
//     (only their existence; a missing one ends it like the Fortran runtime: a message on the
//     console and exit code 2) and appends to Transition.audit there;
//   - its one argument is the .idf to update: it writes <file>new with the new Version, copies
//     the original to <file>old and the new file over <file>, and writes its messages to
//     <stem>.VCpErr (a warning on success);
//   - a model it cannot update (one with the comment `! fake-transition: fail 9.5`, failing the
//     step from 9.5) gets Severe and Fatal messages in <stem>.VCpErr, no new file, and exit
//     code 0, as a Fortran STOP gives;
//   - a model of another version than its "from" version is refused the same way.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

var (
	ownName    = regexp.MustCompile(`^Transition-V(\d+)-(\d+)-(\d+)-to-V(\d+)-(\d+)-(\d+)(\.exe)?$`)
	versionObj = regexp.MustCompile(`(?im)^(\s*Version\s*,\s*)([0-9][0-9.]*)(\s*;)`)
)

func main() {
	m := ownName.FindStringSubmatch(filepath.Base(os.Args[0]))
	if m == nil || len(os.Args) != 2 {
		fmt.Println("faketransition: run me as Transition-VX-Y-Z-to-VA-B-C <file.idf>")
		os.Exit(2)
	}
	from, to := m[1]+"."+m[2], m[4]+"."+m[5]
	fromIDD, toIDD := fmt.Sprintf("V%s-%s-%s-Energy+.idd", m[1], m[2], m[3]), fmt.Sprintf("V%s-%s-%s-Energy+.idd", m[4], m[5], m[6])
	fmt.Println("Transition Starting")
	fmt.Printf("Conversion %s => %s\n", from, to)
	for _, idd := range []string{fromIDD, toIDD} {
		if _, err := os.Stat(idd); err != nil {
			fmt.Printf("At line 120 of file InputProcessor.f90\nFortran runtime error: Cannot open file '%s': No such file or directory\n", idd)
			os.Exit(2)
		}
	}
	audit, err := os.OpenFile("Transition.audit", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Println("faketransition:", err)
		os.Exit(2)
	}
	defer audit.Close()

	path := os.Args[1]
	fmt.Println("Processing IDF -- " + path)
	fmt.Fprintf(audit, "Conversion %s => %s\n Processing IDF -- %s\n", from, to, path)
	errFile := strings.TrimSuffix(path, filepath.Ext(path)) + ".VCpErr"
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Println("File not found=" + path)
		os.Exit(0)
	}
	v := versionObj.FindSubmatch(data)
	switch {
	case strings.Contains(string(data), "! fake-transition: fail "+from):
		refuse(errFile, from, to, "Object=FakeObsolete:Thing cannot be transitioned: it was removed in "+to)
	case v == nil || majorMinor(string(v[2])) != from:
		refuse(errFile, from, to, fmt.Sprintf("the file is not version %s", from))
	}
	updated := versionObj.ReplaceAll(data, []byte("${1}"+to+"${3}"))
	write(path+"new", updated)
	write(path+"old", data)
	write(path, updated)
	write(errFile, []byte(fmt.Sprintf(" Conversion %s => %s\n   ** Warning ** Fake: nothing in this model needed a change but the Version\n", from, to)))
	fmt.Println("Processing IDF -- Processing idf objects complete.")
}

// refuse writes the messages of a failed update and stops the way Fortran's STOP does: exit 0.
func refuse(errFile, from, to, why string) {
	write(errFile, []byte(fmt.Sprintf(" Conversion %s => %s\n   ** Severe  ** %s\n   **   ~~~   ** fix the model by hand, then update it again\n   **  Fatal  ** Program terminates due to preceding conditions.\n", from, to, why)))
	fmt.Println("Errors occurred during processing; see " + errFile)
	os.Exit(0)
}

func write(path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		fmt.Println("faketransition:", err)
		os.Exit(2)
	}
}

func majorMinor(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	return parts[0] + "." + parts[1]
}
