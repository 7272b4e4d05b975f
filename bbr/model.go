package bbr

import (
	"fmt"
	"sort"
	"strings"
)

// EnergyPlus's End Uses rows (AnnualBuildingUtilityPerformanceSummary), as sim.EndUse names them.
var endUses = []string{
	"Heating", "Cooling", "Interior Lighting", "Exterior Lighting", "Interior Equipment",
	"Exterior Equipment", "Fans", "Pumps", "Heat Rejection", "Humidification", "Heat Recovery",
	"Water Systems", "Refrigeration", "Generators",
}

// EnergyPlus's fuel columns of the same table, and the carrier each is delivered as by default.
var fuelCarriers = []struct {
	fuel    string
	carrier Carrier
}{
	{"Electricity", Electricity},
	{"District Heating Water", DistrictHeating}, {"District Heating Steam", DistrictHeating},
	{"District Cooling", DistrictCooling},
	{"Natural Gas", FossilGas}, {"Propane", FossilGas},
	{"Fuel Oil No 1", FossilOil}, {"Fuel Oil No 2", FossilOil}, {"Diesel", FossilOil}, {"Gasoline", FossilOil},
	{"Coal", OtherFuel}, {"Other Fuel 1", OtherFuel}, {"Other Fuel 2", OtherFuel},
}

// EndUses lists EnergyPlus's end uses in its table's order.
func EndUses() []string { return append([]string(nil), endUses...) }

// Fuels lists EnergyPlus's fuels in its table's order.
func Fuels() []string {
	out := make([]string, len(fuelCarriers))
	for i, f := range fuelCarriers {
		out[i] = f.fuel
	}
	return out
}

// Mapping says how a model's EnergyPlus results become BBR's terms: each fuel column is
// delivered as a carrier, each end use serves a purpose. It is a choice the user sees and may
// change per model (lighting is household electricity in a home, business electricity in an
// office, and property electricity in a stairwell).
type Mapping struct {
	Carriers map[string]Carrier `json:"carriers"` // EnergyPlus fuel -> carrier
	Purposes map[string]Purpose `json:"purposes"` // EnergyPlus end use -> purpose
}

// DefaultMapping is the mapping for a building type: heating, cooling and water systems as
// themselves; fans, pumps, heat rejection, humidification, heat recovery and everything outdoors
// as property electricity; interior lighting and equipment as household electricity in homes
// and business electricity elsewhere, as is refrigeration; generators left out.
func DefaultMapping(t BuildingType) Mapping {
	m := Mapping{Carriers: map[string]Carrier{}, Purposes: map[string]Purpose{}}
	for _, f := range fuelCarriers {
		m.Carriers[f.fuel] = f.carrier
	}
	occupants := BusinessElectricity
	if t == MultiFamily || t == SingleFamily {
		occupants = HouseholdElectricity
	}
	for _, e := range endUses {
		switch e {
		case "Heating":
			m.Purposes[e] = Heating
		case "Cooling":
			m.Purposes[e] = Cooling
		case "Water Systems":
			m.Purposes[e] = HotWater
		case "Interior Lighting", "Interior Equipment", "Refrigeration":
			m.Purposes[e] = occupants
		case "Generators":
			m.Purposes[e] = Excluded
		default:
			m.Purposes[e] = PropertyElectricity
		}
	}
	return m
}

// ModelSettings are a model's own inputs. A study's variants use their base model's.
type ModelSettings struct {
	// AtempM2 is the heated floor area the user entered; nil means EnergyPlus's conditioned
	// floor area stands in for it, labelled as such.
	AtempM2      *float64     `json:"atempM2"`
	AtempSource  string       `json:"atempSource"` // where the user's figure comes from (drawings, declaration)
	BuildingType BuildingType `json:"buildingType"`
	// Mapping holds the user's changes only: a fuel or end use not in it takes DefaultMapping's.
	Mapping Mapping `json:"mapping"`
}

// DefaultModelSettings: a multi-family house (most of the users' buildings), Atemp from the model.
func DefaultModelSettings() ModelSettings { return ModelSettings{BuildingType: MultiFamily} }

// EffectiveMapping is DefaultMapping for the building type with the user's changes on top.
func (m ModelSettings) EffectiveMapping() Mapping {
	out := DefaultMapping(m.buildingType())
	for f, c := range m.Mapping.Carriers {
		out.Carriers[f] = c
	}
	for e, p := range m.Mapping.Purposes {
		out.Purposes[e] = p
	}
	return out
}

func (m ModelSettings) buildingType() BuildingType {
	if m.BuildingType == "" {
		return MultiFamily
	}
	return m.BuildingType
}

// Problems lists every bad input of the model's settings, with the JSON path of each.
func (m ModelSettings) Problems() []Problem {
	var out []Problem
	if a := m.AtempM2; a != nil && !(finite(*a) && *a > 0) {
		out = append(out, Problem{Field: "atempM2", Message: fmt.Sprintf("Atemp %g m2 must be a number > 0", *a)})
	}
	if !oneOf(m.buildingType(), BuildingTypes()) {
		out = append(out, Problem{Field: "buildingType", Message: fmt.Sprintf("unknown building type %q (use %s)", m.BuildingType, joinAny(BuildingTypes()))})
	}
	for _, f := range sortedKeys(m.Mapping.Carriers) {
		if !oneOf(f, Fuels()) {
			// A misspelt fuel would be kept and never used: the user's choice silently lost.
			out = append(out, Problem{Field: "mapping.carriers." + f, Message: fmt.Sprintf("unknown fuel %q (EnergyPlus's fuels: %s)", f, strings.Join(Fuels(), ", "))})
			continue
		}
		if !oneOf(m.Mapping.Carriers[f], Carriers()) {
			out = append(out, Problem{Field: "mapping.carriers." + f, Message: fmt.Sprintf("%s: unknown carrier %q (use %s)", f, m.Mapping.Carriers[f], joinAny(Carriers()))})
		}
	}
	for _, e := range sortedKeys(m.Mapping.Purposes) {
		if !oneOf(e, EndUses()) {
			out = append(out, Problem{Field: "mapping.purposes." + e, Message: fmt.Sprintf("unknown end use %q (EnergyPlus's end uses: %s)", e, strings.Join(EndUses(), ", "))})
			continue
		}
		if !oneOf(m.Mapping.Purposes[e], Purposes()) {
			out = append(out, Problem{Field: "mapping.purposes." + e, Message: fmt.Sprintf("%s: unknown purpose %q (use %s)", e, m.Mapping.Purposes[e], joinAny(Purposes()))})
		}
	}
	return out
}

func oneOf[T comparable](v T, all []T) bool {
	for _, x := range all {
		if x == v {
			return true
		}
	}
	return false
}

func joinAny[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, v := range all {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
