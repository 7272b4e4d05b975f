package cluster

import "fmt"

// Array is one Slurm job array of a batch: the tasks Offset .. Offset+Count-1 of its
// manifest, submitted as array indexes 0 .. Count-1 (the job script adds the offset).
type Array struct {
	Offset, Count int
}

// Indexes is sbatch's --array value, with the throttle (%N) when maxParallel > 0.
func (a Array) Indexes(maxParallel int) string {
	s := fmt.Sprintf("0-%d", a.Count-1)
	if maxParallel > 0 {
		s += fmt.Sprintf("%%%d", maxParallel)
	}
	return s
}

// SplitArrays cuts n tasks into arrays the cluster accepts: array indexes must be below
// MaxArraySize (Slurm's limit; 1001 by default, sites set 1,000-10,000).
func SplitArrays(n, maxArraySize int) []Array {
	if maxArraySize < 1 {
		maxArraySize = 1001
	}
	per := maxArraySize // indexes 0 .. MaxArraySize-1: MaxArraySize tasks
	var out []Array
	for off := 0; off < n; off += per {
		out = append(out, Array{Offset: off, Count: min(per, n-off)})
	}
	return out
}
