package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"epsm/sim"
)

// Submission is a batch handed to Slurm: its folder on the cluster and its job arrays. The
// app stores it, so that it can follow the batch after a restart.
type Submission struct {
	Target   string     `json:"target"`
	BatchDir string     `json:"batchDir"`
	Jobs     []ArrayJob `json:"jobs"`
	Tasks    []Task     `json:"tasks"`
}

// ArrayJob is one job array of a submission: Slurm's job id and the tasks it runs.
type ArrayJob struct {
	ID string `json:"id"`
	Array
}

// Upload counts what a submission sent: files and bytes, and what was already there.
type Upload struct {
	Files, SkippedFiles int
	Bytes, SkippedBytes int64
}

// Submit sends a batch to Slurm: it stages the runs in staging (a local folder), uploads the
// inputs (a file already there with the same content-addressed name and size is not sent
// again), the worker (once per version) and the manifest, and only then submits the job
// arrays: a batch whose upload failed is never submitted. worker is the local path of the
// linux/amd64 headless epsm; maxArraySize is the cluster's MaxArraySize (0: Slurm's default).
func Submit(ctx context.Context, h Host, t Target, worker, name string, runs []Run, staging string, maxArraySize int) (Submission, Upload, error) {
	sub := Submission{Target: t.String(), BatchDir: path.Join(t.WorkDir, "epsm-"+jobName(name))}
	var up Upload
	fail := func(kind FailureKind, step string, err error) (Submission, Upload, error) {
		var e *Error
		if errors.As(err, &e) {
			return sub, up, err
		}
		return sub, up, &Error{Target: sub.Target, Step: step, Kind: kind, Err: err}
	}
	if len(runs) == 0 {
		return fail(SubmitRefused, "submit", errors.New("no runs"))
	}
	local := filepath.Join(staging, "epsm-"+jobName(name))
	st, err := Stage(local, runs)
	if err != nil {
		return fail(SubmitRefused, "prepare the batch", err)
	}
	sub.Tasks = st.Tasks
	send := func(localPath, remote string, perm uint32) error {
		return sendFile(ctx, h, localPath, remote, perm, &up)
	}
	entries, err := os.ReadDir(filepath.Join(local, "inputs"))
	if err != nil {
		return fail(SubmitRefused, "prepare the batch", err)
	}
	for _, e := range entries {
		if err := send(filepath.Join(local, "inputs", e.Name()), path.Join(sub.BatchDir, "inputs", e.Name()), 0o644); err != nil {
			return fail(WorkDirRefused, "upload "+e.Name(), err)
		}
	}
	remoteWorker, err := uploadWorker(ctx, h, t, worker, &up)
	if err != nil {
		return fail("", "", err)
	}
	if err := send(filepath.Join(local, "manifest.jsonl"), path.Join(sub.BatchDir, "manifest.jsonl"), 0o644); err != nil {
		return fail(WorkDirRefused, "upload the manifest", err)
	}
	if err := h.Put(ctx, path.Join(sub.BatchDir, "slurm", ".keep"), nil, 0o644); err != nil {
		return fail(WorkDirRefused, "create the batch's slurm folder", err)
	}
	for _, a := range SplitArrays(len(runs), maxArraySize) {
		script := path.Join(sub.BatchDir, fmt.Sprintf("job-%d.sh", a.Offset))
		if err := h.Put(ctx, script, []byte(JobScript(t, name, sub.BatchDir, remoteWorker, a)), 0o644); err != nil {
			return fail(WorkDirRefused, "write the job script", err)
		}
		id, err := sbatch(ctx, h, SubmitArgs(t, sub.BatchDir, script, a))
		if err != nil {
			return fail(SubmitRefused, "sbatch", err)
		}
		sub.Jobs = append(sub.Jobs, ArrayJob{ID: id, Array: a})
	}
	return sub, up, nil
}

// sendFile copies a local file to the host unless a file of that name and size is there
// already (names are content addresses), counting what it sent and skipped in up.
func sendFile(ctx context.Context, h Host, localPath, remote string, perm uint32, up *Upload) error {
	fi, err := os.Stat(localPath)
	if err != nil {
		return err
	}
	if n, err := h.Size(ctx, remote); err == nil && n == fi.Size() {
		up.SkippedFiles++
		up.SkippedBytes += n
		return nil
	}
	if err := h.PutFile(ctx, localPath, remote, perm); err != nil {
		return err
	}
	up.Files++
	up.Bytes += fi.Size()
	return nil
}

// uploadWorker sends the worker to the target's bin folder, once per version (its name is its
// content's hash), and returns its path there.
func uploadWorker(ctx context.Context, h Host, t Target, worker string, up *Upload) (string, error) {
	if up == nil {
		up = &Upload{}
	}
	sum, _, err := fileSHA256(worker)
	if err != nil {
		return "", &Error{Target: t.String(), Step: "find the worker", Kind: SubmitRefused, Err: err}
	}
	remote := path.Join(t.WorkDir, "bin", "epsm-"+sum[:16])
	if err := sendFile(ctx, h, worker, remote, 0o755, up); err != nil {
		kind := WorkDirRefused
		var e *Error
		if errors.As(err, &e) { // the host's own reading of the failure (a full quota, ...)
			kind, err = e.Kind, e.Err
		}
		return "", &Error{Target: t.String(), Step: "upload the worker", Kind: kind, Err: err}
	}
	return remote, nil
}

