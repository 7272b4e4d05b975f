package runsvc

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"epsm/cluster"
	"epsm/runner"
	"epsm/sim"
	"epsm/store"
	"epsm/workerbin"
)

// remote sends batches to Slurm targets and follows them there until every run is back. Each
// run comes back through the queue's own onUpdate and onDone, as a local run does: the store,
// the events, the triage and the cache are the same.
type remote struct {
	q       *Queue
	worker  string // the headless linux/amd64 epsm to upload ("" = none: cluster batches refused)
	every   time.Duration
	staging string

	ctx  context.Context
	stop context.CancelFunc
	wg   sync.WaitGroup

	mu        sync.Mutex
	following map[int64]bool
}

// defaultPollEvery: how often a batch on a cluster is looked at (squeue and the tasks' files).
const defaultPollEvery = 3 * time.Second

func newRemote(q *Queue, worker string, every time.Duration) *remote {
	if every <= 0 {
		every = defaultPollEvery
	}
	if worker == "" {
		worker = selfWorker(filepath.Join(q.store.Dir(), "cluster-worker"), q.log)
	}
	ctx, stop := context.WithCancel(context.Background())
	return &remote{q: q, worker: worker, every: every, staging: filepath.Join(q.store.Dir(), "cluster-staging"),
		ctx: ctx, stop: stop, following: map[int64]bool{}}
}

// selfWorker is the worker to send: EPSM_WORKER when set; the static worker a release build
// embeds (written into dir); else this program when it can be the worker, the headless
// linux/amd64 build (a plain go build), which links no GTK. A desktop build without an
// embedded worker has none: the nodes have no GTK.
func selfWorker(dir string, log *slog.Logger) string {
	if w := os.Getenv("EPSM_WORKER"); w != "" {
		return w
	}
	if workerbin.Embedded() {
		p, err := workerbin.Extract(dir)
		if err != nil {
			log.Error("write the embedded worker", "err", err)
		}
		return p
	}
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" || guiBuild {
		return ""
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return exe
}

func (rm *remote) close() {
	rm.stop()
	rm.wg.Wait()
}

// start records the batch as remote and sends it in the background; the runs stay queued
// until the cluster has them.
func (rm *remote) start(batchID int64, t cluster.Target, jobs []runner.Job, keys []string) error {
	ids := make([]int64, len(jobs))
	for i, j := range jobs {
		ids[i] = j.ID
	}
	if err := rm.q.store.AddRemoteBatch(batchID, t.String(), ids); err != nil {
		return err
	}
	rm.follow(batchID, func(ctx context.Context) (cluster.Submission, error) { return rm.submit(ctx, batchID, t, jobs, keys) })
	return nil
}

// isFollowing reports whether the batch is being sent or followed now.
func (rm *remote) isFollowing(batchID int64) bool {
	rm.mu.Lock()
	defer rm.mu.Unlock()
	return rm.following[batchID]
}

// restart sends runs of a batch that came back failed to its cluster again, as a new
// submission of just them (the earlier one has ended).
func (rm *remote) restart(batchID int64, t cluster.Target, jobs []runner.Job, keys []string) error {
	ids := make([]int64, len(jobs))
	for i, j := range jobs {
		ids[i] = j.ID
	}
	if err := rm.q.store.ResetRemoteBatch(batchID, ids); err != nil {
		return err
	}
	rm.follow(batchID, func(ctx context.Context) (cluster.Submission, error) { return rm.submit(ctx, batchID, t, jobs, keys) })
	return nil
}

// submit uploads and submits a batch; on a refusal every run of it fails, naming the target
// and the step.
func (rm *remote) submit(ctx context.Context, batchID int64, t cluster.Target, jobs []runner.Job, keys []string) (cluster.Submission, error) {
	fail := func(err error) (cluster.Submission, error) {
		if rm.ctx.Err() != nil {
			// EPSM is closing: nothing was submitted (sbatch comes last), and the next start
			// sends the batch again.
			return cluster.Submission{}, err
		}
		for _, j := range jobs {
			rm.q.onDone(j, sim.Outcome{Status: sim.StatusCrashed, Kind: sim.KindTargetFailed, ExitCode: -1, Message: "not sent to the cluster: " + err.Error()})
		}
		rm.q.store.SetRemoteDone(batchID)
		return cluster.Submission{}, err
	}
	if rm.worker == "" {
		return fail(fmt.Errorf("%s: this build cannot send its worker to Linux nodes (use the headless epsm, or set EPSM_WORKER to one)", t))
	}
	h, err := cluster.Open(ctx, t)
	if err != nil {
		return fail(err)
	}
	defer h.Close()
	keepAll, _ := rm.q.store.BatchKeepsAll(batchID) // the batch's choice, or the target's keep=all
	runs := make([]cluster.Run, len(jobs))
	for i, j := range jobs {
		runs[i] = cluster.Run{Key: keys[i], Model: j.Model, Weather: j.Weather, ForceAnnual: j.ForceAnnual, DesignDaysOnly: j.DesignDaysOnly, Engine: j.Engine, Timeout: j.Timeout, KeepAll: keepAll}
	}
	suffix := make([]byte, 3)
	rand.Read(suffix)
	name := fmt.Sprintf("%d-%s", batchID, hex.EncodeToString(suffix)) // unique in a work folder shared by several data folders
	staging := filepath.Join(rm.staging, name)
	defer os.RemoveAll(staging)
	sending := time.Now()
	sub, up, err := cluster.Submit(ctx, h, t, rm.worker, name, runs, staging, 0)
	if err != nil {
		return fail(err)
	}
	took := time.Since(sending)
	b, _ := json.Marshal(sub)
	if err := rm.q.store.SetRemoteSubmission(batchID, b); err != nil {
		return sub, err
	}
	rm.q.log.Info("batch sent to the cluster", "batch", batchID, "target", t.String(), "jobs", sub.Jobs, "runs", len(runs), "files", up.Files, "bytes", up.Bytes, "skipped", up.SkippedFiles, "skipped_bytes", up.SkippedBytes, "seconds", took.Seconds())
	return sub, nil
}

