package bbr

import (
	"math"
	"strings"
	"testing"

	"epsm/sim"
)

// A multi-family house on district heating with 1,000 m2 Atemp: the shape of Boverket's worked
// example (district heating x 0.7 plus electricity x 1.8, divided by Atemp).
func multiFamilyResults() *sim.Results {
	return &sim.Results{
		ConditionedAreaM2: 900,
		EndUses: []sim.EndUse{
			{EndUse: "Heating", Fuel: "District Heating Water", KWh: 80000},
			{EndUse: "Water Systems", Fuel: "District Heating Water", KWh: 25000},
			{EndUse: "Pumps", Fuel: "Electricity", KWh: 3000},
			{EndUse: "Interior Equipment", Fuel: "Electricity", KWh: 30000},
			{EndUse: "Interior Lighting", Fuel: "Electricity", KWh: 10000},
		},
	}
}

func value(t *testing.T, name string, f Figure) float64 {
	t.Helper()
	if f.Value == nil {
		t.Fatalf("%s is missing: %+v", name, f.Missing)
	}
	return *f.Value
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b)) }

func TestPrimaryEnergyNumberAndClass(t *testing.T) {
	atemp := 1000.0
	withFGeo := func(v float64) Settings { s := DefaultSettings(); s.FGeo = v; return s }
	tests := []struct {
		name     string
		model    ModelSettings
		settings Settings
		wantEP   float64
		class    string
	}{
		// (80,000 + 25,000) x 0.7 + 3,000 x 1.8 = 78,900 kWh; household electricity is left out.
		{"Stockholm (F_geo 1.0)", ModelSettings{AtempM2: &atemp}, DefaultSettings(), 78.9, "D"},
		// Only heating is divided by F_geo: (80,000 / 1.2 + 25,000) x 0.7 + 5,400.
		{"F_geo 1.2", ModelSettings{AtempM2: &atemp}, withFGeo(1.2), (80000/1.2+25000)*0.7/1000 + 5.4, "C"},
		// Lighting counted as property electricity (a stairwell) when the user maps it so.
		{"lighting mapped to property electricity", ModelSettings{AtempM2: &atemp, Mapping: Mapping{Purposes: map[string]Purpose{"Interior Lighting": PropertyElectricity}}},
			DefaultSettings(), 78.9 + 18, "D"},
		// Commercial premises: requirement 70, so 78.9 is 113 %: D.
		{"commercial", ModelSettings{AtempM2: &atemp, BuildingType: Commercial}, DefaultSettings(), 78.9, "D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Compute(multiFamilyResults(), tt.model, tt.settings)
			if ep := value(t, "EP_pet", f.PrimaryEnergyNumber); !near(ep, tt.wantEP) {
				t.Errorf("EP_pet = %.4f kWh/m2, want %.4f", ep, tt.wantEP)
			}
			if f.EnergyClass != tt.class {
				t.Errorf("class %q, want %q (share %v)", f.EnergyClass, tt.class, f.RequirementShare.Value)
			}
			if f.AtempFromModel {
				t.Error("an entered Atemp is labelled as the model's")
			}
		})
	}
}

func TestDeliveredByCarrierAndPurpose(t *testing.T) {
	f := Compute(multiFamilyResults(), DefaultModelSettings(), DefaultSettings())
	want := map[Carrier]float64{DistrictHeating: 105000, Electricity: 43000}
	for _, c := range f.ByCarrier {
		if !near(c.KWh, want[c.Carrier]) {
			t.Errorf("%s: %g kWh, want %g", c.Carrier, c.KWh, want[c.Carrier])
		}
		delete(want, c.Carrier)
	}
	if len(want) > 0 {
		t.Errorf("carriers missing: %v", want)
	}
	purposes := map[Purpose]float64{}
	for _, p := range f.ByPurpose {
		purposes[p.Purpose] = p.KWh
	}
	if purposes[Heating] != 80000 || purposes[HotWater] != 25000 || purposes[PropertyElectricity] != 3000 || purposes[HouseholdElectricity] != 40000 {
		t.Errorf("by purpose %v", purposes)
	}
	// In an office the same lighting and equipment are business electricity.
	f = Compute(multiFamilyResults(), ModelSettings{BuildingType: Commercial}, DefaultSettings())
	for _, d := range f.Delivered {
		if d.EndUse == "Interior Lighting" && d.Purpose != BusinessElectricity {
			t.Errorf("office lighting is %s", d.Purpose)
		}
	}
}

