package runner

import (
	"os"
	"path/filepath"
	"testing"

	"epsm/sim"
)

func TestRunKeyChangesWithEveryInput(t *testing.T) {
	e := sim.Engine{Version: "25.2.0", Build: "cf7368216c"}
	model := "../examples/1ZoneUncontrolled.idf"
	base, err := RunKey(model, "golden-sha", e, false, false)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := RunKey(model, "golden-sha", e, false, false)
	if again != base {
		t.Fatal("the same inputs gave two keys")
	}
	edited := filepath.Join(t.TempDir(), "edited.idf")
	data, _ := os.ReadFile(model)
	os.WriteFile(edited, append(data, []byte("\n! a comment changes the run copy\n")...), 0o644)
	variants := map[string]func() (string, error){
		"model":   func() (string, error) { return RunKey(edited, "golden-sha", e, false, false) },
		"weather": func() (string, error) { return RunKey(model, "chicago-sha", e, false, false) },
		"engine":  func() (string, error) { return RunKey(model, goldenEPW, sim.Engine{Version: "24.2.0"}, false, false) },
		"flags":   func() (string, error) { return RunKey(model, "golden-sha", e, true, false) },
		"-D":      func() (string, error) { return RunKey(model, "golden-sha", e, false, true) },
	}
	for name, f := range variants {
		k, err := f()
		if err != nil {
			t.Fatal(err)
		}
		if k == base {
			t.Errorf("changing the %s did not change the key", name)
		}
	}
	if _, err := RunKey(filepath.Join(t.TempDir(), "missing.idf"), "golden-sha", e, false, false); err == nil {
		t.Error("a missing model gave a key")
	}
}