// follow polls a remote batch until every run is back; submit, when given, sends it first.
// A batch already followed is left to its follower.
func (rm *remote) follow(batchID int64, submit func(context.Context) (cluster.Submission, error)) {
	rm.mu.Lock()
	if rm.following[batchID] {
		rm.mu.Unlock()
		return
	}
	rm.following[batchID] = true
	rm.mu.Unlock()
	rm.wg.Add(1)
	go func() {
		defer rm.wg.Done()
		defer func() { rm.mu.Lock(); delete(rm.following, batchID); rm.mu.Unlock() }()
		if err := rm.run(batchID, submit); err != nil && rm.ctx.Err() == nil {
			rm.q.log.Error("follow the batch on its cluster", "batch", batchID, "err", err)
		}
	}()
}

func (rm *remote) run(batchID int64, submit func(context.Context) (cluster.Submission, error)) error {
	var sub cluster.Submission
	if submit != nil {
		var err error
		if sub, err = submit(rm.ctx); err != nil {
			return err
		}
	}
	var h cluster.Host
	defer func() {
		if h != nil {
			h.Close()
		}
	}()
	back := map[int]bool{} // tasks whose run has come back in this session
	for {
		rb, err := rm.q.store.RemoteBatch(batchID)
		if err != nil {
			return err
		}
		if rb.Done {
			return nil
		}
		if len(rb.Submission) == 0 {
			if sub, err = rm.resend(rb); err != nil {
				return err
			}
			continue
		}
		if sub.BatchDir == "" {
			if err := json.Unmarshal(rb.Submission, &sub); err != nil {
				return fmt.Errorf("batch %d's submission: %w", batchID, err)
			}
		}
		t, err := cluster.ParseTarget(rb.Target)
		if err != nil {
			return err
		}
		if h == nil {
			if h, err = cluster.Open(rm.ctx, t); err != nil {
				// The cluster may be out of reach for a while (a laptop on a train): try again.
				rm.q.log.Warn("cluster out of reach", "batch", batchID, "err", err)
				if !rm.wait() {
					return nil
				}
				continue
			}
		}
		done, err := rm.poll(h, rb, sub, back)
		if err != nil {
			rm.q.log.Warn("look at the batch on its cluster", "batch", batchID, "err", err)
			h.Close()
			h = nil
		}
		if done {
			return rm.q.store.SetRemoteDone(batchID)
		}
		if !rm.wait() {
			return nil
		}
	}
}

// resend sends again a batch whose upload an earlier session did not finish: it was never
// submitted (sbatch comes last), so its runs that are not back go out as a new submission. (If
// EPSM died between sbatch and storing the submission, the cluster runs those tasks twice; each
// run is still imported once.)
func (rm *remote) resend(rb store.RemoteBatch) (cluster.Submission, error) {
	fail := func(id int64, dir, why string) {
		rm.q.onDone(runner.Job{ID: id, BatchID: rb.BatchID, Dir: dir}, sim.Outcome{Status: sim.StatusCrashed, Kind: sim.KindTargetFailed, ExitCode: -1,
			Message: "EPSM stopped while sending the batch to " + rb.Target + " and could not send it again (" + why + "): re-run the failed runs"})
	}
	t, err := cluster.ParseTarget(rb.Target)
	var jobs []runner.Job
	var keys []string
	var ids []int64
	for _, id := range rb.RunIDs {
		r, rerr := rm.q.store.Run(id)
		if rerr != nil || r.Status.Final() {
			continue
		}
		j, jerr := rm.q.jobOf(r)
		switch {
		case err != nil:
			fail(id, r.Dir, err.Error())
		case jerr != nil:
			fail(id, r.Dir, jerr.Error())
		default:
			jobs, keys, ids = append(jobs, j), append(keys, r.CacheKey), append(ids, id)
		}
	}
	if len(jobs) == 0 {
		return cluster.Submission{}, rm.q.store.SetRemoteDone(rb.BatchID)
	}
	if err := rm.q.store.ResetRemoteBatch(rb.BatchID, ids); err != nil {
		return cluster.Submission{}, err
	}
	rm.q.log.Info("sending again a batch whose upload was cut short", "batch", rb.BatchID, "runs", len(jobs), "target", rb.Target)
	return rm.submit(rm.ctx, rb.BatchID, t, jobs, keys)
}

