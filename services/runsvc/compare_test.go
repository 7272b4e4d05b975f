package runsvc

import (
	"strings"
	"testing"
)

// Two runs that have not run yet: both sides come back with their details, and the figures
// they cannot have yet say why instead of reading as zero.
func TestCompareRunsSaysWhyFiguresAreMissing(t *testing.T) {
	f := newFixture(t, false)
	defer f.close()
	f.queue.Pause()
	runs, err := f.queue.StartRuns(RunRequest{ModelIDs: []int64{f.model.ID}, WeatherIDs: []int64{f.weather.ID}, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	more, err := f.queue.StartRuns(RunRequest{ModelIDs: []int64{f.model.ID}, WeatherIDs: []int64{f.weather.ID}, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	a, b := runs[0].ID, more[0].ID
	c, err := NewService(f.queue).CompareRuns(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if c.A.Details.Run.ID != a || c.B.Details.Run.ID != b {
		t.Fatalf("sides are runs %d and %d, want %d and %d", c.A.Details.Run.ID, c.B.Details.Run.ID, a, b)
	}
	for _, side := range []RunSide{c.A, c.B} {
		if side.Details.Results != nil {
			t.Errorf("run %d has results before it ran", side.Details.Run.ID)
		}
		if len(side.Monthly.Meters) != 0 || !strings.Contains(side.Monthly.Reason, "when the run has finished") {
			t.Errorf("run %d: monthly %d meters, reason %q", side.Details.Run.ID, len(side.Monthly.Meters), side.Monthly.Reason)
		}
		if len(side.Monthly.Total) != 12 {
			t.Errorf("run %d: %d monthly totals, want 12 (all missing)", side.Details.Run.ID, len(side.Monthly.Total))
		}
		for i, v := range side.Monthly.Total {
			if v != nil {
				t.Errorf("run %d: month %d = %v without hourly data, want missing", side.Details.Run.ID, i+1, *v)
			}
		}
		if side.Messages.Reason == "" {
			t.Errorf("run %d: no reason for the missing eplusout.err", side.Details.Run.ID)
		}
	}
}

func TestCompareRunsRefusesAnUnknownRun(t *testing.T) {
	f := newFixture(t, false)
	defer f.close()
	if _, err := NewService(f.queue).CompareRuns(999, 998); err == nil || !strings.Contains(err.Error(), "run 999") {
		t.Errorf("err = %v, want one naming run 999", err)
	}
}
