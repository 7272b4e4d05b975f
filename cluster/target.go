package cluster

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
)

// Target says where a batch's runs go: Slurm on this machine (slurm:///WORK?partition=P, the
// machine is a login node) or through SSH to a login node (slurm+ssh://[USER@]HOST[:PORT]/WORK?...).
type Target struct {
	SSH  bool
	User string // "" = from ~/.ssh/config, else the local user
	Host string // a host name or an alias of ~/.ssh/config
	Port int    // 0 = from ~/.ssh/config, else 22
	// WorkDir is the absolute folder on the cluster's shared file system batches go into.
	WorkDir string
	Options
}

// Options are the Slurm and EPSM settings of a target (the URL's query).
type Options struct {
	Partition string
	Account   string
	QOS       string
	// Time is each task's limit (sbatch --time); 0 = the partition's default.
	Time time.Duration
	Mem  string // per task, as sbatch takes it: 2G, 1500M
	// CPUs per task (default 1: EnergyPlus runs on one core unless told otherwise).
	CPUs int
	// MaxParallel throttles the array (sbatch --array=...%N); 0 = Slurm's own limits.
	MaxParallel int
	// Engine is the EnergyPlus path on the nodes ("" = discovered there, as locally).
	Engine string
	// Prelude is shell lines run before Slurm commands and before the worker (module load ...).
	Prelude string
	// Keep: "results" (the results, eplusout.err, eplustbl.htm) or "all" outputs.
	Keep string
}

// ErrBadTarget is wrapped by every target parse error.
var ErrBadTarget = errors.New("bad target")

// ParseTarget reads a target URL.
func ParseTarget(raw string) (Target, error) {
	bad := func(format string, a ...any) (Target, error) {
		return Target{}, fmt.Errorf("%w %q: %s", ErrBadTarget, raw, fmt.Sprintf(format, a...))
	}
	u, err := url.Parse(raw)
	if err != nil {
		return bad("%v", err)
	}
	var t Target
	switch u.Scheme {
	case "slurm":
		if u.Host != "" || u.User != nil {
			return bad("slurm:// runs sbatch on this machine and takes no host: write slurm:///%s, or slurm+ssh://%s/... for a login node", strings.TrimPrefix(u.Path, "/"), u.Host)
		}
	case "slurm+ssh":
		t.SSH = true
		t.Host = u.Hostname()
		if t.Host == "" {
			return bad("no host: slurm+ssh://[user@]host[:port]/work/folder")
		}
		if u.User != nil {
			t.User = u.User.Username()
			if _, has := u.User.Password(); has {
				return bad("a password in the URL is not accepted: use a key (ssh-agent or IdentityFile in ~/.ssh/config)")
			}
		}
		if p := u.Port(); p != "" {
			if t.Port, err = strconv.Atoi(p); err != nil || t.Port < 1 || t.Port > 65535 {
				return bad("port %q", p)
			}
		}
	default:
		return bad("the scheme must be slurm:// (sbatch here) or slurm+ssh:// (a login node over SSH)")
	}
	t.WorkDir = u.Path
	if !path.IsAbs(t.WorkDir) || path.Clean(t.WorkDir) != t.WorkDir || t.WorkDir == "/" {
		return bad("the work folder must be an absolute folder on the cluster, such as /proj/me/epsm (got %q)", t.WorkDir)
	}
	q := u.Query()
	for k := range q {
		switch k {
		case "partition", "account", "qos", "time", "mem", "cpus", "max_parallel", "engine", "prelude", "keep":
		default:
			return bad("unknown option %q (partition, account, qos, time, mem, cpus, max_parallel, engine, prelude, keep)", k)
		}
	}
	o := &t.Options
	o.Partition, o.Account, o.QOS, o.Mem, o.Engine, o.Prelude = q.Get("partition"), q.Get("account"), q.Get("qos"), q.Get("mem"), q.Get("engine"), q.Get("prelude")
	if v := q.Get("time"); v != "" {
		if o.Time, err = parseSlurmTime(v); err != nil {
			return bad("time %q: %v", v, err)
		}
	}
	o.CPUs = 1
	if v := q.Get("cpus"); v != "" {
		if o.CPUs, err = strconv.Atoi(v); err != nil || o.CPUs < 1 {
			return bad("cpus %q: a whole number from 1", v)
		}
	}
	if v := q.Get("max_parallel"); v != "" {
		if o.MaxParallel, err = strconv.Atoi(v); err != nil || o.MaxParallel < 1 {
			return bad("max_parallel %q: a whole number from 1", v)
		}
	}
	switch o.Keep = q.Get("keep"); o.Keep {
	case "":
		o.Keep = "results"
	case "results", "all":
	default:
		return bad("keep %q: results or all", o.Keep)
	}
	if o.Mem != "" && !memPattern(o.Mem) {
		return bad("mem %q: a size as sbatch takes it, such as 2G or 1500M", o.Mem)
	}
	for name, v := range map[string]string{"partition": o.Partition, "account": o.Account, "qos": o.QOS} {
		if strings.ContainsAny(v, " \t\n'\"\\$`;&|<>") {
			return bad("%s %q has characters Slurm names do not", name, v)
		}
	}
	return t, nil
}

