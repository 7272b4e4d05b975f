package lca

import (
	"fmt"
	"math"
)

// presentValueFactor is what a constant annual cost paid at the end of each of the N years is
// worth today at real rate r: sum over t=1..N of 1/(1+r)^t = (1 - (1+r)^-N) / r, and N at r = 0.
func (s Settings) presentValueFactor() Amount {
	n := s.periodYears()
	if !n.Complete {
		return n
	}
	r := s.DiscountRate
	if !(r >= 0 && r < MaxDiscountRate) {
		return Unknown(fmt.Sprintf("discount rate in [0, %g)", MaxDiscountRate))
	}
	if r == 0 {
		return n
	}
	return Known((1 - math.Pow(1+r, -n.Value)) / r)
}
