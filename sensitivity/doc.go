// Package sensitivity screens which inputs of a study matter, with Morris's elementary effects
// (Morris 1991) and the mean of their absolute values, mu* (Campolongo, Cariboni and Saltelli
// 2007).
//
// It works in two steps because each design point is an EnergyPlus run that goes through the
// queue: Design lays out the points to run, and Analyse turns the outputs, in the same order,
// into each factor's mu, mu* and sigma. A run that failed is passed as NaN and costs only the
// elementary effects that need it.
//
// It is pure: numbers in, numbers out, no I/O.
package sensitivity
