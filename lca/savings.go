package lca

import "math"

// Savings of a variant against the baseline: baseline minus variant, positive = better.
type Savings struct {
	EnergyKWh                Saving `json:"energyKWh"`
	OperationalKgCO2ePerYear Saving `json:"operationalKgCO2ePerYear"`
	EnergyCostPerYear        Saving `json:"energyCostPerYear"`
	LifeCycleKgCO2e          Saving `json:"lifeCycleKgCO2e"`
	LifeCycleCost            Saving `json:"lifeCycleCost"`
}

// Saving is an absolute saving with its percentage of the baseline. Percent is null when it has no
// meaning (a zero baseline), cannot be known yet (incomplete) or overflows: PercentReasonCode
// says which, PercentReason says it in words.
type Saving struct {
	Amount
	Percent           *float64   `json:"percent"`
	PercentReason     string     `json:"percentReason,omitempty"`
	PercentReasonCode ReasonCode `json:"percentReasonCode,omitempty"`
}

// ReasonCode says why a percentage or a payback is null. Code (the export, the window) decides
// by it; the sentence (Sentence) is for people to read.
type ReasonCode string

const (
	ReasonIncomplete     ReasonCode = "incomplete"
	ReasonZeroBaseline   ReasonCode = "zero-baseline"
	ReasonBaseline       ReasonCode = "baseline"
	ReasonNoCostSaving   ReasonCode = "no-cost-saving"
	ReasonNoCarbonSaving ReasonCode = "no-carbon-saving"
	ReasonTooLong        ReasonCode = "too-long"
	ReasonOutOfRange     ReasonCode = "out-of-range"
)

var reasonSentences = map[ReasonCode]string{
	ReasonIncomplete:     "incomplete",
	ReasonZeroBaseline:   "baseline is zero",
	ReasonBaseline:       "baseline: nothing to pay back",
	ReasonNoCostSaving:   "no annual energy cost saving: never pays back",
	ReasonNoCarbonSaving: "no annual operational carbon saving: never pays back",
	ReasonTooLong:        "saving too small to pay back in a representable time",
	ReasonOutOfRange:     "percentage too large to represent",
}

// Sentence is the reason in words, for display.
func (c ReasonCode) Sentence() string { return reasonSentences[c] }

// AllReasonCodes feeds Wails's EnumBind, which generates the TypeScript enum the window uses.
var AllReasonCodes = []struct {
	Value  ReasonCode
	TSName string
}{
	{ReasonIncomplete, "Incomplete"},
	{ReasonZeroBaseline, "ZeroBaseline"},
	{ReasonBaseline, "Baseline"},
	{ReasonNoCostSaving, "NoCostSaving"},
	{ReasonNoCarbonSaving, "NoCarbonSaving"},
	{ReasonTooLong, "TooLong"},
	{ReasonOutOfRange, "OutOfRange"},
}

func (s *Saving) noPercent(c ReasonCode) { s.PercentReason, s.PercentReasonCode = c.Sentence(), c }

func saving(baseline, variant Amount) Saving {
	s := Saving{Amount: baseline.Sub(variant)}
	switch {
	case !s.Complete:
		s.noPercent(ReasonIncomplete)
	case baseline.Value == 0:
		s.noPercent(ReasonZeroBaseline)
	default:
		// Divide by the magnitude so that the sign of the percentage is the sign of the saving,
		// even for a baseline that is negative (a net exporter of energy).
		p := s.Value / math.Abs(baseline.Value) * 100
		if !isFinite(p) {
			s.noPercent(ReasonOutOfRange)
			break
		}
		s.Percent = &p
	}
	return s
}

// Payback is a payback time in years, or null with a reason (ReasonCode, and Reason in words): a
// saving that is zero or negative never pays back, and JSON has no Inf.
type Payback struct {
	Years      *float64   `json:"years"`
	Reason     string     `json:"reason,omitempty"`
	ReasonCode ReasonCode `json:"reasonCode,omitempty"`
	Complete   bool       `json:"complete"`
	Missing    []string   `json:"missing,omitempty"`
	// BeyondPeriod is true when the payback takes longer than the analysis period.
	BeyondPeriod bool `json:"beyondPeriod"`
}

func noPayback(c ReasonCode) Payback {
	return Payback{Reason: c.Sentence(), ReasonCode: c, Complete: true}
}

// payback is extra / annualSaving. A known non-positive saving is a definite answer ("never")
// even when the extra investment is still missing, because no investment changes it. An extra
// investment of zero or less with a positive saving pays back at once: 0 years.
func payback(extra, annualSaving Amount, noSaving ReasonCode, period Amount) Payback {
	if annualSaving.Complete && annualSaving.Value <= 0 {
		return noPayback(noSaving)
	}
	if !extra.Complete || !annualSaving.Complete {
		return Payback{Reason: ReasonIncomplete.Sentence(), ReasonCode: ReasonIncomplete, Missing: mergeMissing(extra.Missing, annualSaving.Missing)}
	}
	years := math.Max(extra.Value, 0) / annualSaving.Value
	if !isFinite(years) {
		return noPayback(ReasonTooLong)
	}
	return Payback{Years: &years, Complete: true, BeyondPeriod: period.Complete && years > period.Value}
}
