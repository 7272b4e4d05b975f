// Package computesvc is the bound service of Settings > Compute: the saved compute targets
// (Slurm on this machine or over SSH), kept in the store by name with no secret in them, and
// their connection check. Runs and studies take a target's name (runsvc resolves it).
package computesvc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"epsm/cluster"
	"epsm/events"
	"epsm/store"
)

// Service is what the window calls about compute targets.
type Service struct {
	store  *store.Store
	worker func() string // the worker a check sends (runsvc's)
	emit   events.Emitter
	log    *slog.Logger
	now    func() time.Time

	mu       sync.Mutex
	checking map[string]context.CancelFunc
}

// New binds the saved targets of st for the window; worker gives the local worker binary
// that a connection check sends to the nodes.
func New(st *store.Store, worker func() string, emit events.Emitter, log *slog.Logger) *Service {
	return &Service{store: st, worker: worker, emit: emit, log: log, now: time.Now, checking: map[string]context.CancelFunc{}}
}

// TargetForm is a target as the Settings form edits it: the URL's parts, each option a field.
type TargetForm struct {
	// Kind is "ssh" (a login node over SSH) or "local" (this computer is a login node).
	Kind        string `json:"kind"`
	User        string `json:"user"`
	Host        string `json:"host"`
	Port        int    `json:"port"`
	WorkDir     string `json:"workDir"`
	Partition   string `json:"partition"`
	Account     string `json:"account"`
	QOS         string `json:"qos"`
	Time        string `json:"time"` // as sbatch takes it: 30, 1:00:00, 1-00:00:00
	Mem         string `json:"mem"`
	CPUs        int    `json:"cpus"`
	MaxParallel int    `json:"maxParallel"`
	Engine      string `json:"engine"`
	Prelude     string `json:"prelude"`
	Keep        string `json:"keep"` // results | all
}

// Target is a saved target as the window shows it.
type Target struct {
	Name string     `json:"name"`
	URL  string     `json:"url"`
	Form TargetForm `json:"form"`
	// Where is a short description: "cluster.example.se, partition main" or "this computer".
	Where string `json:"where"`
	// CheckedAt is the last connection check (RFC 3339), "" when never checked; Check its steps.
	CheckedAt string              `json:"checkedAt"`
	Check     []cluster.CheckStep `json:"check"`
	// CheckOK: every step of the last check passed.
	CheckOK bool `json:"checkOk"`
	// Checking: a check is running now.
	Checking bool `json:"checking"`
}

// CheckEvent is one step of a running connection check, pushed as compute:check.
type CheckEvent struct {
	Name string            `json:"name"`
	Step cluster.CheckStep `json:"step"`
}

// Targets are the saved targets, by name.
func (s *Service) Targets() ([]Target, error) {
	saved, err := s.store.Targets()
	if err != nil {
		return nil, err
	}
	out := make([]Target, 0, len(saved))
	for _, t := range saved {
		out = append(out, s.view(t))
	}
	return out, nil
}

func (s *Service) view(t store.SavedTarget) Target {
	v := Target{Name: t.Name, URL: t.URL}
	if form, err := FormOf(t.URL); err == nil {
		v.Form = form
		v.Where = where(form)
	} else {
		v.Where = err.Error()
	}
	if !t.CheckedAt.IsZero() {
		v.CheckedAt = t.CheckedAt.Format(time.RFC3339)
		json.Unmarshal(t.Check, &v.Check)
		v.CheckOK = len(v.Check) > 0
		for _, st := range v.Check {
			v.CheckOK = v.CheckOK && st.State == cluster.StepOK
		}
	}
	s.mu.Lock()
	_, v.Checking = s.checking[t.Name]
	s.mu.Unlock()
	return v
}

func where(f TargetForm) string {
	at := "this computer (sbatch here)"
	if f.Kind == "ssh" {
		at = f.Host
		if f.User != "" {
			at = f.User + "@" + at
		}
	}
	if f.Partition != "" {
		at += ", partition " + f.Partition
	}
	return at
}

// ErrBadName is wrapped when a target's name cannot be saved.
var ErrBadName = errors.New("bad target name")

// SaveTarget checks a target and stores it under name; oldName is the name it had when it is
// edited ("" for a new target). Two targets cannot share a name.
func (s *Service) SaveTarget(oldName, name string, form TargetForm) (Target, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return Target{}, fmt.Errorf("%w: give the target a name (the CLI takes it: epsm run --target NAME)", ErrBadName)
	case len(name) > 64:
		return Target{}, fmt.Errorf("%w: %q is longer than 64 characters", ErrBadName, name)
	case strings.Contains(name, "://") || strings.ContainsAny(name, "\"'\n\t"):
		return Target{}, fmt.Errorf("%w: %q: a name cannot hold \"://\", quotes or tabs", ErrBadName, name)
	case strings.EqualFold(name, "local") || strings.EqualFold(name, "this computer"):
		return Target{}, fmt.Errorf("%w: %q means this computer, which needs no target", ErrBadName, name)
	}
	if oldName != name {
		if _, err := s.store.Target(name); err == nil {
			return Target{}, fmt.Errorf("%w: a target named %q is saved already", ErrBadName, name)
		}
	}
	u, err := URLOf(form)
	if err != nil {
		return Target{}, err
	}
	if err := s.store.SaveTarget(oldName, name, u, s.now()); err != nil {
		return Target{}, err
	}
	t, err := s.store.Target(name)
	if err != nil {
		return Target{}, err
	}
	s.changed()
	return s.view(t), nil
}