func TestAtempFallsBackToConditionedAreaLabelled(t *testing.T) {
	f := Compute(multiFamilyResults(), DefaultModelSettings(), DefaultSettings())
	if got := value(t, "Atemp", f.Atemp); got != 900 || !f.AtempFromModel || !strings.Contains(f.AtempSource, "conditioned floor area") {
		t.Errorf("Atemp %g from model %v (%q), want EnergyPlus's 900 m2, labelled", got, f.AtempFromModel, f.AtempSource)
	}
	if ep := value(t, "EP_pet", f.PrimaryEnergyNumber); !near(ep, 78900.0/900) {
		t.Errorf("EP_pet %g over the conditioned area, want %g", ep, 78900.0/900)
	}
}

func TestMissingInputsAreNamedNotZero(t *testing.T) {
	noArea := multiFamilyResults()
	noArea.ConditionedAreaM2 = 0
	coal := multiFamilyResults()
	coal.EndUses = append(coal.EndUses, sim.EndUse{EndUse: "Heating", Fuel: "Coal", KWh: 100})
	tests := []struct {
		name  string
		r     *sim.Results
		field string
		where string
	}{
		{"no Atemp and no conditioned area", noArea, "atempM2", WhereModel},
		{"a fuel BBR has no factor for", coal, "weights.otherFuel", WhereSettings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Compute(tt.r, DefaultModelSettings(), DefaultSettings())
			if f.PrimaryEnergyNumber.Value != nil || f.EnergyClass != "" {
				t.Fatalf("EP_pet %v class %q despite the missing input", *f.PrimaryEnergyNumber.Value, f.EnergyClass)
			}
			gaps := f.PrimaryEnergyNumber.Missing
			if len(gaps) != 1 || gaps[0].Field != tt.field || gaps[0].Where != tt.where {
				t.Errorf("gaps %+v, want one at %s %s", gaps, tt.where, tt.field)
			}
		})
	}
	// A factor the user fills in closes the gap.
	s := DefaultSettings()
	s.Weights[OtherFuel] = ptr(1.2)
	if f := Compute(coal, DefaultModelSettings(), s); f.PrimaryEnergyNumber.Value == nil {
		t.Errorf("still missing with the factor set: %+v", f.PrimaryEnergyNumber.Missing)
	}
}

func TestClassBoundaries(t *testing.T) {
	for _, tt := range []struct {
		share float64
		class string
	}{{0.2, "A"}, {0.5, "A"}, {0.5001, "B"}, {0.75, "B"}, {1.0, "C"}, {1.01, "D"}, {1.35, "D"}, {1.8, "E"}, {2.35, "F"}, {2.36, "G"}, {9, "G"}} {
		if got := Class(tt.share); got != tt.class {
			t.Errorf("Class(%g) = %s, want %s", tt.share, got, tt.class)
		}
	}
}

func TestPeakHeating(t *testing.T) {
	r := multiFamilyResults()
	if f := Compute(r, DefaultModelSettings(), DefaultSettings()); f.PeakHeating.Value != nil || len(f.PeakHeating.Missing) == 0 || f.PeakHeating.Missing[0].Where != WhereRun {
		t.Errorf("a run without hourly heating has peak %+v", f.PeakHeating)
	}
	peak, daily := 45000.0, 30000.0
	r.PeakHeatingW, r.PeakHeatingDailyW = &peak, &daily
	f := Compute(r, DefaultModelSettings(), DefaultSettings())
	if value(t, "peak", f.PeakHeating) != 45000 || value(t, "daily", f.PeakHeatingDaily) != 30000 || !near(value(t, "W/m2", f.PeakHeatingPerM2), 50) {
		t.Errorf("peak %+v daily %+v per m2 %+v", f.PeakHeating, f.PeakHeatingDaily, f.PeakHeatingPerM2)
	}
}

// zone counts hours at the given temperatures the way eplusout does.
func zone(name string, occupied bool, temps ...float64) sim.ZoneTemperatures {
	z := sim.ZoneTemperatures{Zone: name, Occupied: occupied, Hours: len(temps), Above: make([]int, sim.ZoneTempSteps)}
	for _, t := range temps {
		for i := range z.Above {
			if t > sim.ZoneTempThreshold(i) {
				z.Above[i]++
			}
		}
	}
	return z
}