// String is the target's URL (the options in a fixed order), the form it is saved in.
func (t Target) String() string {
	u := url.URL{Scheme: "slurm", Path: t.WorkDir}
	if t.SSH {
		u.Scheme = "slurm+ssh"
		u.Host = t.Host
		if t.Port != 0 {
			u.Host += ":" + strconv.Itoa(t.Port)
		}
		if t.User != "" {
			u.User = url.User(t.User)
		}
	}
	var q []string
	add := func(k, v string) {
		if v != "" {
			q = append(q, k+"="+url.QueryEscape(v))
		}
	}
	add("partition", t.Partition)
	add("account", t.Account)
	add("qos", t.QOS)
	if t.Time > 0 {
		add("time", formatSlurmTime(t.Time))
	}
	add("mem", t.Mem)
	if t.CPUs > 1 {
		add("cpus", strconv.Itoa(t.CPUs))
	}
	if t.MaxParallel > 0 {
		add("max_parallel", strconv.Itoa(t.MaxParallel))
	}
	add("engine", t.Engine)
	add("prelude", t.Prelude)
	if t.Keep != "" && t.Keep != "results" {
		add("keep", t.Keep)
	}
	s := u.String()
	if !t.SSH {
		s = "slurm://" + u.Path // url.URL writes slurm:/work for an empty host
	}
	if len(q) > 0 {
		s += "?" + strings.Join(q, "&")
	}
	return s
}

func memPattern(s string) bool {
	n := strings.TrimRight(s, "KMGTkmgt")
	if n == "" || len(s)-len(n) > 1 {
		return false
	}
	_, err := strconv.ParseUint(n, 10, 64)
	return err == nil
}

// parseSlurmTime reads sbatch's --time forms: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS.
func parseSlurmTime(s string) (time.Duration, error) {
	days := 0
	if d, rest, ok := strings.Cut(s, "-"); ok {
		var err error
		if days, err = strconv.Atoi(d); err != nil || days < 0 {
			return 0, errors.New("days must be a whole number")
		}
		s = rest
		parts := strings.Split(s, ":")
		for len(parts) < 3 {
			parts = append(parts, "0")
		}
		return hms(days, parts)
	}
	parts := strings.Split(s, ":")
	switch len(parts) {
	case 1:
		return hms(0, []string{"0", parts[0], "0"})
	case 2:
		return hms(0, []string{"0", parts[0], parts[1]})
	case 3:
		return hms(0, parts)
	}
	return 0, errors.New("use minutes, MM:SS, HH:MM:SS or D-HH:MM:SS")
}

func hms(days int, p []string) (time.Duration, error) {
	if len(p) != 3 {
		return 0, errors.New("use minutes, MM:SS, HH:MM:SS or D-HH:MM:SS")
	}
	var v [3]int
	for i, s := range p {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%q is not a whole number", s)
		}
		v[i] = n
	}
	d := time.Duration(days)*24*time.Hour + time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second
	if d <= 0 {
		return 0, errors.New("the limit must be above zero")
	}
	return d, nil
}

// formatSlurmTime writes d as H:MM:SS, or D-HH:MM:SS from a day (rounded up to the second).
func formatSlurmTime(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	if s < 86400 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s%3600/60, s%60)
	}
	return fmt.Sprintf("%d-%02d:%02d:%02d", s/86400, s%86400/3600, s%3600/60, s%60)
}
