package bbr

import (
	"fmt"
	"math"

	"epsm/sim"
)

// Figure is one reported number with its unit; Value is nil when an input is missing, and
// Missing says which and where to enter it.
type Figure struct {
	Value   *float64 `json:"value"`
	Unit    string   `json:"unit"`
	Missing []Gap    `json:"missing,omitempty"`
}

// Where a missing input is entered.
const (
	WhereSettings = "settings" // Settings > Swedish rules (Settings)
	WhereModel    = "model"    // the model's settings (ModelSettings)
	WhereRun      = "run"      // only a new run can give it
)

// Gap is a missing input: what it is, where it is entered and its JSON path there.
type Gap struct {
	Input string `json:"input"`
	Where string `json:"where"`
	Field string `json:"field,omitempty"`
}

// Delivered is one cell of EnergyPlus's End Uses table with the carrier and purpose it maps to.
type Delivered struct {
	EndUse  string  `json:"endUse"`
	Fuel    string  `json:"fuel"`
	Carrier Carrier `json:"carrier"`
	Purpose Purpose `json:"purpose"`
	KWh     float64 `json:"kWh"`
}

// CarrierKWh and PurposeKWh are delivered energy per carrier and per purpose, kWh per year.
type CarrierKWh struct {
	Carrier Carrier `json:"carrier"`
	KWh     float64 `json:"kWh"`
}
type PurposeKWh struct {
	Purpose Purpose `json:"purpose"`
	KWh     float64 `json:"kWh"`
}

// Figures are a run's Swedish figures.
type Figures struct {
	Atemp Figure `json:"atemp"` // m2
	// AtempFromModel: no Atemp was entered, EnergyPlus's conditioned floor area stands in.
	AtempFromModel bool         `json:"atempFromModel"`
	AtempSource    string       `json:"atempSource"`
	BuildingType   BuildingType `json:"buildingType"`

	Delivered []Delivered  `json:"delivered"`
	ByCarrier []CarrierKWh `json:"byCarrier"`
	ByPurpose []PurposeKWh `json:"byPurpose"`

	PrimaryEnergyNumber Figure  `json:"primaryEnergyNumber"` // EP_pet, kWh/m2 Atemp per year
	Requirement         float64 `json:"requirement"`         // kWh/m2 per year, for a new building of the type
	// EnergyClass is A-G, "" when EP_pet is missing; RequirementShare is EP_pet / requirement.
	EnergyClass      string `json:"energyClass"`
	RequirementShare Figure `json:"requirementShare"`

	PeakHeating      Figure `json:"peakHeating"`      // W, highest hourly mean
	PeakHeatingPerM2 Figure `json:"peakHeatingPerM2"` // W/m2 Atemp
	PeakHeatingDaily Figure `json:"peakHeatingDaily"` // W, highest daily mean

	OverheatingThresholdC float64 `json:"overheatingThresholdC"`
	OverheatingHours      Figure  `json:"overheatingHours"` // the worst zone's hours above the threshold
	OverheatingZone       string  `json:"overheatingZone"`
	OverheatingZoneHours  Figure  `json:"overheatingZoneHours"` // summed over zones
	// OverheatingOccupied: the hours counted are occupied hours; false when the model has no
	// People and every hour counts.
	OverheatingOccupied bool `json:"overheatingOccupied"`

	// Notes explain figures that are right but may surprise (no heating in the model).
	Notes []string `json:"notes,omitempty"`
}

// Compute derives the Swedish figures of one run's results.
func Compute(r *sim.Results, model ModelSettings, s Settings) Figures {
	s = s.WithDefaults()
	f := Figures{BuildingType: model.buildingType(), OverheatingThresholdC: s.OverheatingThresholdC}

	atemp := f.atemp(r, model)
	f.delivered(r, model.EffectiveMapping())
	f.primaryEnergy(atemp, s)
	f.peakHeating(r, atemp)
	f.overheating(r, s.OverheatingThresholdC)
	return f
}

