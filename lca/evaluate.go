package lca

// Inputs are what Evaluate needs about one variant (or the baseline).
type Inputs struct {
	EnergyKWh      float64            `json:"energyKWh"` // annual total site energy
	ByFuel         map[string]float64 `json:"byFuel"`    // annual delivered energy, kWh, by End Uses column
	EmbodiedKgCO2e Amount             `json:"embodiedKgCO2e"`
	InvestmentCost Amount             `json:"investmentCost"`
	// Components are the measures with a service life, replaced within the analysis period;
	// EmbodiedKgCO2e and InvestmentCost above are paid once and last the whole period.
	Components []Component `json:"components,omitempty"`
	// Unchanged marks the baseline itself: nothing is renovated, so embodied carbon, investment
	// and components are exactly zero whatever the fields above hold.
	Unchanged bool `json:"unchanged"`
}

// Result is every carbon and cost figure of one variant. Carbon in kg CO2e, money in Currency.
// Each figure carries its own completeness.
type Result struct {
	Unchanged           bool    `json:"unchanged"` // the baseline: show "unchanged", not "zero-carbon"
	Currency            string  `json:"currency"`
	AnalysisPeriodYears int     `json:"analysisPeriodYears"`
	DiscountRate        float64 `json:"discountRate"`

	// omitzero: the window's copy of a big study table leaves out the figures it never shows.
	AnnualEnergyKWh          Amount `json:"annualEnergyKWh,omitzero"`
	OperationalKgCO2ePerYear Amount `json:"operationalKgCO2ePerYear"`
	OperationalKgCO2e        Amount `json:"operationalKgCO2e,omitzero"` // over the analysis period, undiscounted
	EmbodiedKgCO2e           Amount `json:"embodiedKgCO2e"`             // year 0, components' first installation included
	ReplacementKgCO2e        Amount `json:"replacementKgCO2e,omitzero"` // components replaced within the period (EN 15978 B4)
	LifeCycleKgCO2e          Amount `json:"lifeCycleKgCO2e"`            // operational over the period + embodied + replacements

	EnergyCostPerYear      Amount `json:"energyCostPerYear"`
	EnergyCostPresentValue Amount `json:"energyCostPresentValue,omitzero"` // over the period, discounted
	InvestmentCost         Amount `json:"investmentCost"`                  // year 0, components' first installation included
	ReplacementCost        Amount `json:"replacementCost,omitzero"`        // components replaced within the period, discounted
	ResidualValue          Amount `json:"residualValue,omitzero"`          // components' life left at the end, discounted; subtracted
	LifeCycleCost          Amount `json:"lifeCycleCost"`                   // investment + replacements - residual + discounted energy cost

	Savings       Savings `json:"savings,omitzero"`
	SimplePayback Payback `json:"simplePayback"` // years
	CarbonPayback Payback `json:"carbonPayback"` // years
}

// Evaluate computes a variant's life-cycle carbon and cost and compares it with the baseline.
// Savings are baseline minus variant, so positive means better than the baseline.
//
// Paybacks use the variant's extra investment (or embodied carbon) over the baseline's, which is
// the variant's own when the baseline is Unchanged: simple payback = extra investment / annual
// energy cost saving (undiscounted, as a simple payback is); carbon payback = extra embodied
// carbon / annual operational carbon saving.
func Evaluate(v Inputs, baseline Inputs, s Settings) Result {
	rv, rb := figures(v, s), figures(baseline, s)
	rv.Savings = Savings{
		EnergyKWh:                saving(rb.AnnualEnergyKWh, rv.AnnualEnergyKWh),
		OperationalKgCO2ePerYear: saving(rb.OperationalKgCO2ePerYear, rv.OperationalKgCO2ePerYear),
		EnergyCostPerYear:        saving(rb.EnergyCostPerYear, rv.EnergyCostPerYear),
		LifeCycleKgCO2e:          saving(rb.LifeCycleKgCO2e, rv.LifeCycleKgCO2e),
		LifeCycleCost:            saving(rb.LifeCycleCost, rv.LifeCycleCost),
	}
	if v.Unchanged {
		rv.SimplePayback = noPayback(ReasonBaseline)
		rv.CarbonPayback = noPayback(ReasonBaseline)
	} else {
		rv.SimplePayback = payback(rv.InvestmentCost.Sub(rb.InvestmentCost), rv.Savings.EnergyCostPerYear.Amount,
			ReasonNoCostSaving, s.periodYears())
		rv.CarbonPayback = payback(rv.EmbodiedKgCO2e.Sub(rb.EmbodiedKgCO2e), rv.Savings.OperationalKgCO2ePerYear.Amount,
			ReasonNoCarbonSaving, s.periodYears())
	}
	return rv
}

// figures is everything about one set of Inputs that does not need the baseline.
func figures(in Inputs, s Settings) Result {
	r := Result{
		Unchanged:           in.Unchanged,
		Currency:            s.Currency,
		AnalysisPeriodYears: s.AnalysisPeriodYears,
		DiscountRate:        s.DiscountRate,
		AnnualEnergyKWh:     checked(Known(in.EnergyKWh), "annual energy use"),
	}
	if !isFinite(r.DiscountRate) {
		r.DiscountRate = 0 // the cost figures already say the rate is missing; keep the JSON valid
	}
	r.OperationalKgCO2ePerYear, r.EnergyCostPerYear = Operational(in.ByFuel, s)
	r.OperationalKgCO2e = r.OperationalKgCO2ePerYear.Mul(s.periodYears())
	r.EnergyCostPresentValue = r.EnergyCostPerYear.Mul(s.presentValueFactor())
	if in.Unchanged {
		r.EmbodiedKgCO2e, r.InvestmentCost = Known(0), Known(0)
		r.ReplacementKgCO2e, r.ReplacementCost, r.ResidualValue = Known(0), Known(0), Known(0)
	} else {
		c := sumComponents(in.Components, s)
		r.EmbodiedKgCO2e = checked(in.EmbodiedKgCO2e, "embodied carbon").Add(c.embodied)
		r.InvestmentCost = checked(in.InvestmentCost, "investment cost").Add(c.investment)
		r.ReplacementKgCO2e, r.ReplacementCost, r.ResidualValue = c.replacementKgCO2e, c.replacementCost, c.residualValue
	}
	r.LifeCycleKgCO2e = r.OperationalKgCO2e.Add(r.EmbodiedKgCO2e).Add(r.ReplacementKgCO2e)
	r.LifeCycleCost = r.InvestmentCost.Add(r.ReplacementCost).Sub(r.ResidualValue).Add(r.EnergyCostPresentValue)
	return r
}
