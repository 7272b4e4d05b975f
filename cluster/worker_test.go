package cluster

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/enginetest"
	"epsm/internal/tempdir"
	"epsm/runner"
	"epsm/sim"
)

const (
	exampleModel   = "../examples/1ZoneUncontrolled.idf"
	exampleWeather = "../examples/USA_CO_Golden-NREL.724666_TMY3.epw"
)

// fatalModel is the example with a surface whose construction does not exist.
func fatalModel(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(exampleModel)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(tempdir.New(t), "broken.idf")
	text := strings.Replace(string(src), "    R13WALL,                 !- Construction Name", "    NO_SUCH_WALL,            !- Construction Name", 1)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func key(t *testing.T, model string, engine sim.Engine) string {
	t.Helper()
	sum, _, err := fileSHA256(exampleWeather)
	if err != nil {
		t.Fatal(err)
	}
	k, err := runner.RunKey(model, sum, engine, false, false)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// A task run by the worker gives the result a local run gives, and leaves its progress and
// result files; a broken model is the model's fault there too; a node whose engine is not the
// one the run key was made for runs nothing.
func TestWorkerRunsATaskAsALocalRunDoes(t *testing.T) {
	engine := enginetest.Require(t)
	broken := fatalModel(t)
	batch := filepath.Join(tempdir.New(t), "epsm-b1")
	other := engine
	other.Build = "0000000000"
	st, err := Stage(batch, []Run{
		{Key: key(t, exampleModel, engine), Model: exampleModel, Weather: exampleWeather, Engine: engine},
		{Key: key(t, broken, engine), Model: broken, Weather: exampleWeather, Engine: engine},
		{Key: key(t, exampleModel, other), Model: exampleModel, Weather: exampleWeather, Engine: other},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Files != 3 || st.SharedBytes == 0 {
		t.Errorf("staged %d files (%d bytes, %d shared): want the weather once, the two models", st.Files, st.Bytes, st.SharedBytes)
	}
	local := (&runner.Runner{Engine: engine}).Run(context.Background(), runner.Job{Dir: filepath.Join(tempdir.New(t), "local"), Model: exampleModel, Weather: exampleWeather}, func(runner.Update) {})
	if local.Status != sim.StatusSucceeded {
		t.Fatalf("the local run: %s %s", local.Status, local.Message)
	}
	w := &Worker{BatchDir: batch, Engine: engine, Runner: &runner.Runner{Engine: engine}}
	manifest := filepath.Join(batch, "manifest.jsonl")

	t.Run("the example", func(t *testing.T) {
		task, err := ReadTask(manifest, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Run(context.Background(), task); err != nil {
			t.Fatal(err)
		}
		res, err := ReadResult(filepath.Join(batch, "runs", task.Key, ResultFile))
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome.Status != sim.StatusSucceeded || res.Outcome.Results == nil || res.Outcome.Results.TotalSiteKWh != local.Results.TotalSiteKWh {
			t.Fatalf("worker %+v\nlocal %+v", res.Outcome, local)
		}
		if res.EngineStart.Before(res.WorkerStart) || res.RunEnd.Before(res.EngineStart) || res.Written.Before(res.RunEnd) || res.Node == "" {
			t.Errorf("timeline %+v", res)
		}
		if _, err := os.Stat(filepath.Join(batch, "runs", task.Key, ProgressFile)); err != nil {
			t.Errorf("no progress file: %v", err)
		}
	})
	t.Run("a fatal model", func(t *testing.T) {
		task, _ := ReadTask(manifest, 1)
		res, err := w.Run(context.Background(), task)
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome.Status != sim.StatusFatal || res.Outcome.Kind != sim.KindModelFatal || !strings.Contains(res.Outcome.FirstSevere, "NO_SUCH_WALL") {
			t.Fatalf("%+v", res.Outcome)
		}
	})
	t.Run("another engine build on the node", func(t *testing.T) {
		task, _ := ReadTask(manifest, 2)
		res, err := w.Run(context.Background(), task)
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome.Kind != sim.KindEngineMissing || !strings.Contains(res.Outcome.Message, "0000000000") {
			t.Fatalf("%+v", res.Outcome)
		}
		if _, err := os.Stat(filepath.Join(batch, "runs", task.Key, "eplusout.err")); err == nil {
			t.Error("the engine ran on a node whose engine does not match the run key")
		}
	})
	t.Run("no such task", func(t *testing.T) {
		if _, err := ReadTask(manifest, 3); err == nil || !strings.Contains(err.Error(), "index 3") {
			t.Fatalf("ReadTask(3) = %v", err)
		}
	})
}

func TestManifestRefusesWhatIsNotATask(t *testing.T) {
	good := Task{Key: strings.Repeat("ab", 32), Model: "inputs/a.idf", Weather: "inputs/b.epw", EngineVersion: "25.2.0"}
	tests := []struct {
		name string
		edit func(*Task)
		says string
	}{
		{"key not hex", func(t *Task) { t.Key = "../../etc" }, "not a run key"},
		{"absolute model", func(t *Task) { t.Model = "/etc/passwd" }, "not a path inside the batch folder"},
		{"model outside", func(t *Task) { t.Model = "../x.idf" }, "not a path inside the batch folder"},
		{"windows path", func(t *Task) { t.Weather = `inputs\b.epw` }, "not a path inside the batch folder"},
		{"no engine", func(t *Task) { t.EngineVersion = "" }, "no engine version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task := good
			tt.edit(&task)
			var b strings.Builder
			if err := WriteManifest(&b, []Task{good, task}); err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("WriteManifest: %v, want line 2 saying %q", err, tt.says)
			}
			p := filepath.Join(tempdir.New(t), "manifest.jsonl")
			os.WriteFile(p, []byte(`{"key":"`+task.Key+`","model":"`+strings.ReplaceAll(task.Model, `\`, `\\`)+`","weather":"`+strings.ReplaceAll(task.Weather, `\`, `\\`)+`","engineVersion":"`+task.EngineVersion+`"}`+"\n"), 0o644)
			if _, err := ReadTask(p, 0); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("ReadTask: %v, want %q", err, tt.says)
			}
		})
	}
}

// The job script, run by bash as Slurm runs it: the prelude first, then the worker on the task
// at the array index plus the array's offset, every path one word whatever it holds.
func TestJobScriptRunsTheWorkerOnItsTask(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := filepath.Join(tempdir.New(t), "it's a folder")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// A FAKE worker that prints what it was given.
	fake := filepath.Join(dir, "fake worker")
	os.WriteFile(fake, []byte("#!/bin/sh\necho \"prelude=$EPSM_PRELUDE\"\nfor a in \"$@\"; do echo \"arg=$a\"; done\n"), 0o755)
	target, err := ParseTarget("slurm:///proj/w?partition=debug&time=30&mem=2G&engine=%2Fsw%2FE+P%2Fenergyplus&prelude=export+EPSM_PRELUDE%3D%22module+loaded%22")
	if err != nil {
		t.Fatal(err)
	}
	script := JobScript(target, "Kontor $(rm) ÅÄÖ", dir, fake, Array{Offset: 1001, Count: 5})
	for _, want := range []string{"#SBATCH --partition=debug\n", "#SBATCH --time=0:30:00\n", "#SBATCH --mem=2G\n", "#SBATCH --cpus-per-task=1\n", "#SBATCH --job-name=epsm-Kontor---rm-----\n"} {
		if !strings.Contains(script, want) {
			t.Errorf("the script lacks %q:\n%s", want, script)
		}
	}
	p := filepath.Join(dir, "job.sh")
	os.WriteFile(p, []byte(script), 0o644)
	cmd := exec.Command(bash, p)
	cmd.Env = append(os.Environ(), "SLURM_ARRAY_TASK_ID=2")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "prelude=module loaded\narg=worker\narg=--manifest\narg=" + dir + "/manifest.jsonl\narg=--index\narg=1003\narg=--engine\narg=/sw/E P/energyplus\n"
	if string(out) != want {
		t.Fatalf("the worker got\n%s\nwant\n%s", out, want)
	}
}
