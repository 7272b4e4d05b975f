// Package idfdiff tells what one IDF model changes against another, object by object: the
// objects it adds and removes and, of the objects both have, each field whose value differs,
// with the field's name from its "!-" comment and its line in both files. Comments, blanks
// and line endings are not changes: EnergyPlus reads the same model from both.
//
// Objects are matched by class and first field (the name of most classes), case-insensitively
// as EnergyPlus matches names. The package knows no IDD, so it cannot tell which classes have
// no name (Version, Timestep, SimulationControl): an object that is the only one of its class
// in both files is matched with its counterpart whatever its first field, and objects that
// share a class and first field (Output:Variable with key "*") are matched identical ones
// first, then the rest in file order.
//
// Unified gives the classic line diff of the same two texts, for those who want to see the
// text itself, with a few lines of context and cut at a limit.
package idfdiff
