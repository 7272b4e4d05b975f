package bbr

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"sort"
)

// Carrier is an energy carrier of BBR 9:12, the unit its weighting factor applies to.
type Carrier string

// The carriers BBR 29 gives weighting factors for, and OtherFuel for what it does not name
// (coal, EnergyPlus's "Other Fuel 1/2"): its factor is blank until the user sets one.
const (
	Electricity     Carrier = "electricity"
	DistrictHeating Carrier = "districtHeating"
	DistrictCooling Carrier = "districtCooling"
	Biofuel         Carrier = "biofuel"
	FossilOil       Carrier = "fossilOil"
	FossilGas       Carrier = "fossilGas"
	OtherFuel       Carrier = "otherFuel"
)

// Carriers lists every carrier in the order the window shows them.
func Carriers() []Carrier {
	return []Carrier{Electricity, DistrictHeating, DistrictCooling, Biofuel, FossilOil, FossilGas, OtherFuel}
}

// Purpose is what delivered energy is used for, as BBR 9:12 divides it.
type Purpose string

// Heating, Cooling, HotWater and PropertyElectricity count in EP_pet; household and business
// electricity do not; Excluded is for end uses that are not delivered energy (generators).
const (
	Heating              Purpose = "heating"
	Cooling              Purpose = "cooling"
	HotWater             Purpose = "hotWater"
	PropertyElectricity  Purpose = "propertyElectricity"
	HouseholdElectricity Purpose = "householdElectricity"
	BusinessElectricity  Purpose = "businessElectricity"
	Excluded             Purpose = "excluded"
)

// Purposes lists every purpose in the order the window shows them.
func Purposes() []Purpose {
	return []Purpose{Heating, Cooling, HotWater, PropertyElectricity, HouseholdElectricity, BusinessElectricity, Excluded}
}

// Counts reports whether energy for p is part of the primary energy number.
func (p Purpose) Counts() bool {
	return p == Heating || p == Cooling || p == HotWater || p == PropertyElectricity
}

// BuildingType selects the requirement EP_pet is compared with and the default mapping of
// lighting and equipment (household electricity in homes, business electricity elsewhere).
type BuildingType string

// The building types of BBR 29 table 9:2.
const (
	MultiFamily  BuildingType = "multiFamily"
	SingleFamily BuildingType = "singleFamily"
	Commercial   BuildingType = "commercial"
)

// BuildingTypes lists the types in the order the window shows them.
func BuildingTypes() []BuildingType { return []BuildingType{MultiFamily, SingleFamily, Commercial} }

// Settings are the Swedish rules' factors, shared by every model. A nil weighting factor is a
// blank the user must fill before EP_pet can be computed for a run that uses that carrier.
type Settings struct {
	Weights               map[Carrier]*float64     `json:"weights"` // primary energy weighting factor per carrier
	WeightsSource         string                   `json:"weightsSource"`
	FGeo                  float64                  `json:"fGeo"` // geographic adjustment factor of the municipality
	FGeoSource            string                   `json:"fGeoSource"`
	Requirements          map[BuildingType]float64 `json:"requirements"` // EP_pet a new building must meet, kWh/m2 per year
	RequirementsSource    string                   `json:"requirementsSource"`
	OverheatingThresholdC float64                  `json:"overheatingThresholdC"` // operative temperature, °C
	OverheatingSource     string                   `json:"overheatingSource"`
}

// Limits of the overheating threshold: the run keeps each zone's hours above every tenth of a
// degree in this range (sim.ZoneTemperatures).
const (
	MinThresholdC = 20.0
	MaxThresholdC = 40.0
)

func ptr(v float64) *float64 { return &v }

// Sources of the defaults, shown next to each input and in every export.
const (
	SourceWeights      = "BBR 29 (BFS 2020:4) 9:12: electricity 1.8, district heating 0.7, district cooling 0.6, biofuels 0.6, fossil oil 1.8, fossil gas 1.8. Other fuels have no factor in BBR: set one."
	SourceFGeo         = "BBR 29 (BFS 2020:4) 9:12, F_geo per municipality (about 0.8 in the south to 1.9 in the far north); 1.0 is Stockholm's. Set the building's municipality's value."
	SourceRequirements = "BBR 29 (BFS 2020:4) table 9:2, new buildings: multi-family houses 75, single-family houses over 130 m2 Atemp 90, commercial premises 70 kWh/m2 per year (additions for small houses and large outdoor-air flows not applied)."
	SourceOverheating  = "26 °C operative temperature in occupied hours, a threshold in common Swedish use (27 °C is also used): set your project's criterion."
	SourceClasses      = "Boverket's energy declaration rules (BFS 2007:4 with amendments, EP_pet since 2019): A <= 50 %, B <= 75 %, C <= 100 %, D <= 135 %, E <= 180 %, F <= 235 % of the requirement for a new building, G above."
)

