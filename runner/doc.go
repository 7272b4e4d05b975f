// Package runner runs EnergyPlus: it finds installed engines, prepares a run directory with a
// copy of the model, starts the engine through package launch (its own process tree, killed
// on cancel), turns its output lines into progress, watches eplusout.err while the run goes
// on, triages the outcome and extracts the results from eplusout.sql. It knows nothing of the
// UI or the store: callers get updates through callbacks.
package runner