func known(v float64, unit string) Figure { return Figure{Value: &v, Unit: unit} }

func missing(unit string, gaps ...Gap) Figure { return Figure{Unit: unit, Missing: gaps} }

var atempGap = Gap{Input: "Atemp (heated floor area)", Where: WhereModel, Field: "atempM2"}

func (f *Figures) atemp(r *sim.Results, model ModelSettings) Figure {
	switch {
	case model.AtempM2 != nil && *model.AtempM2 > 0:
		f.Atemp = known(*model.AtempM2, "m2")
		f.AtempSource = model.AtempSource
		if f.AtempSource == "" {
			f.AtempSource = "entered by the user"
		}
	case r.ConditionedAreaM2 > 0:
		f.Atemp = known(r.ConditionedAreaM2, "m2")
		f.AtempFromModel = true
		f.AtempSource = "EnergyPlus's conditioned floor area (Net Conditioned Building Area), standing in for Atemp"
	default:
		f.Atemp = missing("m2", atempGap)
	}
	return f.Atemp
}

func (f *Figures) delivered(r *sim.Results, m Mapping) {
	byCarrier := map[Carrier]float64{}
	byPurpose := map[Purpose]float64{}
	for _, e := range r.EndUses {
		c, ok := m.Carriers[e.Fuel]
		if !ok {
			c = OtherFuel
		}
		p, ok := m.Purposes[e.EndUse]
		if !ok {
			p = PropertyElectricity
		}
		f.Delivered = append(f.Delivered, Delivered{EndUse: e.EndUse, Fuel: e.Fuel, Carrier: c, Purpose: p, KWh: e.KWh})
		byCarrier[c] += e.KWh
		byPurpose[p] += e.KWh
	}
	for _, c := range Carriers() {
		if v, ok := byCarrier[c]; ok {
			f.ByCarrier = append(f.ByCarrier, CarrierKWh{Carrier: c, KWh: v})
		}
	}
	for _, p := range Purposes() {
		if v, ok := byPurpose[p]; ok {
			f.ByPurpose = append(f.ByPurpose, PurposeKWh{Purpose: p, KWh: v})
		}
	}
	if byPurpose[Heating] == 0 {
		f.Notes = append(f.Notes, "The model delivers no energy for space heating, so EP_pet counts none.")
	}
}

// primaryEnergy is BBR 9:12: the sum over carriers of (heating / F_geo + cooling + hot water +
// property electricity) times the carrier's weighting factor, divided by Atemp.
func (f *Figures) primaryEnergy(atemp Figure, s Settings) {
	var gaps []Gap
	if atemp.Value == nil {
		gaps = append(gaps, atempGap)
	}
	weighted := 0.0
	seen := map[Carrier]bool{}
	for _, d := range f.Delivered {
		if !d.Purpose.Counts() || d.KWh == 0 {
			continue
		}
		w := s.Weights[d.Carrier]
		if w == nil {
			if !seen[d.Carrier] {
				gaps = append(gaps, Gap{Input: fmt.Sprintf("primary energy weighting factor of %s", d.Carrier), Where: WhereSettings, Field: "weights." + string(d.Carrier)})
				seen[d.Carrier] = true
			}
			continue
		}
		e := d.KWh
		if d.Purpose == Heating {
			e /= s.FGeo
		}
		weighted += e * *w
	}
	req, hasReq := s.Requirements[f.BuildingType]
	if len(gaps) > 0 {
		f.PrimaryEnergyNumber = missing("kWh/m2", gaps...)
		f.RequirementShare = missing("%", gaps...)
		f.Requirement = req
		return
	}
	ep := weighted / *atemp.Value
	f.PrimaryEnergyNumber = known(ep, "kWh/m2")
	if !hasReq || req <= 0 {
		gap := Gap{Input: fmt.Sprintf("EP_pet requirement for %s", f.BuildingType), Where: WhereSettings, Field: "requirements." + string(f.BuildingType)}
		f.RequirementShare = missing("%", gap)
		return
	}
	f.Requirement = req
	f.RequirementShare = known(100*ep/req, "%")
	f.EnergyClass = Class(ep / req)
}

