package idd

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Strip writes IDD text cut to what Parse reads: the version line, class names, field ids and
// the directives the index keeps, one per line without indentation. Parse gives the same Schema
// for the stripped text as for the original (the tests check it on the full Energy+.idd); the
// 4.5 MB of EnergyPlus 25.2's IDD become 2.2 MB, 280 kB gzip'd.
func Strip(w io.Writer, r io.Reader) error {
	in := bufio.NewScanner(r)
	in.Buffer(make([]byte, 0, 64<<10), 1<<20)
	out := bufio.NewWriter(w)
	for in.Scan() {
		t := strings.TrimSpace(in.Text())
		if strings.HasPrefix(t, "!IDD_") { // !IDD_Version and !IDD_BUILD
			fmt.Fprintln(out, t)
			continue
		}
		code, dir := splitLine(t)
		code = strings.TrimSpace(code)
		if dir != "" {
			name, value := splitDirective(dir)
			switch {
			case classDirective(name) && strings.HasPrefix(name, "extensible:"):
				dir = `\` + name
			case classDirective(name) || fieldDirective(name):
				dir = strings.TrimSpace(`\` + name + " " + value)
			default:
				dir = ""
			}
		}
		switch {
		case code != "" && dir != "":
			fmt.Fprintln(out, code, dir)
		case code != "" || dir != "":
			fmt.Fprintln(out, code+dir)
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("idd: strip: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("idd: strip: %w", err)
	}
	return nil
}
