package eplusout

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// ErrSummary is what eplusout.err says about a run.
type ErrSummary struct {
	Warnings    int    `json:"warnings"`
	Severe      int    `json:"severe"`
	FirstFatal  string `json:"firstFatal"`
	FirstSevere string `json:"firstSevere"`
	LastSevere  string `json:"lastSevere"`
	// EndLine is the closing line without its asterisks, e.g. "EnergyPlus Completed
	// Successfully-- 0 Warning; 0 Severe Errors; Elapsed Time=..."; empty after a crash.
	EndLine   string `json:"endLine"`
	Completed bool   `json:"completed"`
}

var closingCounts = regexp.MustCompile(`(\d+)\s+Warning;\s+(\d+)\s+Severe Errors`)

const (
	WarningPrefix     = "** Warning **"
	SeverePrefix      = "** Severe  **"
	FatalPrefix       = "**  Fatal  **"
	errContinuePrefix = "**   ~~~   **"
	errInfoPrefix     = "*************"
)

// ParseErrFile reads an eplusout.err file.
func ParseErrFile(path string) (ErrSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return ErrSummary{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	s, err := ParseErr(f)
	if err != nil {
		return s, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}

// ParseErr reads eplusout.err text. Counts come from the closing line when there is one (it is
// EnergyPlus's own tally); a crashed run has none, so then the message lines are counted.
func ParseErr(r io.Reader) (ErrSummary, error) {
	var s ErrSummary
	var last *string // the message a continuation line extends
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, WarningPrefix):
			s.Warnings++
			last = nil
		case strings.HasPrefix(line, SeverePrefix):
			s.Severe++
			msg := strings.TrimSpace(strings.TrimPrefix(line, SeverePrefix))
			if s.FirstSevere == "" {
				s.FirstSevere = msg
			}
			s.LastSevere = msg
			last = &s.LastSevere
		case strings.HasPrefix(line, FatalPrefix):
			msg := strings.TrimSpace(strings.TrimPrefix(line, FatalPrefix))
			if s.FirstFatal == "" {
				s.FirstFatal = msg
				last = &s.FirstFatal
			} else {
				last = nil
			}
		case strings.HasPrefix(line, errContinuePrefix):
			if last != nil {
				if more := strings.TrimSpace(strings.TrimPrefix(line, errContinuePrefix)); more != "" {
					*last += " " + more
				}
			}
		case strings.HasPrefix(line, errInfoPrefix):
			last = nil
			body := strings.TrimSpace(strings.TrimPrefix(line, errInfoPrefix))
			if strings.HasPrefix(body, "EnergyPlus Completed Successfully") || strings.HasPrefix(body, "EnergyPlus Terminated") {
				s.EndLine = body
				s.Completed = strings.HasPrefix(body, "EnergyPlus Completed Successfully")
				if m := closingCounts.FindStringSubmatch(body); m != nil {
					s.Warnings, _ = strconv.Atoi(m[1])
					s.Severe, _ = strconv.Atoi(m[2])
				}
			}
		default:
			last = nil
		}
	}
	if err := sc.Err(); err != nil {
		return s, err
	}
	return s, nil
}

// EndSummary is what eplusout.end says: EnergyPlus writes that one line only on an orderly
// end, so its absence after a run means the engine crashed or was killed.
type EndSummary struct {
	Line      string `json:"line"`
	Completed bool   `json:"completed"`
	Warnings  int    `json:"warnings"`
	Severe    int    `json:"severe"`
}

// ParseEndFile reads an eplusout.end file.
func ParseEndFile(path string) (EndSummary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return EndSummary{}, fmt.Errorf("read %s: %w", path, err)
	}
	return ParseEnd(string(data))
}

// ParseEnd reads eplusout.end text.
func ParseEnd(text string) (EndSummary, error) {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "EnergyPlus Completed Successfully") && !strings.HasPrefix(line, "EnergyPlus Terminated") {
		return EndSummary{}, fmt.Errorf("not an EnergyPlus end line: %q", line)
	}
	s := EndSummary{Line: line, Completed: strings.HasPrefix(line, "EnergyPlus Completed Successfully")}
	if m := closingCounts.FindStringSubmatch(line); m != nil {
		s.Warnings, _ = strconv.Atoi(m[1])
		s.Severe, _ = strconv.Atoi(m[2])
	}
	return s, nil
}