// sbatch submits and returns the job id; a refusal is a target Error of the right kind.
func sbatch(ctx context.Context, h Host, args []string) (string, error) {
	out, err := h.Run(ctx, command("sbatch", args...))
	var ce *CommandError
	if errors.As(err, &ce) {
		msg := strings.TrimSpace(ce.Stderr)
		switch {
		case ce.Code == 127 || strings.Contains(msg, "command not found"):
			return "", &Error{Step: "sbatch", Kind: NoSlurm, Err: fmt.Errorf("sbatch is not on the login node: load Slurm in the target's prelude (%s)", msg)}
		case strings.Contains(strings.ToLower(msg), "invalid partition"):
			return "", &Error{Step: "sbatch", Kind: PartitionUnknown, Err: fmt.Errorf("Slurm does not know the partition: %s (see sinfo)", msg)}
		}
		return "", &Error{Step: "sbatch", Kind: SubmitRefused, Err: fmt.Errorf("%s", msg)}
	}
	if err != nil {
		return "", err
	}
	// --parsable prints "id" or "id;cluster", after any notices.
	lines := strings.Split(strings.TrimSpace(out), "\n")
	id, _, _ := strings.Cut(strings.TrimSpace(lines[len(lines)-1]), ";")
	for _, r := range id {
		if r < '0' || r > '9' {
			return "", &Error{Step: "sbatch", Kind: SubmitRefused, Err: fmt.Errorf("sbatch printed no job id: %q", out)}
		}
	}
	if id == "" {
		return "", &Error{Step: "sbatch", Kind: SubmitRefused, Err: fmt.Errorf("sbatch printed no job id: %q", out)}
	}
	return id, nil
}

// command is a command line of program and args, each word quoted.
func command(program string, args ...string) string {
	words := []string{program}
	for _, a := range args {
		words = append(words, shellQuote(a))
	}
	return strings.Join(words, " ")
}

// TaskView is a task of a submission as the app shows it.
type TaskView struct {
	Index    int
	Key      string
	Slurm    SlurmState    // "" when squeue no longer shows it
	Progress *TaskProgress // while it runs
	Result   *TaskResult   // when it has ended and left its result
	Outcome  sim.Outcome   // the final outcome (Final) or where it is (queued, running)
	Final    bool
}

// resultLimit bounds a result file read back (results and messages, a few KiB).
const resultLimit = 4 << 20

// Poll is where each task in want (indexes; all when nil) of a submission is: the result file
// when the task left one (the run's own outcome), else Slurm's state (its triage when final),
// with the progress file while it runs. cancelled are the tasks EPSM asked Slurm to cancel.
func Poll(ctx context.Context, h Host, sub Submission, want []int, cancelled map[int]bool) ([]TaskView, error) {
	states := map[int]SlurmState{}
	settled := true
	for _, j := range sub.Jobs {
		out, err := h.Run(ctx, command("squeue", "-h", "-t", "all", "-o", "%i %T", "-j", j.ID))
		if err != nil {
			var ce *CommandError
			// squeue refuses an id it has forgotten ("Invalid job id"): every task has left.
			if !errors.As(err, &ce) || !strings.Contains(ce.Stderr, "Invalid job id") {
				return nil, &Error{Target: sub.Target, Step: "squeue", Kind: NoSlurm, Err: err}
			}
			out = ""
		}
		st, err := ParseSqueue(out, j.ID)
		if err != nil {
			return nil, &Error{Target: sub.Target, Step: "squeue", Kind: NoSlurm, Err: err}
		}
		if len(st) > 0 && !Settled(st) {
			settled = false
		}
		for i, s := range st {
			states[j.Offset+i] = s
		}
	}
	if want == nil {
		for i := range sub.Tasks {
			want = append(want, i)
		}
	}
	views := make([]TaskView, 0, len(want))
	for _, i := range want {
		if i < 0 || i >= len(sub.Tasks) {
			return nil, fmt.Errorf("task %d of a batch of %d", i, len(sub.Tasks))
		}
		v := TaskView{Index: i, Key: sub.Tasks[i].Key, Slurm: states[i]}
		dir := path.Join(sub.BatchDir, "runs", v.Key)
		if b, err := h.Get(ctx, path.Join(dir, ResultFile), resultLimit); err == nil {
			var r TaskResult
			if err := json.Unmarshal(b, &r); err == nil && r.Key == v.Key {
				v.Result, v.Outcome, v.Final = &r, r.Outcome, true
				views = append(views, v)
				continue
			}
		}
		shown := v.Slurm != ""
		switch {
		case shown && v.Slurm.Final():
			v.Outcome, v.Final = Triage(v.Slurm, ""), true
		case shown:
			v.Outcome = Triage(v.Slurm, "")
			if b, err := h.Get(ctx, path.Join(dir, ProgressFile), resultLimit); err == nil {
				var p TaskProgress
				if json.Unmarshal(b, &p) == nil {
					v.Progress = &p
				}
			}
		case settled:
			v.Outcome, v.Final = TriageVanished(cancelled[i]), true
		default: // waiting in a collapsed array record
			v.Outcome = sim.Outcome{Status: sim.StatusQueued, ExitCode: -1}
		}
		views = append(views, v)
	}
	return views, nil
}

// Cancel asks Slurm to cancel task index of the submission, or every task when index < 0.
func Cancel(ctx context.Context, h Host, sub Submission, index int) error {
	var ids []string
	for _, j := range sub.Jobs {
		switch {
		case index < 0:
			ids = append(ids, j.ID)
		case index >= j.Offset && index < j.Offset+j.Count:
			ids = append(ids, fmt.Sprintf("%s_%d", j.ID, index-j.Offset))
		}
	}
	if len(ids) == 0 {
		return fmt.Errorf("task %d is in no job of the batch", index)
	}
	if _, err := h.Run(ctx, command("scancel", ids...)); err != nil {
		return &Error{Target: sub.Target, Step: "scancel", Kind: NoSlurm, Err: err}
	}
	return nil
}
