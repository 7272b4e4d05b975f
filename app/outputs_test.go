package app

import (
	"context"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"epsm/internal/tempdir"
	"epsm/services/runsvc"
	"epsm/services/settingsvc"
	"epsm/sim"
	"epsm/store"
)

// A run's folder keeps only what the window shows once its results and hourly meters are
// stored, and the window still shows all of it: the hourly chart (the same values as a run that
// kept eplusout.sql), the report, the err file. "Keep all outputs" keeps everything. Freeing a
// batch's space leaves the results and the hourly chart, and the report says it was freed.
func TestRunFoldersKeepWhatTheWindowShows(t *testing.T) {
	engine := testEngine(t)
	dir := filepath.Join(tempdir.New(t), "data")
	c := openCore(t, dir, &engine, nil)
	defer c.Close()
	rep := c.Importer.ImportExample()
	req := runsvc.RunRequest{ModelIDs: []int64{rep.Models[0].ID}, WeatherID: rep.Weather[0].ID}
	trimmed := runAndWait(t, c, req)
	req.Force, req.KeepAll = true, true
	full := runAndWait(t, c, req)

	files := func(r store.Run) []string {
		entries, _ := os.ReadDir(r.Dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		sort.Strings(names)
		return names
	}
	if got := strings.Join(files(trimmed), " "); got != "eplusout.err eplustbl.htm.gz in.idf" {
		t.Errorf("a trimmed run folder holds %s", got)
	}
	if got := files(full); !contains(got, "eplusout.sql") || !contains(got, "eplusout.eso") || !contains(got, "eplustbl.htm") {
		t.Errorf("a keep-all run folder holds %v", got)
	}
	if trimmed.Outputs != store.OutputsResults || full.Outputs != store.OutputsAll {
		t.Errorf("outputs recorded: %q and %q", trimmed.Outputs, full.Outputs)
	}
	sizeTrimmed, sizeFull := folderBytes(t, trimmed.Dir), folderBytes(t, full.Dir)
	t.Logf("run folder: %d bytes trimmed, %d bytes with every output", sizeTrimmed, sizeFull)
	if sizeTrimmed*5 > sizeFull {
		t.Errorf("trimming kept %d of %d bytes", sizeTrimmed, sizeFull)
	}

	// The hourly chart: the stored meters equal those read from the kept eplusout.sql.
	sameMeters(t, c, trimmed.ID, full.ID)
	// The report: served from its gzip.
	srv := httptest.NewServer(c.Queue.RunFilesHandler())
	defer srv.Close()
	report := func(id int64) (int, string) {
		res, err := http.Get(srv.URL + "/runfiles/" + itoa(id) + "/eplustbl.htm")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := report(trimmed.ID); code != 200 || !strings.Contains(body, "Annual Building Utility Performance Summary") {
		t.Errorf("the trimmed run's report: %d, %.200s", code, body)
	}

	// Settings > Storage: the two runs, then the first batch freed.
	st, err := c.Settings.Storage()
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, g := range st.Groups {
		total += g.Bytes
	}
	if len(st.Groups) != 2 || total != sizeTrimmed+sizeFull || st.RunBytes != total {
		t.Errorf("storage: %+v (run folders %d + %d)", st, sizeTrimmed, sizeFull)
	}
	freed, err := c.Settings.FreeSpace(settingsvc.FreeRequest{BatchID: full.BatchID}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if freed.Runs != 1 || freed.Bytes < sizeFull*9/10 {
		t.Errorf("freed %+v of a %d-byte folder", freed, sizeFull)
	}
	after, _ := c.Queue.RunDetails(full.ID)
	if got := strings.Join(files(after.Run), " "); got != "eplusout.err" || after.Run.Outputs != store.OutputsNone {
		t.Errorf("a freed run folder holds %q (%s)", got, after.Run.Outputs)
	}
	if after.Results == nil || after.Results.TotalSiteKWh == 0 {
		t.Errorf("freeing touched the results: %+v", after.Results)
	}
	sameMeters(t, c, full.ID, trimmed.ID)
	if code, body := report(full.ID); code != http.StatusGone || !strings.Contains(body, "deleted to free space") {
		t.Errorf("the freed run's report: %d, %.200s", code, body)
	}
	// By age: no run ended more than a day ago yet; two days on, the trimmed run has (the freed
	// one has nothing left to free).
	if f, err := c.Settings.FreeSpace(settingsvc.FreeRequest{OlderThanDays: 1}, time.Now()); err != nil || f.Runs != 0 {
		t.Errorf("runs older than a day, today: freed %+v, %v", f, err)
	}
	if f, err := c.Settings.FreeSpace(settingsvc.FreeRequest{OlderThanDays: 1}, time.Now().Add(48*time.Hour)); err != nil || f.Runs != 1 {
		t.Errorf("runs older than a day, in two days: freed %+v, %v", f, err)
	}
	if d, _ := c.Queue.RunDetails(trimmed.ID); d.Run.Outputs != store.OutputsNone || d.Results == nil {
		t.Errorf("the run freed by age: %s, results %v", d.Run.Outputs, d.Results != nil)
	}
	if _, err := c.Settings.FreeSpace(settingsvc.FreeRequest{}, time.Now()); err == nil {
		t.Error("freeing with nothing chosen freed")
	}
}

func runAndWait(t *testing.T, c *App, req runsvc.RunRequest) store.Run {
	t.Helper()
	runs, err := c.Queue.StartRuns(req)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := c.Queue.Wait(ctx, []int64{runs[0].ID}); err != nil {
		t.Fatal(err)
	}
	d, err := c.Queue.RunDetails(runs[0].ID)
	if err != nil || d.Run.Status != sim.StatusSucceeded || d.Run.CachedFrom != 0 {
		t.Fatalf("run %d: %+v, %v", runs[0].ID, d.Run, err)
	}
	return d.Run
}

func sameMeters(t *testing.T, c *App, id, other int64) {
	t.Helper()
	a, err := c.Queue.RunMeters(id)
	if err != nil || len(a.Meters) == 0 || a.Reason != "" {
		t.Fatalf("meters of run %d: %+v, %v", id, a, err)
	}
	b, _ := c.Queue.RunMeters(other)
	if len(a.Meters) != len(b.Meters) {
		t.Fatalf("run %d has %d meters, run %d %d", id, len(a.Meters), other, len(b.Meters))
	}
	for _, m := range a.Meters {
		sa, err := c.Queue.MeterSeries(id, m.Name)
		if err != nil {
			t.Fatal(err)
		}
		sb, err := c.Queue.MeterSeries(other, m.Name)
		if err != nil {
			t.Fatal(err)
		}
		if len(sa.Values) != len(sb.Values) || math.Abs(sa.Total-sb.Total) > 1e-9*math.Abs(sb.Total) {
			t.Fatalf("%s: %d values, total %v; other run %d values, total %v", m.Name, len(sa.Values), sa.Total, len(sb.Values), sb.Total)
		}
		for i := range sa.Values {
			if math.Abs(sa.Values[i]-sb.Values[i]) > 1e-6*math.Max(1, math.Abs(sb.Values[i])) || sa.Hour[i] != sb.Hour[i] || sa.Day[i] != sb.Day[i] {
				t.Fatalf("%s hour %d: %v vs %v", m.Name, i, sa.Values[i], sb.Values[i])
			}
		}
	}
}

func folderBytes(t *testing.T, dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
