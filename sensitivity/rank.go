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
	ranked := slices.Clone(effects)
	slices.SortStableFunc(ranked, func(a, b Effect) int {
		switch an, bn := math.IsNaN(a.MuStar), math.IsNaN(b.MuStar); {
		case an && bn:
			return 0
		case an:
			return 1
		case bn:
			return -1
		}
		return cmp.Compare(b.MuStar, a.MuStar)
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
