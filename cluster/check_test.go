//go:build linux

package cluster

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"epsm/internal/enginetest"
	"epsm/internal/slurmtest"
	"epsm/internal/sshtest"
)

// "Check connection" on a real Slurm through a real sshd: a working target passes every step
// with what the user needs to see (Slurm's version, the partition, the room in the work
// folder, the EnergyPlus a compute node runs); each way a target is wrong fails at its step,
// with its kind and a message that says what to change, and the steps that need it are skipped.
func TestCheck(t *testing.T) {
	engine := enginetest.Require(t)
	slurm := slurmtest.Start(t)
	srv := sshtest.Start(t)
	worker := buildWorker(t)
	home := srv.Home(t, "cluster", "", nil)
	t.Setenv("HOME", home)
	t.Setenv("SSH_AUTH_SOCK", "")
	work := filepath.Join(slurm.Base, "work")
	good := url.Values{"partition": {slurm.Partition}, "engine": {engine.Path}, "prelude": {"export SLURM_CONF=" + slurm.Conf}}
	with := func(k, v string) string {
		q := url.Values{}
		for key, vals := range good {
			q[key] = vals
		}
		if v == "" {
			q.Del(k)
		} else {
			q.Set(k, v)
		}
		return q.Encode()
	}
	type want struct {
		state  string
		kind   FailureKind
		detail string
	}
	cases := []struct {
		name   string
		target string
		worker string
		want   map[string]want
	}{
		{"a working target, over SSH", "slurm+ssh://cluster" + work + "?" + good.Encode(), worker, map[string]want{
			CheckConnect: {StepOK, "", "connected to cluster"},
			CheckSlurm:   {StepOK, "", "partition " + slurm.Partition + ": up"},
			CheckWorkDir: {StepOK, "", "B free"},
			CheckEngine:  {StepOK, "", "EnergyPlus " + engine.Version + " (" + engine.Build + ") at " + engine.Path + " on node "},
		}},
		{"a working target, this machine", "slurm://" + work + "?" + good.Encode(), worker, map[string]want{
			CheckConnect: {StepOK, "", "this computer is the login node"},
			CheckEngine:  {StepOK, "", "EnergyPlus " + engine.Version},
		}},
		{"nothing listening", "slurm+ssh://127.0.0.1:1" + work + "?" + good.Encode(), worker, map[string]want{
			CheckConnect: {StepFailed, Unreachable, "127.0.0.1:1"},
			CheckSlurm:   {StepSkipped, "", ""},
			CheckEngine:  {StepSkipped, "", ""},
		}},
		{"no Slurm on the login node", "slurm+ssh://cluster" + work + "?" + with("prelude", "export PATH=/nonexistent"), worker, map[string]want{
			CheckSlurm:   {StepFailed, NoSlurm, "prelude"},
			CheckWorkDir: {StepOK, "", "writable"},
			CheckEngine:  {StepSkipped, "", ""},
		}},
		{"an unknown partition", "slurm+ssh://cluster" + work + "?" + with("partition", "nosuch"), worker, map[string]want{
			CheckSlurm:  {StepFailed, PartitionUnknown, `partition "nosuch"`},
			CheckEngine: {StepSkipped, "", ""},
		}},
		{"a work folder that cannot be written", "slurm+ssh://cluster/proc/epsm-work?" + good.Encode(), worker, map[string]want{
			CheckSlurm:   {StepOK, "", ""},
			CheckWorkDir: {StepFailed, WorkDirRefused, "/proc/epsm-work"},
			CheckEngine:  {StepSkipped, "", ""},
		}},
		{"no EnergyPlus at the engine path on the nodes", "slurm+ssh://cluster" + work + "?" + with("engine", "/opt/nope/energyplus"), worker, map[string]want{
			CheckWorkDir: {StepOK, "", ""},
			CheckEngine:  {StepFailed, EngineMissing, "/opt/nope/energyplus"},
		}},
		{"a build with no worker to send", "slurm+ssh://cluster" + work + "?" + good.Encode(), "", map[string]want{
			CheckEngine: {StepFailed, SubmitRefused, "no worker"},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			target, err := ParseTarget(c.target)
			if err != nil {
				t.Fatal(err)
			}
			var reported []string
			steps := Check(context.Background(), target, c.worker, func(s CheckStep) { reported = append(reported, s.Step+":"+s.State) })
			for _, s := range steps {
				t.Logf("%-8s %-7s %5d ms  %s", s.Step, s.State, s.Millis, s.Detail)
				w, ok := c.want[s.Step]
				if !ok {
					continue
				}
				if s.State != w.state || s.Kind != w.kind || !strings.Contains(s.Detail, w.detail) {
					t.Errorf("step %s = %s %q %q; want %s %q containing %q", s.Step, s.State, s.Kind, s.Detail, w.state, w.kind, w.detail)
				}
			}
			// Each step that ran was reported when it started and when it ended, in order.
			var ran []string
			for _, s := range steps {
				if s.State != StepSkipped {
					ran = append(ran, s.Step+":"+StepRunning, s.Step+":"+s.State)
				}
			}
			if fmt.Sprint(reported) != fmt.Sprint(ran) {
				t.Errorf("reported %v, want %v", reported, ran)
			}
		})
	}
	out, _ := slurm.Client(10*time.Second, "squeue", "-h", "-o", "%j")
	if strings.Contains(out, "epsm-check") {
		t.Errorf("a test job is left in the queue: %s", out)
	}
}
