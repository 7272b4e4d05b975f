// Package study turns a renovation scenario into variants: the options per element (keep the
// existing construction or use one from the library), sampled as a full factorial, a list of
// hand-picked packages, a Latin hypercube or a Sobol sequence; each variant with a stable id
// and a readable name, and its IDF written with the library's real properties on the exterior
// surfaces only.
package study
