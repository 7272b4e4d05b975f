// Package optimize is NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002) for EPSM's studies:
// a multi-objective genetic search over mixed decision vectors (discrete choices among a
// renovation's options, continuous ranges) with 2 or 3 minimised objectives and constraints.
//
// Each candidate costs an EnergyPlus run, so the API is ask/tell by generation rather than a
// callback per point: Ask returns a whole generation to put on the queue, Tell takes its
// results in the same order. Between the two the optimiser holds nothing the caller cannot
// save: State is plain JSON and Restore continues exactly where it stopped, so a study
// survives an app restart.
//
// Determinism: the random numbers of generation g come from a PCG source seeded with
// (Settings.Seed, g), never from the global source, so a seed fixes every candidate and a
// restored optimiser needs no generator state.
//
// Operators: simulated binary crossover (SBX) and polynomial mutation, both in Deb's bounded
// form, for continuous variables; uniform crossover and random-reset mutation for discrete
// ones. Discrete options in EPSM are categories (a window product, an insulation material), so
// their index order means nothing; integer SBX would treat option 3 as "between" 2 and 4 and
// bias the search towards neighbours that are not alike.
//
// Duplicates: nothing stops a generation from containing a candidate evaluated before (or
// twice in the same batch), especially with discrete variables; the caller is expected to cache
// results by Candidate.Key and not simulate the same variant twice.
//
// It is pure: no I/O, no goroutines.
package optimize
