//go:build windows

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tabular"
	"epsm/internal/tempdir"
	"epsm/sim"
	"epsm/store"
)

// The user's files in a folder with spaces and Swedish letters, named with parentheses and
// '#', with Windows line ends (CRLF); the data folder in %APPDATA% (store.DefaultDir) under a
// user name with non-ASCII letters, so every path EnergyPlus is given has them too. Imported
// and run with the real engine; the figures are the ones in the run's own eplustbl.htm, and
// the CRLF model gives the same building and energy as the original.
func TestRunWithWindowsPathsCRLFAndTheDataFolderInAppData(t *testing.T) {
	requireEngine(t)
	tmp := tempdir.New(t)
	appData := filepath.Join(tmp, "Användare Åsa", "AppData", "Roaming")
	t.Setenv("APPDATA", appData)
	t.Setenv("EPSM_DATA_DIR", "")
	data, err := store.DefaultDir()
	if err != nil || data != filepath.Join(appData, "EPSM Desktop") {
		t.Fatalf("data folder %q, %v; want EPSM Desktop in %%APPDATA%% (%s)", data, err, appData)
	}
	folder := filepath.Join(tmp, "Väder Göteborg")
	model := filepath.Join(folder, "Modell ÅÄÖ (kopia) #2.idf")
	weather := filepath.Join(folder, "Göteborg väder #1.epw")
	crlfCopy(t, "../examples/1ZoneUncontrolled.idf", model)
	crlfCopy(t, "../examples/USA_CO_Golden-NREL.724666_TMY3.epw", weather)

	var stdout, stderr bytes.Buffer
	code := Main([]string{"run", "--weather", weather, model, "../examples/1ZoneUncontrolled.idf", "--json", "--force"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var rows []runResult
	if err := json.Unmarshal(stdout.Bytes(), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("rows %+v, %v\n%s", rows, err, stdout.String())
	}
	crlf, lf := rows[0], rows[1]
	if crlf.Model != filepath.Base(model) || crlf.Status != sim.StatusSucceeded || crlf.Results == nil {
		t.Fatalf("the CRLF model in the odd folder: %+v", crlf)
	}
	if !strings.HasPrefix(crlf.OutputDir, filepath.Join(data, "runs")+`\`) {
		t.Errorf("output folder %s is not in the data folder %s", crlf.OutputDir, data)
	}
	report, err := tabular.ReadFile(filepath.Join(crlf.OutputDir, "eplustbl.htm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range tabular.Disagreements(crlf.Results, report) {
		t.Errorf("results vs eplustbl.htm: %s", d)
	}
	if lf.Status != sim.StatusSucceeded || lf.Results == nil || lf.Results.TotalSiteKWh != crlf.Results.TotalSiteKWh || lf.Results.TotalAreaM2 != crlf.Results.TotalAreaM2 {
		t.Errorf("CRLF model %+v, original %+v: want the same figures", crlf.Results, lf.Results)
	}
	if _, err := os.Stat(filepath.Join(data, "epsm.db")); err != nil {
		t.Errorf("no database in the data folder: %v", err)
	}
}

// crlfCopy writes src to dst with every line ending in CRLF.
func crlfCopy(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
