package lca

import (
	"fmt"
	"math"
)

// Component is a renovation measure that wears out before the analysis period ends (a heat
// recovery unit, PV panels, a heat pump, fans), so its cost and carbon recur.
//
// It is installed at year 0 and replaced at the end of every service life that ends strictly
// inside the period: years L, 2L, ... < N (L need not be whole: 12.5 gives 12.5, 25, ...). Each
// replacement costs the same Investment in today's money (real prices), discounted as year t:
// /(1+r)^t. At year N the last installation's remaining life is worth Investment × remaining / L
// (straight line, as EN 15459-1 does), discounted as year N and subtracted from the life-cycle
// cost. Each replacement emits the same EmbodiedKgCO2e, undiscounted, and the remaining life earns
// no carbon credit: EN 15978 counts replacements in module B4 and nothing for life left at the end.
//
// A nil LifeYears is a blank, never "lasts forever": the replacement and residual figures are
// then missing and name the component.
type Component struct {
	Name           string   `json:"name"`
	Investment     Amount   `json:"investment"`
	EmbodiedKgCO2e Amount   `json:"embodiedKgCO2e"`
	LifeYears      *float64 `json:"lifeYears"`
}

// componentTotals are the components' figures summed over all of them.
type componentTotals struct {
	investment, embodied           Amount // first installation, year 0
	replacementCost, residualValue Amount // present values
	replacementKgCO2e              Amount
}

func sumComponents(cs []Component, s Settings) componentTotals {
	t := componentTotals{Known(0), Known(0), Known(0), Known(0), Known(0)}
	for i, c := range cs {
		name := c.Name
		if name == "" {
			name = fmt.Sprintf("component %d", i+1) // a reason must name something the user can find
		}
		investment := checked(c.Investment, name+": investment cost")
		embodied := checked(c.EmbodiedKgCO2e, name+": embodied carbon")
		count, costFactor, residualFactor := s.replacements(c.LifeYears, name)
		t.investment = t.investment.Add(investment)
		t.embodied = t.embodied.Add(embodied)
		t.replacementCost = t.replacementCost.Add(investment.Mul(costFactor))
		t.residualValue = t.residualValue.Add(investment.Mul(residualFactor))
		t.replacementKgCO2e = t.replacementKgCO2e.Add(embodied.Mul(count))
	}
	return t
}

// replacements gives, for a service life, how many replacements fall inside the period, what
// they are worth today per unit of investment, and what the life left at year N is worth today
// per unit of investment.
func (s Settings) replacements(lifeYears *float64, name string) (count, costFactor, residualFactor Amount) {
	life, period := serviceLife(lifeYears, name), s.periodYears()
	if !life.Complete || !period.Complete {
		gap := Amount{Missing: mergeMissing(life.Missing, period.Missing)}
		return gap, gap, gap
	}
	L, N := life.Value, period.Value
	// Installations needed to cover the period. A life that divides the period ends with it
	// (no replacement in year N, no residual), even when N/L is off by a rounding error.
	q := N / L
	if whole := math.Round(q); math.Abs(q-whole) <= 1e-9*q {
		q = whole
	}
	m := math.Ceil(q) - 1 // replacements at L, 2L, ..., mL < N
	left := math.Ceil(q) - q
	if !isFinite(m) { // a life so short the count overflows
		gap := Unknown(name + ": " + OutOfRange)
		return gap, gap, gap
	}
	count = Known(m)
	rate := s.discountRate()
	if !rate.Complete {
		return count, rate, rate
	}
	if rate.Value == 0 {
		return count, count, Known(left)
	}
	// Sum over k=1..m of (1+r)^-kL, a geometric series: (1 - (1+r)^-mL) / ((1+r)^L - 1). Expm1 and
	// Log1p keep it accurate for a tiny rate, where 1+r rounds and the plain form would be 0/0.
	g := math.Log1p(rate.Value)
	costFactor = Known(-math.Expm1(-m*L*g) / math.Expm1(L*g))
	return count, costFactor, Known(left * math.Pow(1+rate.Value, -N))
}

// serviceLife is a component's life in years as an Amount: blank, zero, negative or non-finite
// lives are gaps named after the component, since a replacement every 0 years has no meaning.
func serviceLife(lifeYears *float64, name string) Amount {
	switch {
	case lifeYears == nil:
		return Unknown(name + ": service life missing")
	case !isFinite(*lifeYears) || *lifeYears <= 0:
		return Unknown(fmt.Sprintf("%s: service life %g years is not a number > 0", name, *lifeYears))
	}
	return Known(*lifeYears)
}