// RemoveTarget deletes a saved target. Batches already sent to it are still followed.
func (s *Service) RemoveTarget(name string) error {
	s.CancelCheck(name)
	if err := s.store.RemoveTarget(name); err != nil {
		return err
	}
	s.changed()
	return nil
}

// TargetURL is the URL of a form (what `epsm run --target` takes), or why it is not valid.
func (s *Service) TargetURL(form TargetForm) (string, error) { return URLOf(form) }

// CheckTarget tests a saved target step by step (see cluster.Check), pushing each step as
// compute:check, and stores the steps as its last check. A second check of the same target
// while one runs is refused.
func (s *Service) CheckTarget(name string) ([]cluster.CheckStep, error) {
	saved, err := s.store.Target(name)
	if err != nil {
		return nil, err
	}
	t, err := cluster.ParseTarget(saved.URL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.mu.Lock()
	if _, busy := s.checking[name]; busy {
		s.mu.Unlock()
		return nil, fmt.Errorf("the target %q is being checked already", name)
	}
	s.checking[name] = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.checking, name)
		s.mu.Unlock()
		s.changed()
	}()
	s.changed()
	start := s.now()
	steps := cluster.Check(ctx, t, s.worker(), func(st cluster.CheckStep) {
		s.emit.Emit(events.ComputeCheck, CheckEvent{Name: name, Step: st})
	})
	if ctx.Err() != nil {
		return steps, fmt.Errorf("the check of %q was cancelled", name)
	}
	b, _ := json.Marshal(steps)
	if err := s.store.SetTargetCheck(name, saved.URL, start, b); err != nil {
		s.log.Error("store a target's check", "target", name, "err", err)
	}
	return steps, nil
}

// CancelCheck stops a running check of the target (its test job is cancelled on the cluster).
func (s *Service) CancelCheck(name string) {
	s.mu.Lock()
	cancel := s.checking[name]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// changed pushes the saved targets to the window (Settings, and the Run and Study buttons).
func (s *Service) changed() {
	all, err := s.Targets()
	if err != nil {
		s.log.Error("read the saved targets", "err", err)
		return
	}
	s.emit.Emit(events.ComputeTargets, all)
}

// URLOf builds a target's URL from its form and checks it as the CLI would.
func URLOf(f TargetForm) (string, error) {
	q := url.Values{}
	set := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" {
			q.Set(k, v)
		}
	}
	set("partition", f.Partition)
	set("account", f.Account)
	set("qos", f.QOS)
	set("time", f.Time)
	set("mem", f.Mem)
	if f.CPUs > 1 {
		q.Set("cpus", strconv.Itoa(f.CPUs))
	}
	if f.CPUs < 0 || f.MaxParallel < 0 {
		return "", fmt.Errorf("%w: CPUs and parallel tasks are whole numbers from 1 (0 or empty: the default)", cluster.ErrBadTarget)
	}
	if f.MaxParallel > 0 {
		q.Set("max_parallel", strconv.Itoa(f.MaxParallel))
	}
	set("engine", f.Engine)
	if p := strings.TrimSpace(strings.ReplaceAll(f.Prelude, "\r\n", "\n")); p != "" {
		q.Set("prelude", p)
	}
	if f.Keep == "all" {
		q.Set("keep", "all")
	}
	work := strings.TrimSpace(f.WorkDir)
	if !strings.HasPrefix(work, "/") {
		return "", fmt.Errorf("%w: the work folder must be an absolute folder on the cluster, such as /proj/me/epsm (got %q)", cluster.ErrBadTarget, work)
	}
	u := url.URL{Scheme: "slurm", Path: work, RawQuery: q.Encode()}
	switch f.Kind {
	case "ssh":
		u.Scheme = "slurm+ssh"
		host := strings.TrimSpace(f.Host)
		if host == "" || strings.ContainsAny(host, "/@: ") {
			return "", fmt.Errorf("%w: the login node %q: a host name or an alias of ~/.ssh/config, such as tetralith.nsc.liu.se", cluster.ErrBadTarget, host)
		}
		u.Host = host
		if f.Port != 0 {
			u.Host += ":" + strconv.Itoa(f.Port)
		}
		if user := strings.TrimSpace(f.User); user != "" {
			u.User = url.User(user)
		}
	case "local":
	default:
		return "", fmt.Errorf("%w: the kind must be ssh (a login node over SSH) or local (this computer is a login node)", cluster.ErrBadTarget)
	}
	t, err := cluster.ParseTarget(u.String())
	if err != nil {
		return "", err
	}
	return t.String(), nil
}

// FormOf splits a target's URL into the form's fields.
func FormOf(raw string) (TargetForm, error) {
	t, err := cluster.ParseTarget(raw)
	if err != nil {
		return TargetForm{}, err
	}
	u, _ := url.Parse(raw)
	q := u.Query()
	f := TargetForm{Kind: "local", User: t.User, Host: t.Host, Port: t.Port, WorkDir: t.WorkDir,
		Partition: t.Partition, Account: t.Account, QOS: t.QOS, Time: q.Get("time"), Mem: t.Mem,
		CPUs: t.CPUs, MaxParallel: t.MaxParallel, Engine: t.Engine, Prelude: t.Prelude, Keep: t.Keep}
	if t.SSH {
		f.Kind = "ssh"
	}
	return f, nil
}
