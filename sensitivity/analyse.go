package sensitivity

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
)

// Effect is what the elementary effects say about one factor. An elementary effect is the change
// of the output when the factor alone moves up by delta in [0,1], divided by delta: for an output
// linear in the factor's own units it is the slope times the factor's range.
type Effect struct {
	Factor string `json:"factor"`
	// Mu is the mean effect; effects of opposite signs cancel in it.
	Mu float64 `json:"mu"`
	// MuStar is the mean absolute effect (Campolongo et al. 2007): how much the factor matters.
	MuStar float64 `json:"muStar"`
	// Sigma is the sample standard deviation of the effects: above zero when the factor's effect
	// depends on where it is (nonlinear) or on the other factors (interactions).
	Sigma float64 `json:"sigma"`
	// Effects is how many elementary effects went into the figures; Dropped how many could not be
	// computed because a run they need has no output. With no effects the figures are NaN, with
	// one Sigma is NaN.
	Effects int `json:"effects"`
	Dropped int `json:"dropped"`
}

// Analyse computes each factor's effects from the outputs of the design's points, given in the
// order of Design.Points. A missing output (NaN or infinite: a failed run) drops only the two
// effects next to it on its trajectory.
func Analyse(design Design, outputs []float64) ([]Effect, error) {
	k := len(design.Factors)
	if want := len(design.Trajectories) * (k + 1); len(outputs) != want {
		return nil, fmt.Errorf("sensitivity: %d outputs for a design of %d runs", len(outputs), want)
	}
	if design.Levels < 2 || design.Delta <= 0 {
		return nil, fmt.Errorf("sensitivity: design has %d levels and delta %g: not a Morris design", design.Levels, design.Delta)
	}
	effects := make([][]float64, k)
	dropped := make([]int, k)
	for t, trajectory := range design.Trajectories {
		if len(trajectory) != k+1 {
			return nil, fmt.Errorf("sensitivity: trajectory %d has %d points, want %d", t+1, len(trajectory), k+1)
		}
		y := outputs[t*(k+1) : (t+1)*(k+1)]
		for j := 1; j <= k; j++ {
			factor, up, err := design.move(trajectory[j-1], trajectory[j])
			if err != nil {
				return nil, fmt.Errorf("sensitivity: trajectory %d, step %d: %w", t+1, j, err)
			}
			if !finite(y[j-1]) || !finite(y[j]) {
				dropped[factor]++
				continue
			}
			change := y[j] - y[j-1]
			if !up {
				change = -change
			}
			effects[factor] = append(effects[factor], change/design.Delta)
		}
	}
	result := make([]Effect, k)
	for i, f := range design.Factors {
		result[i] = summarise(f.Name, effects[i])
		result[i].Dropped = dropped[i]
	}
	return result, nil
}

// move finds the one factor that changes between two consecutive points and whether it goes up.
// It reads the levels rather than trusting the generator, so a design read back from storage is
// checked before it is analysed.
func (d Design) move(from, to Point) (factor int, up bool, err error) {
	k := len(d.Factors)
	if len(from.Levels) != k || len(to.Levels) != k {
		return 0, false, fmt.Errorf("point has %d levels for %d factors", len(to.Levels), k)
	}
	factor = -1
	for i := range k {
		diff := to.Levels[i] - from.Levels[i]
		if math.Abs(diff) < d.Delta/2 {
			continue
		}
		if factor >= 0 {
			return 0, false, fmt.Errorf("factors %q and %q both move", d.Factors[factor].Name, d.Factors[i].Name)
		}
		if math.Abs(math.Abs(diff)-d.Delta) > 1e-9 {
			return 0, false, fmt.Errorf("factor %q moves by %g, not by delta %g", d.Factors[i].Name, diff, d.Delta)
		}
		factor, up = i, diff > 0
	}
	if factor < 0 {
		return 0, false, fmt.Errorf("no factor moves")
	}
	return factor, up, nil
}

func summarise(name string, effects []float64) Effect {
	e := Effect{Factor: name, Effects: len(effects), Mu: math.NaN(), MuStar: math.NaN(), Sigma: math.NaN()}
	if len(effects) == 0 {
		return e
	}
	abs := make([]float64, len(effects))
	for i, v := range effects {
		abs[i] = math.Abs(v)
	}
	e.Mu = stat.Mean(effects, nil)
	e.MuStar = stat.Mean(abs, nil)
	if len(effects) > 1 {
		e.Sigma = stat.StdDev(effects, nil)
	}
	return e
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
