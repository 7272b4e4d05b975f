// Package launch is the only place in the app's non-test code that starts a child process.
//
// Everything the app runs (EnergyPlus, the `--version` probe of a candidate engine, EPMacro,
// NREL's transition updaters) goes through Run or Output, so the guarantees that matter are
// kept in one place and checked by one static test (internal/securitycheck):
//
//   - the program is a path and its arguments a list: there is no shell;
//   - its stdout and stderr share one pipe, so lines keep their order, and each line is
//     bounded (a program printing without newlines cannot grow the app's memory);
//   - it runs as the head of its own process tree (a process group on unix, a job object on
//     Windows), and cancelling the context ends the whole tree, not only the first process;
//   - on Linux the kernel kills it if the app dies (parent-death signal), on Windows the job
//     closes with the app and takes the tree with it;
//   - every process ends with exactly one Exit;
//   - its Identity (pid plus an OS-specific start stamp) can be recorded, so that after a
//     crash of the app StopSurvivor ends an engine that outlived it, and never an unrelated
//     process that happens to reuse the pid.
package launch
