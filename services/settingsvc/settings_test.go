package settingsvc

import (
	"context"
	"log/slog"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"epsm/runner"
	"epsm/sim"
	"epsm/store"
)

func open(t *testing.T, engines ...sim.Engine) *Settings {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := Open(context.Background(), st, slog.New(slog.DiscardHandler),
		func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) { return engines, nil })
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEngineForMatchesTheModelVersion(t *testing.T) {
	e252 := sim.Engine{Path: "/a", Version: "25.2.0"}
	e232 := sim.Engine{Path: "/b", Version: "23.2.0"}
	tests := []struct {
		model   string
		engines []sim.Engine
		want    string
		warns   bool
	}{
		{"25.2", []sim.Engine{e252, e232}, "/a", false},
		{"23.2", []sim.Engine{e252, e232}, "/b", false},
		{"23.2.0", []sim.Engine{e252, e232}, "/b", false},
		{" 23.2 ", []sim.Engine{e252, e232}, "/b", false},
		{"9.4", []sim.Engine{e252, e232}, "/a", true},
		{"23.2", []sim.Engine{e252}, "/a", true},
	}
	for _, tt := range tests {
		t.Run(tt.model, func(t *testing.T) {
			s := open(t, tt.engines...)
			got, warning := s.EngineFor(tt.model)
			if got.Path != tt.want || (warning != "") != tt.warns {
				t.Fatalf("engine %s, warning %q", got.Path, warning)
			}
			if tt.warns && (!strings.Contains(warning, strings.TrimSpace(tt.model)) || !strings.Contains(warning, "25.2.0")) {
				t.Errorf("warning %q does not name both versions", warning)
			}
		})
	}
}

func TestQueueLimitsAreValidatedStoredAndAnnounced(t *testing.T) {
	s := open(t)
	var announced []QueueLimits
	s.OnQueueLimits(func(l QueueLimits) { announced = append(announced, l) })
	bad := []struct {
		name string
		l    QueueLimits
		want string
	}{
		{"negative workers", QueueLimits{Workers: -1}, "workers"},
		{"too many workers", QueueLimits{Workers: 257}, "workers"},
		{"negative time", QueueLimits{TimeoutMinutes: -1}, "negative"},
		{"NaN time", QueueLimits{TimeoutMinutes: math.NaN()}, "time limit"},
		{"overflowing time", QueueLimits{TimeoutMinutes: 1e300}, "time limit"},
		{"NaN stall", QueueLimits{StallSeconds: math.NaN()}, "stall"},
		{"stall that kills healthy runs", QueueLimits{StallSeconds: 2}, "at least 5 s"},
	}
	before := s.QueueLimits()
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.SaveQueueLimits(tc.l)
			if err == nil || !strings.Contains(err.Error(), tc.want) || got != before {
				t.Fatalf("SaveQueueLimits(%+v) = %+v, %v; want a refusal saying %q", tc.l, got, err, tc.want)
			}
		})
	}
	if len(announced) != 0 {
		t.Fatalf("refused limits were announced: %+v", announced)
	}
	good := QueueLimits{Workers: 3, TimeoutMinutes: 30, StallSeconds: 60}
	if got, err := s.SaveQueueLimits(good); err != nil || got != good {
		t.Fatalf("SaveQueueLimits(good) = %+v, %v", got, err)
	}
	if len(announced) != 1 || announced[0] != good {
		t.Fatalf("announced %+v", announced)
	}
	again, err := Open(context.Background(), s.store, slog.New(slog.DiscardHandler),
		func(context.Context, runner.DiscoverOptions) ([]sim.Engine, []runner.Candidate) { return nil, nil })
	if err != nil || again.QueueLimits() != good {
		t.Fatalf("after a restart: %+v, %v", again.QueueLimits(), err)
	}
	if good.Timeout().Minutes() != 30 || good.Stall().Seconds() != 60 {
		t.Fatalf("durations %s, %s", good.Timeout(), good.Stall())
	}
}
