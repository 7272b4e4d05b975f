package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"epsm/cluster"
	"epsm/runner"
	"epsm/sim"
)

// workerCommand is `epsm worker`: one task of a batch on a cluster node, started by the batch's
// Slurm job script. It runs the task with the same runner as a local run and leaves
// progress.json and result.json in the task's run folder; it uses no database.
// Exit codes: 0 the run succeeded, 1 it ended otherwise (its result says how), 2 no result
// could be written (the reason is on stderr, which Slurm keeps in the task's output file).
func workerCommand(args []string, stdout, stderr io.Writer) int {
	started := time.Now() // the node's overhead counts from here: reading the task, finding the engine
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	manifest := fs.String("manifest", "", "the batch's manifest.jsonl (its folder is the batch folder)")
	index := fs.Int("index", -1, "the task's line in the manifest, from 0 (the Slurm array index plus the array's offset)")
	enginePath := fs.String("engine", "", "EnergyPlus on this node (default: found as `epsm engines` finds it)")
	probe := fs.Bool("probe", false, "print, as JSON, this node's name and the EnergyPlus the worker would run (a target's connection check runs this as a test job)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *probe {
		return probeNode(*enginePath, stdout)
	}
	if *manifest == "" || *index < 0 {
		fmt.Fprintln(stderr, "epsm worker: --manifest and --index are required")
		return 2
	}
	task, err := cluster.ReadTask(*manifest, *index)
	if err != nil {
		fmt.Fprintln(stderr, "epsm worker:", err)
		return 2
	}
	// Slurm ends a cancelled or timed-out task with SIGTERM (then SIGKILL): the engine's process
	// tree goes with it, and the run is recorded as cancelled.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	engine, err := workerEngine(ctx, *enginePath, task)
	if err != nil {
		fmt.Fprintln(stderr, "epsm worker:", err)
		return 2
	}
	w := &cluster.Worker{BatchDir: filepath.Dir(*manifest), Engine: engine, Runner: &runner.Runner{Engine: engine}, Started: started}
	res, err := w.Run(ctx, task)
	if errors.Is(err, cluster.ErrStopped) {
		fmt.Fprintf(stderr, "epsm worker: task %d (%s): %v; the engine was stopped\n", *index, task.Key, err)
		return 143 // as a shell reports SIGTERM
	}
	if err != nil {
		fmt.Fprintln(stderr, "epsm worker:", err)
		return 2
	}
	fmt.Fprintf(stdout, "epsm worker: task %d (%s) %s on %s with EnergyPlus %s %s\n", *index, task.Key, res.Outcome.Status, res.Node, engine.Version, engine.Path)
	if res.Outcome.Message != "" {
		fmt.Fprintln(stdout, "epsm worker:", res.Outcome.Message)
	}
	if res.Outcome.Status != sim.StatusSucceeded && res.Outcome.Status != sim.StatusSucceededSevere {
		return 1
	}
	return 0
}

// workerEngine is the node's EnergyPlus for task: the one the task was prepared for when the
// node has it, else the first found (the worker then records the mismatch as the run's result).
func workerEngine(ctx context.Context, path string, task cluster.Task) (sim.Engine, error) {
	engines, cands := runner.Discover(ctx, runner.DiscoverOptions{SettingsPath: path})
	if path != "" && (len(engines) == 0 || engines[0].Path != path) {
		for _, c := range cands {
			if c.Path == path && c.Error != "" {
				return sim.Engine{}, fmt.Errorf("the target's engine %s does not run here: %s", path, c.Error)
			}
		}
	}
	for _, e := range engines {
		if e.Version == task.EngineVersion && e.Build == task.EngineBuild && (path == "" || e.Path == path) {
			return e, nil
		}
	}
	if len(engines) == 0 {
		return sim.Engine{}, errors.New("no EnergyPlus on this node: set the target's engine option (or load its module in the prelude)")
	}
	return engines[0], nil
}

// probeNode is `epsm worker --probe`: the node and its EnergyPlus, as one JSON line; exit 1
// when there is none (the line says why).
func probeNode(enginePath string, stdout io.Writer) int {
	res := cluster.ProbeResult{}
	res.Node, _ = os.Hostname()
	engines, cands := runner.Discover(context.Background(), runner.DiscoverOptions{SettingsPath: enginePath})
	for _, e := range engines {
		if enginePath == "" || e.Path == enginePath {
			res.Engines = append(res.Engines, cluster.ProbeEngine{Version: e.Version, Build: e.Build, Path: e.Path})
		}
	}
	if len(res.Engines) == 0 {
		res.Error = "no EnergyPlus found (looked in PATH, ENERGYPLUS_EXE and the usual install folders)"
		for _, c := range cands {
			if c.Error != "" && (enginePath == "" || c.Path == enginePath) {
				res.Error = fmt.Sprintf("%s does not run: %s", c.Path, c.Error)
				break
			}
		}
		if enginePath != "" && !strings.HasPrefix(res.Error, enginePath) {
			res.Error = fmt.Sprintf("%s: %s", enginePath, res.Error)
		}
	}
	b, _ := json.Marshal(res)
	fmt.Fprintln(stdout, string(b))
	if len(res.Engines) == 0 {
		return 1
	}
	return 0
}