// DefaultSettings are BBR 29's factors with their sources.
func DefaultSettings() Settings {
	return Settings{
		Weights: map[Carrier]*float64{
			Electricity: ptr(1.8), DistrictHeating: ptr(0.7), DistrictCooling: ptr(0.6),
			Biofuel: ptr(0.6), FossilOil: ptr(1.8), FossilGas: ptr(1.8), OtherFuel: nil,
		},
		WeightsSource:         SourceWeights,
		FGeo:                  1.0,
		FGeoSource:            SourceFGeo,
		Requirements:          map[BuildingType]float64{MultiFamily: 75, SingleFamily: 90, Commercial: 70},
		RequirementsSource:    SourceRequirements,
		OverheatingThresholdC: 26,
		OverheatingSource:     SourceOverheating,
	}
}

// ErrInvalidSettings is wrapped by every error Validate returns.
var ErrInvalidSettings = errors.New("invalid Swedish energy settings")

// Problem is one bad input: Field is its JSON path ("fGeo", "weights.electricity",
// "requirements.multiFamily", "overheatingThresholdC") so a form marks the input itself.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Problems lists every bad input at once.
func (s Settings) Problems() []Problem {
	var out []Problem
	bad := func(field, format string, a ...any) {
		out = append(out, Problem{Field: field, Message: fmt.Sprintf(format, a...)})
	}
	known := map[Carrier]bool{}
	for _, c := range Carriers() {
		known[c] = true
	}
	for _, c := range sortedCarriers(s.Weights) {
		if !known[c] {
			bad("weights."+string(c), "unknown energy carrier %q", c)
		}
		if w := s.Weights[c]; w != nil && !(finite(*w) && *w >= 0) {
			bad("weights."+string(c), "weighting factor %g of %s must be a number >= 0", *w, c)
		}
	}
	if !(finite(s.FGeo) && s.FGeo > 0) {
		bad("fGeo", "F_geo %g must be a number > 0 (BBR gives 0.8 to 1.9)", s.FGeo)
	}
	for _, t := range BuildingTypes() {
		if r, ok := s.Requirements[t]; ok && !(finite(r) && r > 0) {
			bad("requirements."+string(t), "requirement %g kWh/m2 for %s must be a number > 0", r, t)
		}
	}
	if !(s.OverheatingThresholdC >= MinThresholdC && s.OverheatingThresholdC <= MaxThresholdC) {
		bad("overheatingThresholdC", "overheating threshold %g °C is outside %g..%g °C", s.OverheatingThresholdC, MinThresholdC, MaxThresholdC)
	}
	return out
}

// Validate returns the Problems as one error wrapping ErrInvalidSettings; nil when none.
func (s Settings) Validate() error {
	var errs []error
	for _, p := range s.Problems() {
		errs = append(errs, fmt.Errorf("%w: %s", ErrInvalidSettings, p.Message))
	}
	return errors.Join(errs...)
}

// WithDefaults fills what a stored Settings lacks (a factor added in a later version) from
// DefaultSettings, keeping every value the user set, blanks included.
func (s Settings) WithDefaults() Settings {
	d := DefaultSettings()
	s.Weights = fillMissing(s.Weights, d.Weights)
	if s.FGeo == 0 {
		s.FGeo = d.FGeo
	}
	s.Requirements = fillMissing(s.Requirements, d.Requirements)
	if s.OverheatingThresholdC == 0 {
		s.OverheatingThresholdC = d.OverheatingThresholdC
	}
	for _, f := range []struct {
		v *string
		d string
	}{
		{&s.WeightsSource, d.WeightsSource}, {&s.FGeoSource, d.FGeoSource},
		{&s.RequirementsSource, d.RequirementsSource}, {&s.OverheatingSource, d.OverheatingSource},
	} {
		if *f.v == "" {
			*f.v = f.d
		}
	}
	return s
}

// fillMissing returns m with the keys of defaults it lacks, keeping every value m has (nil ones
// too). m itself is left alone, since it is the caller's; when it lacks nothing (settings that
// already had their defaults, as every row of a study table does) it is returned as it is.
func fillMissing[K comparable, V any](m, defaults map[K]V) map[K]V {
	var out map[K]V
	for k, v := range defaults {
		if _, ok := m[k]; ok {
			continue
		}
		if out == nil {
			out = make(map[K]V, len(m)+len(defaults))
			maps.Copy(out, m)
		}
		out[k] = v
	}
	if out == nil {
		return m
	}
	return out
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func sortedCarriers(m map[Carrier]*float64) []Carrier {
	out := make([]Carrier, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
