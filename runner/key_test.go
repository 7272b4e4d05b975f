package runner

import (
	"os"
	"path/filepath"
	"testing"

	"epsm/internal/tempdir"
	"epsm/sim"
)

// keyInputs are RunKey's arguments, so each case below changes exactly one of them from the
// same base and nothing else can make the key differ.
type keyInputs struct {
	model, weatherSHA256 string
	engine               sim.Engine
	annual, designDays   bool
}

func (in keyInputs) key(t *testing.T) string {
	t.Helper()
	k, err := RunKey(in.model, in.weatherSHA256, in.engine, in.annual, in.designDays)
	if err != nil {
		t.Fatalf("RunKey(%+v): %v", in, err)
	}
	return k
}

func TestRunKeyChangesWithEveryInput(t *testing.T) {
	model := "../examples/1ZoneUncontrolled.idf"
	edited := filepath.Join(tempdir.New(t), "edited.idf")
	data, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(edited, append(data, []byte("\n! a comment changes the run copy\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	base := keyInputs{
		model:         model,
		weatherSHA256: "golden-sha",
		engine:        sim.Engine{Path: "/usr/local/EnergyPlus-25-2-0/energyplus", Version: "25.2.0", Build: "cf7368216c", Source: "install folder"},
		annual:        false,
		designDays:    false,
	}
	baseKey := base.key(t)
	if again := base.key(t); again != baseKey {
		t.Fatalf("the same inputs gave two keys: %s and %s", baseKey, again)
	}

	tests := []struct {
		name       string
		change     func(in *keyInputs)
		changesKey bool
	}{
		// Each of these decides the results, so a cached run must not answer for another.
		{"engine build", func(in *keyInputs) { in.engine.Build = "0123456789" }, true},
		{"engine version", func(in *keyInputs) { in.engine.Version = "24.2.0" }, true},
		{"weather", func(in *keyInputs) { in.weatherSHA256 = "chicago-sha" }, true},
		{"model", func(in *keyInputs) { in.model = edited }, true},
		{"-a", func(in *keyInputs) { in.annual = true }, true},
		{"-D", func(in *keyInputs) { in.designDays = true }, true},
		// Where the engine was found does not: the same build elsewhere gives the same results,
		// and an imported study's results must answer runs on the importer's install.
		{"engine path", func(in *keyInputs) { in.engine.Path = "/opt/EnergyPlus-25-2-0/energyplus" }, false},
		{"engine source", func(in *keyInputs) { in.engine.Source = "ENERGYPLUS_EXE" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			tt.change(&in)
			if changed := in.key(t) != baseKey; changed != tt.changesKey {
				t.Errorf("changing only the %s: key changed = %t, want %t", tt.name, changed, tt.changesKey)
			}
		})
	}

	missing := base
	missing.model = filepath.Join(tempdir.New(t), "missing.idf")
	if _, err := RunKey(missing.model, missing.weatherSHA256, missing.engine, false, false); err == nil {
		t.Error("a missing model gave a key")
	}
}
