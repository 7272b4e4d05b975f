// Package cli is EPSM's headless front end: `epsm run` and `epsm inspect` drive the same Core
// as the window, for scripts and cluster nodes.
package cli

import (
	"fmt"
	"io"

	"epsm/version"
)

// IsCommand reports whether arg names a CLI command rather than GUI flags.
func IsCommand(arg string) bool {
	switch arg {
	case "run", "inspect", "engines", "study", "worker", "attach", "target", "help", "-h", "--help", "version", "--version":
		return true
	}
	return false
}

const usage = `EPSM Desktop: EnergyPlus simulation manager

Usage:
  epsm                      open the desktop app (GUI build)
  epsm run --weather W.epw A.idf [B.idf ...] [--jobs N] [--annual] [--keep-all] [--json] [--data-dir DIR]
           [--target NAME | slurm:///WORK?partition=P | slurm+ssh://[USER@]HOST/WORK?partition=P]
                            run models with EnergyPlus (here, or as a Slurm job array), print a
                            results table (or JSON); exits 1 if any run failed
  epsm attach [--json]      bring back the runs of batches still on a cluster (after the app
                            or epsm run --target was closed)
  epsm target list|add NAME URL|remove NAME|check NAME|URL
                            the saved compute targets (--target NAME), and their connection check
  epsm inspect FILE.idf|FILE.epw [--json]
                            show what the import screen shows for a model or weather file
  epsm study SPEC.json [--jobs N] [--csv OUT] [--xlsx OUT] [--report OUT.html|OUT.pdf] [--json]
           [--count] [--target NAME|URL] [--new] [--data-dir DIR] [--verbose]
                            build the variants of a renovation study (sampled, or chosen by the
                            spec's NSGA-II or Morris method), run them, and print (or write) the
                            variant table with energy, carbon, cost, Pareto, and the method's
                            fronts or ranking (spec format: docs/STUDY_SPEC.md); typed again after
                            Ctrl-C, it continues that study (--new: a new one)
  epsm engines [--json]     list the EnergyPlus engines found and where EPSM looked
  epsm worker --manifest M --index I [--engine PATH] | --probe [--engine PATH]
                            run task I of a cluster batch (what its Slurm job script calls)
  epsm --version            the version, and the git commit and date it was built from

Data is kept in EPSM_DATA_DIR, or the platform's data folder (see README).
`

// Main runs a command and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	switch args[0] {
	case "run":
		return runCommand(args[1:], stdout, stderr)
	case "inspect":
		return inspectCommand(args[1:], stdout, stderr)
	case "study":
		return studyCommand(args[1:], stdout, stderr)
	case "engines":
		return enginesCommand(args[1:], stdout, stderr)
	case "worker":
		return workerCommand(args[1:], stdout, stderr)
	case "attach":
		return attachCommand(args[1:], stdout, stderr)
	case "target":
		return targetCommand(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "epsm", version.String())
		return 0
	default:
		fmt.Fprint(stdout, usage)
		return 0
	}
}
