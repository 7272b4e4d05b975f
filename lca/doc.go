// Package lca turns a run's annual delivered energy and a variant's embodied carbon and
// investment into life-cycle carbon and cost, savings against the baseline and paybacks, and
// finds the Pareto-optimal variants among the results.
//
// It is pure: numbers in, numbers out, no I/O. Every figure is an Amount that says whether it is
// complete and, when it is not, which inputs are missing: a blank input is never read as zero.
package lca
