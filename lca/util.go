package lca

import (
	"maps"
	"slices"
)

// sortedKeys gives map keys in a fixed order, so sums are added in the same order on every run
// and results are bit-for-bit reproducible.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
