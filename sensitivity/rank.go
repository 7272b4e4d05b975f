package sensitivity

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// MattersShare is the share of the largest mu* from which Summary names a factor as one that
// matters: screening separates the few factors worth a closer study from the rest, not a precise
// order among the small ones.
const MattersShare = 0.1

// Ranked returns the effects ordered by mu*, largest first; factors without any effect come last.
// The input is left as it was.
func Ranked(effects []Effect) []Effect {
	return rankedBy(effects, func(e Effect) float64 { return e.MuStar })
}

// rankedBy orders a copy of items by size, largest first and NaN last, keeping ties in order.
func rankedBy[T any](items []T, size func(T) float64) []T {
	ranked := slices.Clone(items)
	slices.SortStableFunc(ranked, func(a, b T) int {
		as, bs := size(a), size(b)
		switch an, bn := math.IsNaN(as), math.IsNaN(bs); {
		case an && bn:
			return 0
		case an:
			return 1
		case bn:
			return -1
		}
		return cmp.Compare(bs, as)
	})
	return ranked
}

// Matter returns, by rank, the factors whose mu* is at least share of the largest mu*. It is empty
// when no factor changes the output.
func Matter(effects []Effect, share float64) []Effect {
	ranked := Ranked(effects)
	if len(ranked) == 0 || math.IsNaN(ranked[0].MuStar) || ranked[0].MuStar == 0 {
		return nil
	}
	threshold := share * ranked[0].MuStar
	end := 0
	for end < len(ranked) && ranked[end].MuStar >= threshold {
		end++
	}
	return ranked[:end]
}

// Summary is one line for the app naming the factors that matter most (mu* at least MattersShare
// of the largest), e.g. "Matters most: wall insulation (mu* 41.2), window (mu* 12); 3 other factors
// below 10% of wall insulation."
func Summary(effects []Effect) string {
	matter := Matter(effects, MattersShare)
	unranked := 0
	for _, e := range effects {
		if e.Effects == 0 {
			unranked++
		}
	}
	if len(matter) == 0 {
		if unranked == len(effects) {
			return "No factor could be ranked: the runs its effects need have no output."
		}
		return "No factor changes the output."
	}
	names := make([]string, len(matter))
	for i, e := range matter {
		names[i] = fmt.Sprintf("%s (mu* %.3g)", e.Factor, e.MuStar)
	}
	line := "Matters most: " + strings.Join(names, ", ")
	if rest := len(effects) - len(matter) - unranked; rest > 0 {
		line += fmt.Sprintf("; %d other %s below %.0f%% of %s", rest, plural(rest, "factor"), MattersShare*100, matter[0].Factor)
	}
	if unranked > 0 {
		line += fmt.Sprintf("; %d %s not ranked (no output for the runs needed)", unranked, plural(unranked, "factor"))
	}
	return line + "."
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// SobolShareNamed is the total index from which SobolSummary names a factor: a factor below it
// takes part in less than 5 % of the output's variance and can usually be fixed anywhere in its
// range.
const SobolShareNamed = 0.05

// RankedSobol returns the indices ordered by total index, largest first; factors without figures
// come last. The input is left as it was.
func RankedSobol(indices []SobolIndex) []SobolIndex {
	return rankedBy(indices, func(s SobolIndex) float64 { return s.ST })
}

// SobolSummary is one line for the app naming the factors with the largest total index (at least
// SobolShareNamed), e.g. "Total effect largest: wall insulation (ST 0.62), heat recovery (0.31);
// 2 other factors below 0.05."
func SobolSummary(indices []SobolIndex) string {
	ranked := RankedSobol(indices)
	unranked := 0
	for _, s := range ranked {
		if math.IsNaN(s.ST) {
			unranked++
		}
	}
	ranked = ranked[:len(ranked)-unranked]
	if len(ranked) == 0 {
		return "No factor could be ranked: too few runs have an output."
	}
	named := 0
	for named < len(ranked) && ranked[named].ST >= SobolShareNamed {
		named++
	}
	var line string
	switch {
	case ranked[0].ST == 0:
		line = "No factor changes the output"
	case named == 0:
		line = fmt.Sprintf("No factor has a total effect of %.2g or more; largest: %s (ST %.2f)", SobolShareNamed, ranked[0].Factor, ranked[0].ST)
		named = 1
	default:
		names := make([]string, named)
		for i, s := range ranked[:named] {
			if i == 0 {
				names[i] = fmt.Sprintf("%s (ST %.2f)", s.Factor, s.ST)
			} else {
				names[i] = fmt.Sprintf("%s (%.2f)", s.Factor, s.ST)
			}
		}
		line = "Total effect largest: " + strings.Join(names, ", ")
	}
	if rest := len(ranked) - named; rest > 0 && ranked[0].ST != 0 {
		line += fmt.Sprintf("; %d other %s below %.2g", rest, plural(rest, "factor"), SobolShareNamed)
	}
	if unranked > 0 {
		line += fmt.Sprintf("; %d %s not ranked (too few runs with an output)", unranked, plural(unranked, "factor"))
	}
	return line + "."
}
