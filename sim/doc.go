// Package sim is the small vocabulary every layer shares about one simulation: its status, its
// progress, how it ended (with a typed failure kind), its results and the engine that ran it.
// The runner produces these values, the store persists them and the services send them to the
// window; none of those packages needs another's types to talk about a run.
package sim
