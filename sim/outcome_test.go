package sim

import (
	"errors"
	"fmt"
	"testing"
)

func TestKindOfFollowsTheChain(t *testing.T) {
	base := errors.New("write in.idf: no space left on device")
	tests := []struct {
		name string
		err  error
		want FailureKind
	}{
		{"plain error", base, KindNone},
		{"nil", nil, KindNone},
		{"direct", Fail(KindDiskFull, base), KindDiskFull},
		{"wrapped twice", fmt.Errorf("run 3: %w", fmt.Errorf("prepare: %w", Fail(KindInputError, base))), KindInputError},
		{"outermost kind wins", Fail(KindEngineMissing, Fail(KindInputError, base)), KindEngineMissing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := KindOf(tc.err); got != tc.want {
				t.Fatalf("KindOf = %q, want %q", got, tc.want)
			}
		})
	}
	if !errors.Is(Fail(KindDiskFull, base), base) {
		t.Fatal("a Failure must unwrap to its cause")
	}
}

func TestStatusFinalAndSucceeded(t *testing.T) {
	for _, s := range AllStatuses {
		final := s.Value.Final()
		transient := s.Value == StatusQueued || s.Value == StatusPreparing || s.Value == StatusRunning || s.Value == StatusCollecting
		if final == transient {
			t.Errorf("%s: Final() = %v", s.Value, final)
		}
		if got, want := s.Value.Succeeded(), s.Value == StatusSucceeded || s.Value == StatusSucceededSevere; got != want {
			t.Errorf("%s: Succeeded() = %v", s.Value, got)
		}
	}
	if MajorMinor(" 9.4.0 ") != "9.4" || MajorMinor("25.2") != "25.2" || MajorMinor("25") != "25" {
		t.Fatal("MajorMinor")
	}
}
