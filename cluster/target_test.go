package cluster

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		url  string
		want Target
	}{
		{"slurm:///proj/anna/epsm?partition=debug", Target{WorkDir: "/proj/anna/epsm", Options: Options{Partition: "debug", CPUs: 1, Keep: "results"}}},
		{"slurm+ssh://anna@login.hpc.example.se:2222/proj/anna/epsm?partition=main&account=snic2026-1&qos=short&time=2:00:00&mem=2G&cpus=2&max_parallel=50&engine=%2Fsw%2FEnergyPlus-25-2-0%2Fenergyplus&prelude=module+load+energyplus%2F25.2&keep=all",
			Target{SSH: true, User: "anna", Host: "login.hpc.example.se", Port: 2222, WorkDir: "/proj/anna/epsm", Options: Options{
				Partition: "main", Account: "snic2026-1", QOS: "short", Time: 2 * time.Hour, Mem: "2G", CPUs: 2, MaxParallel: 50,
				Engine: "/sw/EnergyPlus-25-2-0/energyplus", Prelude: "module load energyplus/25.2", Keep: "all"}}},
		{"slurm+ssh://tetralith/proj/x", Target{SSH: true, Host: "tetralith", WorkDir: "/proj/x", Options: Options{CPUs: 1, Keep: "results"}}},
		{"slurm:///w?time=1-12", Target{WorkDir: "/w", Options: Options{Time: 36 * time.Hour, CPUs: 1, Keep: "results"}}},
		{"slurm:///w?time=90", Target{WorkDir: "/w", Options: Options{Time: 90 * time.Minute, CPUs: 1, Keep: "results"}}},
		{"slurm:///w?time=10:30", Target{WorkDir: "/w", Options: Options{Time: 10*time.Minute + 30*time.Second, CPUs: 1, Keep: "results"}}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, err := ParseTarget(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
			// The saved form reads back to the same target.
			again, err := ParseTarget(got.String())
			if err != nil || again != got {
				t.Fatalf("%s reads back as %+v, %v", got.String(), again, err)
			}
		})
	}
}

func TestParseTargetRefusesWithTheReason(t *testing.T) {
	tests := []struct{ url, says string }{
		{"http://host/w", "scheme must be slurm://"},
		{"slurm://host/w", "takes no host"},
		{"slurm+ssh:///w", "no host"},
		{"slurm+ssh://anna:secret@host/w", "password in the URL is not accepted"},
		{"slurm+ssh://host:99999/w", "port"},
		{"slurm:///", "absolute folder"},
		{"slurm:///proj/../etc", "absolute folder"},
		{"slurm+ssh://host", "absolute folder"},
		{"slurm:///w?partiton=debug", `unknown option "partiton"`},
		{"slurm:///w?time=soon", "time"},
		{"slurm:///w?time=0", "above zero"},
		{"slurm:///w?cpus=0", "cpus"},
		{"slurm:///w?max_parallel=-1", "max_parallel"},
		{"slurm:///w?keep=some", "keep"},
		{"slurm:///w?mem=lots", "mem"},
		{"slurm:///w?partition=a%3Brm+-rf", "characters Slurm names do not"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, err := ParseTarget(tt.url)
			if !errors.Is(err, ErrBadTarget) || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("error %v, want ErrBadTarget saying %q", err, tt.says)
			}
		})
	}
}