// Class is the energy class of a building whose EP_pet is share times the requirement for a
// new building of its kind (SourceClasses).
func Class(share float64) string {
	for _, c := range []struct {
		upTo  float64
		class string
	}{{0.50, "A"}, {0.75, "B"}, {1.00, "C"}, {1.35, "D"}, {1.80, "E"}, {2.35, "F"}} {
		if share <= c.upTo+1e-12 {
			return c.class
		}
	}
	return "G"
}

var hourlyGap = Gap{Input: "hourly results of a run made with this version of EPSM (run it again)", Where: WhereRun}

func (f *Figures) peakHeating(r *sim.Results, atemp Figure) {
	if r.PeakHeatingW == nil {
		f.PeakHeating, f.PeakHeatingPerM2, f.PeakHeatingDaily = missing("W", hourlyGap), missing("W/m2", hourlyGap), missing("W", hourlyGap)
		return
	}
	f.PeakHeating = known(*r.PeakHeatingW, "W")
	if r.PeakHeatingDailyW != nil {
		f.PeakHeatingDaily = known(*r.PeakHeatingDailyW, "W")
	} else {
		f.PeakHeatingDaily = missing("W", hourlyGap)
	}
	if atemp.Value == nil {
		f.PeakHeatingPerM2 = missing("W/m2", atempGap)
	} else {
		f.PeakHeatingPerM2 = known(*r.PeakHeatingW / *atemp.Value, "W/m2")
	}
}

func (f *Figures) overheating(r *sim.Results, threshold float64) {
	i := int(math.Round((threshold - sim.ZoneTempFromC) / sim.ZoneTempStepC))
	if len(r.Zones) == 0 || i < 0 || i >= sim.ZoneTempSteps {
		gap := hourlyGap
		if len(r.Zones) > 0 {
			gap = Gap{Input: fmt.Sprintf("an overheating threshold within %g..%g °C", MinThresholdC, MaxThresholdC), Where: WhereSettings, Field: "overheatingThresholdC"}
		}
		f.OverheatingHours, f.OverheatingZoneHours = missing("h", gap), missing("h", gap)
		return
	}
	worst, total := -1, 0
	for _, z := range r.Zones {
		if i >= len(z.Above) {
			continue
		}
		total += z.Above[i]
		if z.Above[i] > worst {
			worst, f.OverheatingZone = z.Above[i], z.Zone
		}
		f.OverheatingOccupied = z.Occupied
	}
	if worst < 0 {
		f.OverheatingHours, f.OverheatingZoneHours = missing("h", hourlyGap), missing("h", hourlyGap)
		return
	}
	f.OverheatingHours = known(float64(worst), "h")
	f.OverheatingZoneHours = known(float64(total), "h")
	if !f.OverheatingOccupied {
		f.Notes = append(f.Notes, "The model has no People, so overheating counts every hour, not occupied hours.")
	}
}

// Summary is what a table row or a JSON line carries of the figures: nil where an input is
// missing (the full Figures say which).
type Summary struct {
	Atemp               *float64 `json:"atemp"`               // m2
	PrimaryEnergyNumber *float64 `json:"primaryEnergyNumber"` // EP_pet, kWh/m2 Atemp per year
	EnergyClass         string   `json:"energyClass"`         // A-G, "" when EP_pet is missing
	PeakHeatingW        *float64 `json:"peakHeatingW"`        // W, highest hourly mean
	OverheatingHours    *float64 `json:"overheatingHours"`    // h, the worst zone's hours above the threshold
}

// Summary returns the figures a table row shows.
func (f Figures) Summary() Summary {
	return Summary{Atemp: f.Atemp.Value, PrimaryEnergyNumber: f.PrimaryEnergyNumber.Value, EnergyClass: f.EnergyClass,
		PeakHeatingW: f.PeakHeating.Value, OverheatingHours: f.OverheatingHours.Value}
}
