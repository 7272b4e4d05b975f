// Package sensitivity finds which inputs of a study matter: it screens them with Morris's
// elementary effects (Morris 1991) and the mean of their absolute values, mu* (Campolongo, Cariboni
// and Saltelli 2007), and, where the run budget allows, measures their variance-based (Sobol')
// indices.
//
// It works in two steps because each design point is an EnergyPlus run that goes through the
// queue: Design lays out the points to run, and Analyse turns the outputs, in the same order,
// into each factor's mu, mu* and sigma. A run that failed is passed as NaN and costs only the
// elementary effects that need it.
//
// Sobol' indices say how much of the output's variance each factor causes: alone (first order,
// S1) and together with the others (total, ST). They are what Morris's ranking cannot give, a
// share that can be compared across factors and studies, and the part of a factor's effect that
// is interaction (ST - S1). They cost more: NewSobolDesign lays out Saltelli's scheme of N(k+2)
// runs for k factors (SobolRuns), against r(k+1) for Morris, and the indices need N in the
// hundreds to be sharp (N = 64, the default, gives intervals of about ±0.2; N = 1024 about
// ±0.05), where Morris ranks with r = 10. So screen first with Morris, and spend a Sobol'
// design on the few factors that matter. AnalyseSobol gives each factor's S1 and ST with
// bootstrap confidence intervals; failed runs drop their base row from the factors that need it.
//
// It is pure: numbers in, numbers out, no I/O.
package sensitivity
