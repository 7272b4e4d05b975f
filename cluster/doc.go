// Package cluster runs EnergyPlus jobs on a Slurm cluster: where runs go (a target), what a
// batch sends (the manifest of its tasks), the worker that runs one task on a compute node with
// the same runner as local runs, the job scripts and arrays, and how Slurm's job states map to
// EPSM's triage. Slurm does the scheduling; there is no daemon of EPSM's own on the cluster.
//
// On the cluster, a batch lives in its own folder of the target's work folder:
//
//	<work>/epsm-<batch>/manifest.jsonl      one task per line; line i is array index i
//	<work>/epsm-<batch>/inputs/<sha256>.idf models and weather files, named by content
//	<work>/epsm-<batch>/runs/<key>/         one task's run folder, with progress.json while it
//	                                        runs and result.json when it has ended
//	<work>/epsm-<batch>/slurm/<job>_<i>.out what Slurm captured of the worker
package cluster
