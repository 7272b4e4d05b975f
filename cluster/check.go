package cluster

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Open connects to a target's login node: over SSH for slurm+ssh://, this machine for slurm:///.
func Open(ctx context.Context, t Target) (Host, error) {
	if t.SSH {
		return DialSSH(ctx, t)
	}
	return LocalHost(t)
}

// The steps of a connection check, in the order they run.
const (
	CheckConnect = "connect" // the login node answers (SSH: host key, login)
	CheckSlurm   = "slurm"   // sbatch runs there, and Slurm knows the partition
	CheckWorkDir = "workdir" // the work folder can be written (and how much room it has)
	CheckEngine  = "engine"  // a 1-task test job runs the worker and EnergyPlus on a node
)

// Step states.
const (
	StepRunning = "running"
	StepOK      = "ok"
	StepFailed  = "failed"
	StepSkipped = "skipped" // an earlier step it needs failed
)

// CheckStep is where one step of a connection check is, as the window shows it.
type CheckStep struct {
	Step   string      `json:"step"`
	Title  string      `json:"title"`
	State  string      `json:"state"`
	Detail string      `json:"detail"`
	Kind   FailureKind `json:"kind,omitempty"`
	Millis int64       `json:"millis"`
}

var checkTitles = map[string]string{
	CheckConnect: "Login node reachable",
	CheckSlurm:   "Slurm answers (sbatch --version, the partition)",
	CheckWorkDir: "Work folder writable",
	CheckEngine:  "EnergyPlus runs on a compute node (1-task test job)",
}

// CheckSteps are a check's steps before it starts.
func CheckSteps() []CheckStep {
	var steps []CheckStep
	for _, s := range []string{CheckConnect, CheckSlurm, CheckWorkDir, CheckEngine} {
		steps = append(steps, CheckStep{Step: s, Title: checkTitles[s], State: StepSkipped})
	}
	return steps
}

// ProbeResult is what `epsm worker --probe` prints on a node: the node and the EnergyPlus the
// worker would run there.
type ProbeResult struct {
	Node    string        `json:"node"`
	Engines []ProbeEngine `json:"engines"`
	Error   string        `json:"error,omitempty"`
}

// ProbeEngine is one EnergyPlus found on a node.
type ProbeEngine struct {
	Version string `json:"version"`
	Build   string `json:"build"`
	Path    string `json:"path"`
}

// checkJobWait bounds the test job, queueing included: a cluster too busy to start a 1-task
// job in this time says so rather than keep the window waiting.
const checkJobWait = 10 * time.Minute

// Check tests a target as the user's batches will use it, step by step, telling report each
// step as it starts and ends. worker is the local path of the worker to send ("" when this
// build has none: the engine step fails saying so). The steps are returned as they ended; a
// step that needs a failed one is skipped.
func Check(ctx context.Context, t Target, worker string, report func(CheckStep)) []CheckStep {
	steps := CheckSteps()
	at := func(name string) *CheckStep {
		for i := range steps {
			if steps[i].Step == name {
				return &steps[i]
			}
		}
		panic("unknown check step " + name)
	}
	run := func(name string, do func(s *CheckStep) error) bool {
		s := at(name)
		s.State, s.Detail = StepRunning, ""
		report(*s)
		start := time.Now()
		err := do(s)
		s.Millis = time.Since(start).Milliseconds()
		s.State = StepOK
		if err != nil {
			s.State, s.Detail, s.Kind = StepFailed, stepDetail(err), KindOf(err)
		}
		report(*s)
		return err == nil
	}
	var h Host
	if !run(CheckConnect, func(s *CheckStep) error {
		var err error
		if h, err = Open(ctx, t); err != nil {
			return err
		}
		if t.SSH {
			s.Detail = "connected to " + t.Host
		} else {
			s.Detail = "this computer is the login node"
		}
		if out, err := h.Run(ctx, "hostname"); err == nil {
			s.Detail += " (" + strings.TrimSpace(out) + ")"
		}
		return nil
	}) {
		return steps
	}
	defer h.Close()
	slurmOK := run(CheckSlurm, func(s *CheckStep) error { return checkSlurm(ctx, h, t, s) })
	folderOK := run(CheckWorkDir, func(s *CheckStep) error { return checkWorkDir(ctx, h, t, s) })
	if !slurmOK || !folderOK {
		return steps
	}
	run(CheckEngine, func(s *CheckStep) error { return checkEngine(ctx, h, t, worker, s) })
	return steps
}

