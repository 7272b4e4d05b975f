//go:build !windows

package cli

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// signalAfter starts `bin args...`, sends it sig once n runs have succeeded (with severe
// errors or not), and returns its exit code (-1 when the signal killed it).
func signalAfter(t *testing.T, bin string, n int, sig syscall.Signal, args ...string) int {
	t.Helper()
	cmd := exec.Command(bin, args...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	done := 0
	var seen []string
	for done < n && sc.Scan() {
		seen = append(seen, sc.Text())
		if strings.Contains(sc.Text(), ": succeeded") {
			done++
		}
	}
	if done < n {
		cmd.Wait()
		t.Fatalf("the command ended before %d runs succeeded:\n%s", n, strings.Join(seen, "\n"))
	}
	cmd.Process.Signal(sig)
	for sc.Scan() { // drain, so the command is not blocked writing
	}
	cmd.Wait()
	return cmd.ProcessState.ExitCode()
}

// interruptThenAgain stops `bin args...` with Ctrl-C after two runs, types it again, checks
// that the second command says `says` (that it continues the study), and returns what it
// printed on stdout and stderr.
func interruptThenAgain(t *testing.T, bin, says string, args ...string) ([]byte, string) {
	t.Helper()
	if code := signalAfter(t, bin, 2, syscall.SIGINT, args...); code != 130 {
		t.Fatalf("interrupted: exit %d, want 130", code)
	}
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("again: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), says) {
		t.Errorf("the second command does not say %q:\n%s", says, stderr.String())
	}
	return out, stderr.String()
}

func storeCount(t *testing.T, dataDir, query string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dataDir, "epsm.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// TestAStudyStoppedWithCtrlCGoesOnWithTheSameCommand: `epsm study` interrupted with Ctrl-C in the
// middle of its runs, then typed again, continues that study (one study in the store, not two)
// and ends with every run done, each variant simulated once; once it has ended, the same
// command makes a new study whose runs all come from the store. The same for an NSGA-II study:
// typed again, its method goes on to its last generation.
func TestAStudyStoppedWithCtrlCGoesOnWithTheSameCommand(t *testing.T) {
	requireEngine(t)
	if testing.Short() {
		t.Skip("runs annual simulations")
	}
	tmp := t.TempDir()
	bin := buildEPSM(t, tmp)

	t.Run("factorial", func(t *testing.T) {
		data := filepath.Join(tmp, "factorial")
		args := []string{"study", "../examples/studies/1zone-envelope.json", "--data-dir", data, "--jobs", "1", "--json"}
		out, _ := interruptThenAgain(t, bin, "had not ended: continuing it.", args...)
		var table struct {
			Rows []studyJSONRow `json:"rows"`
		}
		if err := json.Unmarshal(out, &table); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if len(table.Rows) != 6 {
			t.Fatalf("%d rows, want the baseline and 5 variants", len(table.Rows))
		}
		for _, r := range table.Rows {
			if !r.Status.Succeeded() || r.Results == nil {
				t.Errorf("%s: %s", r.Name, r.Status)
			}
		}
		if n := storeCount(t, data, `SELECT COUNT(*) FROM studies`); n != 1 {
			t.Errorf("%d studies in the store, want the one continued", n)
		}
		// Every variant simulated once: the runs the first command finished were kept.
		if n := storeCount(t, data, `SELECT COUNT(*) FROM results`); n != 6 {
			t.Errorf("%d results stored, want 6", n)
		}

		// Ended, the study is not taken up again: the same command makes a new one, answered
		// from the store.
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil || strings.Contains(string(out), "continuing it") {
			t.Fatalf("third command: %v\n%s", err, out)
		}
		if n := storeCount(t, data, `SELECT COUNT(*) FROM studies`); n != 2 {
			t.Errorf("%d studies after the study had ended, want a new one (2)", n)
		}
		if n := storeCount(t, data, `SELECT COUNT(*) FROM results`); n != 6 {
			t.Errorf("%d results stored, want still 6 (the new study's runs come from the store)", n)
		}
	})

	t.Run("nsga2", func(t *testing.T) {
		data := filepath.Join(tmp, "nsga2")
		spec := `{"name": "resumed nsga2", "model": "` + filepath.ToSlash(abs(t, "../examples/1ZoneUncontrolled.idf")) + `",
		  "weather": ["` + filepath.ToSlash(abs(t, "../examples/USA_CO_Golden-NREL.724666_TMY3.epw")) + `"],
		  "options": {"wall": ["keep", "wall_concrete_etics_sw100", "wall_brick_etics_eps100"], "roof": ["keep", "flat_roof_concrete_pir120"]},
		  "measures": [{"id": "lights", "name": "Exterior lights", "fields": [{"class": "Exterior:Lights", "field": "Design Level"}],
		    "values": [1000, 2500], "per": "fixed", "investment": 0, "gwpKgCO2e": 0, "lifeYears": 15}],
		  "method": {"kind": "nsga2", "objectives": ["siteEnergyKWh", "embodiedKgCO2e"], "population": 4, "generations": 3, "seed": 5}}`
		path := filepath.Join(tmp, "nsga2.json")
		if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"study", path, "--data-dir", data, "--jobs", "1"}
		out, _ := interruptThenAgain(t, bin, "had not ended: continuing it.", args...)
		if !strings.Contains(string(out), "NSGA-II: 3 of 3 generations") {
			t.Errorf("the continued method did not reach its last generation:\n%s", out)
		}
		if n := storeCount(t, data, `SELECT COUNT(*) FROM studies`); n != 1 {
			t.Errorf("%d studies in the store, want the one continued", n)
		}
		// No run of the study is left without an outcome.
		if n := storeCount(t, data, `SELECT COUNT(*) FROM runs WHERE status NOT IN ('succeeded', 'succeeded-with-severe')`); n != 0 {
			t.Errorf("%d runs did not succeed", n)
		}
	})
}
