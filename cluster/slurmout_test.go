package cluster

import (
	"reflect"
	"testing"
)

func TestParseSqueue(t *testing.T) {
	out := "41_0 COMPLETED\n41_1 RUNNING\n41_[2-4%2] PENDING\n41_[6,8-9] PENDING\n42_0 RUNNING\n\n"
	got, err := ParseSqueue(out, "41")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]SlurmState{0: "COMPLETED", 1: "RUNNING", 2: "PENDING", 3: "PENDING", 4: "PENDING", 6: "PENDING", 8: "PENDING", 9: "PENDING"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	for _, bad := range []string{"41_[x] PENDING", "41_[5-2] PENDING"} {
		if _, err := ParseSqueue(bad, "41"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestParseScontrol(t *testing.T) {
	line := "JobId=44 ArrayJobId=41 ArrayTaskId=3 JobName=epsm-b1 UserId=root(0) Priority=1 JobState=CANCELLED Reason=None Dependency=(null) ExitCode=0:15 RunTime=00:00:00"
	got, err := ParseScontrol(line)
	if err != nil || got != (TaskState{State: "CANCELLED", ExitCode: "0:15"}) {
		t.Fatalf("%+v, %v", got, err)
	}
	if _, err := ParseScontrol("slurm_load_jobs error: Invalid job id specified"); err == nil {
		t.Error("no error for scontrol's error")
	}
}
