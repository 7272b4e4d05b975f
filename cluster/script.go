package cluster

import (
	"fmt"
	"path"
	"strings"
)

// JobScript is the sbatch script of one array of a batch: Slurm's options as #SBATCH lines
// (so that a user can read, and resubmit, what was sent), the target's prelude, then the
// worker on the task at the array index plus the array's offset. batchDir and worker are
// absolute paths on the cluster. Paths go on sbatch's command line (SubmitArgs), not in
// #SBATCH lines, which sbatch splits at spaces.
func JobScript(t Target, batchName, batchDir, worker string, a Array) string {
	var b strings.Builder
	b.WriteString("#!/bin/bash\n")
	directive := func(opt, v string) {
		if v != "" {
			fmt.Fprintf(&b, "#SBATCH --%s=%s\n", opt, v)
		}
	}
	directive("job-name", "epsm-"+jobName(batchName))
	directive("cpus-per-task", fmt.Sprint(max(t.CPUs, 1)))
	directive("ntasks", "1")
	directive("partition", t.Partition)
	directive("account", t.Account)
	directive("qos", t.QOS)
	if t.Time > 0 {
		directive("time", formatSlurmTime(t.Time))
	}
	directive("mem", t.Mem)
	b.WriteString("# EPSM Desktop: one EnergyPlus run per array task (cluster.JobScript)\nset -u\n")
	if p := strings.TrimSpace(t.Prelude); p != "" {
		b.WriteString("# the target's prelude\n" + p + "\n")
	}
	args := []string{shellQuote(worker), "worker", "--manifest", shellQuote(path.Join(batchDir, "manifest.jsonl")),
		"--index", fmt.Sprintf("$((SLURM_ARRAY_TASK_ID + %d))", a.Offset)}
	if t.Engine != "" {
		args = append(args, "--engine", shellQuote(t.Engine))
	}
	b.WriteString("exec " + strings.Join(args, " ") + "\n")
	return b.String()
}

// shellQuote makes s one word for a POSIX shell, whatever it holds.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// SubmitArgs are sbatch's arguments for one array of a batch whose job script is script:
// the job id alone on stdout (--parsable), the array with its throttle, and each task's
// output file in the batch's slurm folder.
func SubmitArgs(t Target, batchDir, script string, a Array) []string {
	return []string{"--parsable", "--array=" + a.Indexes(t.MaxParallel), "--output=" + path.Join(batchDir, "slurm", "%A_%a.out"), script}
}