// stepDetail is what a failed step says: the cause, without the target's URL and the step
// name that the window shows around it.
func stepDetail(err error) string {
	for {
		var e *Error
		if !errors.As(err, &e) || e.Err == nil {
			return err.Error()
		}
		err = e.Err
	}
}

var partitionField = regexp.MustCompile(`\b(State|TotalNodes|TotalCPUs|MaxTime)=(\S+)`)

func checkSlurm(ctx context.Context, h Host, t Target, s *CheckStep) error {
	out, err := h.Run(ctx, "sbatch --version")
	var ce *CommandError
	if errors.As(err, &ce) || (err != nil && KindOf(err) == NoSlurm) {
		return &Error{Target: t.String(), Step: "sbatch --version", Kind: NoSlurm, Err: fmt.Errorf("sbatch does not run on the login node: load Slurm in the target's prelude (%v)", err)}
	}
	if err != nil {
		return err
	}
	s.Detail = strings.TrimSpace(out)
	if t.Partition == "" {
		s.Detail += "; the cluster's default partition"
		return nil
	}
	out, err = h.Run(ctx, command("scontrol", "show", "partition", t.Partition))
	if err != nil {
		return &Error{Target: t.String(), Step: "scontrol show partition", Kind: PartitionUnknown,
			Err: fmt.Errorf("Slurm does not know the partition %q (sinfo lists them): %v", t.Partition, err)}
	}
	fields := map[string]string{}
	for _, m := range partitionField.FindAllStringSubmatch(out, -1) {
		fields[m[1]] = m[2]
	}
	s.Detail += fmt.Sprintf("; partition %s: %s, %s nodes, %s CPUs, time limit %s", t.Partition,
		strings.ToLower(fields["State"]), fields["TotalNodes"], fields["TotalCPUs"], strings.ToLower(fields["MaxTime"]))
	if fields["State"] != "" && fields["State"] != "UP" {
		return &Error{Target: t.String(), Step: "scontrol show partition", Kind: SubmitRefused,
			Err: fmt.Errorf("the partition %s is %s: jobs sent there wait until an administrator brings it up", t.Partition, strings.ToLower(fields["State"]))}
	}
	return nil
}

// fullError says that the work folder's disk or quota ran out while uploading, with what is
// left (free, from df) when known.
func fullError(err error, free string) error {
	left := ""
	if free != "" {
		left = " (" + free + " left)"
	}
	return fmt.Errorf("the cluster's disk or your quota there is full%s: %v; free space in the work folder (older batches are its epsm-* folders) or ask for more quota; nothing was submitted", left, err)
}

// dfFree reads the space left from `df -Pk DIR` ("Filesystem 1024-blocks Used Available ...").
func dfFree(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	f := strings.Fields(lines[len(lines)-1])
	if len(lines) < 2 || len(f) < 4 {
		return ""
	}
	kib, err := strconv.ParseInt(f[3], 10, 64)
	if err != nil {
		return ""
	}
	if b := float64(kib) * 1024; b >= 1e9 {
		return fmt.Sprintf("%.1f GB", b/1e9)
	}
	return fmt.Sprintf("%.1f MB", float64(kib)*1024/1e6)
}

