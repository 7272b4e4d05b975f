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
	r := s.discountRate()
	if !r.Complete {
		return r
	}
	if r.Value == 0 {
		return n
	}
	return Known((1 - math.Pow(1+r.Value, -n.Value)) / r.Value)
}

// discountRate is the rate as an Amount, so that an invalid one is a named gap in every present
// value instead of a wrong number.
func (s Settings) discountRate() Amount {
	if r := s.DiscountRate; !(r >= 0 && r < MaxDiscountRate) { // also rejects NaN
		return Unknown(fmt.Sprintf("discount rate in [0, %g)", MaxDiscountRate))
	}
	return Known(s.DiscountRate)
}
