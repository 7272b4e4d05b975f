package cluster

import (
	"fmt"
	"strconv"
	"strings"
)

// TaskState is what Slurm says of one array task.
type TaskState struct {
	State    SlurmState
	ExitCode string // "code:signal" when scontrol said it
}

// ParseSqueue reads `squeue -h -t all -o '%i %T' -j <array job>`: one line per task, pending
// tasks collapsed ("123_[2-5%2] PENDING", "123_[7,9-10] PENDING"). It returns each task's
// state by array index; lines of other jobs are not the caller's and are skipped.
func ParseSqueue(out string, arrayJob string) (map[int]SlurmState, error) {
	states := map[int]SlurmState{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		job, tasks, ok := strings.Cut(f[0], "_")
		if !ok || job != arrayJob {
			continue
		}
		idx, err := parseTaskList(tasks)
		if err != nil {
			return nil, fmt.Errorf("squeue line %q: %w", line, err)
		}
		for _, i := range idx {
			states[i] = SlurmState(f[1])
		}
	}
	return states, nil
}

// parseTaskList reads "4", "[2-5%2]" or "[7,9-10]".
func parseTaskList(s string) ([]int, error) {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	if i := strings.IndexByte(s, '%'); i >= 0 {
		s = s[:i]
	}
	var out []int
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.Atoi(lo)
		if err != nil {
			return nil, fmt.Errorf("task %q", part)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a {
				return nil, fmt.Errorf("task range %q", part)
			}
		}
		if b-a > 1_000_000 {
			return nil, fmt.Errorf("task range %q is too long", part)
		}
		for i := a; i <= b; i++ {
			out = append(out, i)
		}
	}
	return out, nil
}

// ParseScontrol reads `scontrol -o show job <array job>_<index>` (one line of key=value
// fields): the task's state and exit code.
func ParseScontrol(out string) (TaskState, error) {
	var ts TaskState
	for _, f := range strings.Fields(out) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		switch k {
		case "JobState":
			ts.State = SlurmState(v)
		case "ExitCode":
			ts.ExitCode = v
		}
	}
	if ts.State == "" {
		return ts, fmt.Errorf("scontrol printed no JobState: %q", firstLine(out))
	}
	return ts, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