func checkWorkDir(ctx context.Context, h Host, t Target, s *CheckStep) error {
	token := make([]byte, 6)
	rand.Read(token)
	probe := path.Join(t.WorkDir, ".epsm-write-check-"+hex.EncodeToString(token))
	refused := func(err error) error {
		return &Error{Target: t.String(), Step: "write " + t.WorkDir, Kind: WorkDirRefused,
			Err: fmt.Errorf("the work folder cannot be written: %v (it must be on a file system the compute nodes share, such as /proj or /scratch)", err)}
	}
	if err := h.Put(ctx, probe, token, 0o644); err != nil {
		return refused(err)
	}
	got, err := h.Get(ctx, probe, 64)
	h.Run(ctx, command("rm", "-f", probe))
	if err != nil || string(got) != string(token) {
		return refused(fmt.Errorf("a file written there reads back as %q (%v)", got, err))
	}
	s.Detail = t.WorkDir + " is writable"
	if out, err := h.Run(ctx, command("df", "-Pk", t.WorkDir)); err == nil {
		if free := dfFree(out); free != "" {
			s.Detail += ", " + free + " free"
		}
	}
	return nil
}

func checkEngine(ctx context.Context, h Host, t Target, worker string, s *CheckStep) error {
	fail := func(kind FailureKind, step string, err error) error {
		return &Error{Target: t.String(), Step: step, Kind: kind, Err: err}
	}
	if worker == "" {
		return fail(SubmitRefused, "find the worker", errors.New("this build has no worker to send to Linux nodes (a release build embeds one; EPSM_WORKER names another)"))
	}
	remoteWorker, err := uploadWorker(ctx, h, t, worker, nil)
	if err != nil {
		return err
	}
	stamp := make([]byte, 4)
	rand.Read(stamp)
	name := "check-" + hex.EncodeToString(stamp) // the job is named epsm-<name> (JobScript)
	dir := path.Join(t.WorkDir, "epsm-check")
	script := path.Join(dir, name+".sh")
	output := path.Join(dir, name+".out")
	if err := h.Put(ctx, script, []byte(probeScript(t, name, remoteWorker)), 0o644); err != nil {
		return fail(WorkDirRefused, "write the test job", err)
	}
	defer h.Run(context.Background(), command("rm", "-f", script, output))
	jobCtx, cancel := context.WithTimeout(ctx, checkJobWait)
	defer cancel()
	// --wait: sbatch returns when the job has ended, with its exit code.
	_, runErr := sbatch(jobCtx, h, []string{"--parsable", "--wait", "--output=" + output, script})
	if jobCtx.Err() != nil {
		h.Run(context.Background(), command("scancel", "--name=epsm-"+name))
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fail(SubmitRefused, "the test job", fmt.Errorf("the 1-task test job did not end within %s (is the partition full?); it was cancelled", checkJobWait))
	}
	out, err := h.Get(ctx, output, 1<<20)
	var probe ProbeResult
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "{") && json.Unmarshal([]byte(line), &probe) == nil {
			break
		}
	}
	switch {
	case err != nil && errors.Is(err, os.ErrNotExist):
		return fail(SubmitRefused, "the test job", fmt.Errorf("the test job left no output (%v)", runErr))
	case err != nil:
		return err
	case probe.Error != "" || len(probe.Engines) == 0:
		why := probe.Error
		if why == "" {
			why = firstLine(strings.TrimSpace(string(out)))
			if runErr != nil {
				why += " (" + runErr.Error() + ")"
			}
		}
		return fail(EngineMissing, "EnergyPlus on a node", fmt.Errorf("no EnergyPlus on node %s: %s; set the target's engine option or load its module in the prelude", orUnknown(probe.Node), why))
	case runErr != nil:
		return runErr
	}
	e := probe.Engines[0]
	s.Detail = fmt.Sprintf("EnergyPlus %s (%s) at %s on node %s", e.Version, e.Build, e.Path, probe.Node)
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

// probeScript is the test job: the target's Slurm options for one task of a minute, its
// prelude, then the worker's probe.
func probeScript(t Target, name, worker string) string {
	one := t
	one.Time = time.Minute
	script := JobScript(one, name, "", worker, Array{})
	// JobScript ends with the worker on a task; the probe takes the same engine option.
	head, _, _ := strings.Cut(script, "exec ")
	args := []string{shellQuote(worker), "worker", "--probe"}
	if t.Engine != "" {
		args = append(args, "--engine", shellQuote(t.Engine))
	}
	return head + "exec " + strings.Join(args, " ") + "\n"
}