func TestOverheatingWorstZoneAndTotal(t *testing.T) {
	r := multiFamilyResults()
	r.Zones = []sim.ZoneTemperatures{
		zone("LIVING", true, 25, 26, 26.05, 27, 28),
		zone("BEDROOM", true, 26.5, 27.5, 20),
	}
	tests := []struct {
		threshold    float64
		worst, total float64
		zone         string
	}{
		{26, 3, 5, "LIVING"}, // 26.0 itself is not above 26
		{27, 1, 2, "LIVING"},
		{27.4, 1, 2, "LIVING"},
		{19, 0, 0, ""}, // outside the kept range: missing
	}
	for _, tt := range tests {
		s := DefaultSettings()
		s.OverheatingThresholdC = tt.threshold
		f := Compute(r, DefaultModelSettings(), s)
		if tt.zone == "" {
			if f.OverheatingHours.Value != nil || f.OverheatingHours.Missing[0].Field != "overheatingThresholdC" {
				t.Errorf("threshold %g: %+v, want missing with the threshold named", tt.threshold, f.OverheatingHours)
			}
			continue
		}
		if value(t, "worst", f.OverheatingHours) != tt.worst || value(t, "total", f.OverheatingZoneHours) != tt.total || f.OverheatingZone != tt.zone {
			t.Errorf("threshold %g: worst %v in %s, total %v; want %v in %s, %v", tt.threshold, *f.OverheatingHours.Value, f.OverheatingZone, *f.OverheatingZoneHours.Value, tt.worst, tt.zone, tt.total)
		}
		if !f.OverheatingOccupied {
			t.Error("occupied hours reported as all hours")
		}
	}
}

func TestSettingsProblems(t *testing.T) {
	s := DefaultSettings()
	s.FGeo = 0
	s.Weights[Electricity] = ptr(-1)
	s.OverheatingThresholdC = 50
	s.Requirements[Commercial] = -3
	got := map[string]bool{}
	for _, p := range s.Problems() {
		got[p.Field] = true
	}
	for _, f := range []string{"fGeo", "weights.electricity", "overheatingThresholdC", "requirements.commercial"} {
		if !got[f] {
			t.Errorf("no problem for %s: %v", f, s.Problems())
		}
	}
	if err := DefaultSettings().Validate(); err != nil {
		t.Errorf("the defaults are invalid: %v", err)
	}
	m := ModelSettings{AtempM2: ptr(0), BuildingType: "castle", Mapping: Mapping{Purposes: map[string]Purpose{"Fans": "fun"}}}
	if n := len(m.Problems()); n != 3 {
		t.Errorf("%d model problems, want 3: %v", n, m.Problems())
	}
	// A misspelt fuel or end use is named, not kept unused.
	typo := ModelSettings{Mapping: Mapping{Carriers: map[string]Carrier{"Natural gas": FossilGas}, Purposes: map[string]Purpose{"Interior Lightning": PropertyElectricity}}}
	p := typo.Problems()
	if len(p) != 2 || p[0].Field != "mapping.carriers.Natural gas" || !strings.Contains(p[0].Message, `unknown fuel "Natural gas"`) ||
		p[1].Field != "mapping.purposes.Interior Lightning" || !strings.Contains(p[1].Message, `unknown end use "Interior Lightning"`) {
		t.Errorf("problems %+v", p)
	}
}

// Settings stored by an older version lack later factors: the defaults fill them in, the
// user's own values (a blank one too) stay, and the caller's settings are left as they were.
func TestWithDefaultsFillsGapsAndLeavesTheCallersSettingsAlone(t *testing.T) {
	stored := Settings{Weights: map[Carrier]*float64{Electricity: ptr(1.5), OtherFuel: nil}}
	got := stored.WithDefaults()
	if w := got.Weights[Electricity]; w == nil || *w != 1.5 {
		t.Errorf("the user's electricity factor became %v, want 1.5", w)
	}
	if w, ok := got.Weights[OtherFuel]; !ok || w != nil {
		t.Errorf("the user's blank factor became %v", w)
	}
	if got.Weights[DistrictHeating] == nil || got.FGeo == 0 || len(got.Requirements) == 0 {
		t.Errorf("defaults not filled in: %+v", got)
	}
	if len(stored.Weights) != 2 || stored.Requirements != nil {
		t.Errorf("the caller's settings changed: %+v", stored)
	}
}