func (rm *remote) wait() bool {
	select {
	case <-rm.ctx.Done():
		return false
	case <-time.After(rm.every):
		return true
	}
}

// poll looks at the tasks whose runs are not back yet, brings back those that ended and
// reports the progress of those running. It reports whether every run is back.
func (rm *remote) poll(h cluster.Host, rb store.RemoteBatch, sub cluster.Submission, back map[int]bool) (bool, error) {
	var want []int
	for i, id := range rb.RunIDs {
		if back[i] {
			continue
		}
		if r, err := rm.q.store.Run(id); err == nil && r.Status.Final() {
			back[i] = true // brought back by an earlier session, or cancelled here
			continue
		}
		want = append(want, i)
	}
	if len(want) == 0 {
		return true, nil
	}
	cancelled := map[int]bool{}
	for _, i := range rb.Cancelled {
		cancelled[i] = true
	}
	views, err := cluster.Poll(rm.ctx, h, sub, want, cancelled)
	if err != nil {
		return false, err
	}
	for _, v := range views {
		id := rb.RunIDs[v.Index]
		r, err := rm.q.store.Run(id)
		if err != nil {
			return false, err
		}
		job := runner.Job{ID: id, BatchID: rb.BatchID, Dir: r.Dir}
		switch {
		case v.Final:
			rm.fetchOutputs(h, sub, v, r.Dir)
			rm.q.onDone(job, v.Outcome)
			back[v.Index] = true
		case v.Progress != nil:
			rm.q.onUpdate(runner.Update{JobID: id, Status: sim.StatusRunning, Progress: v.Progress.Progress, Warnings: v.Progress.Warnings, Severe: v.Progress.Severe, LastLine: v.Progress.LastLine})
		case v.Outcome.Status == sim.StatusRunning:
			rm.q.onUpdate(runner.Update{JobID: id, Status: sim.StatusRunning})
		}
	}
	return len(back) == len(rb.RunIDs), nil
}

// keptOutputs are the files of a finished run brought back to its local folder, so that the
// error viewer, the HTML report and the hourly chart work as for a local run (the report is
// gzipped once the worker trimmed the folder); a task that keeps all brings back everything.
var keptOutputs = []string{runner.ErrFile, runner.Report, runner.ReportGz, runner.RunCopy, cluster.ResultFile, cluster.MetersFile}

const outputLimit = 256 << 20

func (rm *remote) fetchOutputs(h cluster.Host, sub cluster.Submission, v cluster.TaskView, dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		rm.q.log.Warn("run folder", "dir", dir, "err", err)
		return
	}
	names := keptOutputs
	if v.Index < len(sub.Tasks) && sub.Tasks[v.Index].KeepAll {
		all, err := h.List(rm.ctx, path.Join(sub.BatchDir, "runs", v.Key))
		if err != nil {
			rm.q.log.Warn("list a run's outputs", "run", v.Key, "err", err)
		} else {
			names = all
		}
	}
	for _, name := range names {
		b, err := h.Get(rm.ctx, path.Join(sub.BatchDir, "runs", v.Key, name), outputLimit)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			rm.q.log.Warn("bring back an output", "file", name, "err", err)
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			rm.q.log.Warn("store an output", "file", name, "err", err)
		}
	}
}

// cancel asks the cluster to cancel the remote runs of a batch (all when runIDs is nil).
func (rm *remote) cancel(batchID int64, runIDs map[int64]bool) (int, error) {
	rb, err := rm.q.store.RemoteBatch(batchID)
	if err != nil {
		return 0, err
	}
	if len(rb.Submission) == 0 {
		return 0, errors.New("the batch is still being sent to the cluster: cancel it once it is there")
	}
	var sub cluster.Submission
	if err := json.Unmarshal(rb.Submission, &sub); err != nil {
		return 0, err
	}
	t, err := cluster.ParseTarget(rb.Target)
	if err != nil {
		return 0, err
	}
	h, err := cluster.Open(rm.ctx, t)
	if err != nil {
		return 0, err
	}
	defer h.Close()
	cancelled := rb.Cancelled
	n := 0
	for i, id := range rb.RunIDs {
		if runIDs != nil && !runIDs[id] {
			continue
		}
		if r, err := rm.q.store.Run(id); err != nil || r.Status.Final() {
			continue
		}
		if err := cluster.Cancel(rm.ctx, h, sub, i); err != nil {
			return n, err
		}
		cancelled = append(cancelled, i)
		n++
	}
	return n, rm.q.store.SetRemoteCancelled(batchID, cancelled)
}
