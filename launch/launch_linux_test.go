package launch

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
)

func TestLinuxStartsAGroupThatDiesWithTheApp(t *testing.T) {
	a := sysProcAttr()
	if !a.Setpgid || a.Pdeathsig != syscall.SIGKILL {
		t.Fatalf("SysProcAttr = %+v, want Setpgid and Pdeathsig SIGKILL", a)
	}
}

func TestStatStartTime(t *testing.T) {
	// Fields 3 to 52 after the command name; field 22 (the start time) is 987654.
	rest := make([]string, 50)
	for i := range rest {
		rest[i] = fmt.Sprint(i + 3)
	}
	rest[0], rest[22-3] = "S", "987654"
	tail := strings.Join(rest, " ")
	tests := []struct {
		name, stat, want string
		wantErr          bool
	}{
		{"plain", "42 (energyplus) " + tail, "987654", false},
		{"spaces and parentheses in the name", "42 (a) b (c) S 1 2) " + tail, "987654", false},
		{"name is only a parenthesis", "42 ()) " + tail, "987654", false},
		{"no parenthesis", "42 energyplus " + tail, "", true},
		{"too few fields", "42 (x) S 1 2 3", "", true},
		{"start time not a number", "42 (x) " + strings.Replace(tail, "987654", "soon", 1), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := statStartTime([]byte(tt.stat + "\n"))
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Fatalf("statStartTime = %q, %v; want %q (error %v)", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestLinuxIdentityNamesTheBoot(t *testing.T) {
	boot, err := bootID()
	if err != nil {
		t.Fatal(err)
	}
	id, err := IdentityOf(1)
	if err != nil || !strings.HasPrefix(id.Start, boot+":") || !fromThisBoot(id) {
		t.Fatalf("identity of pid 1 = %+v, %v (boot %s)", id, err, boot)
	}
	if fromThisBoot(Identity{PID: 1, Start: "00000000-0000-0000-0000-000000000000:1"}) {
		t.Fatal("an identity of another boot counts as this boot's")
	}
}
