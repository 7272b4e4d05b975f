package sim

// EndUse is one cell of EnergyPlus's End Uses table, converted to kWh.
type EndUse struct {
	EndUse string  `json:"endUse"`
	Fuel   string  `json:"fuel"`
	KWh    float64 `json:"kWh"`
}

// Results are the annual figures a user compares runs on, all in SI: kWh, m2, hours.
type Results struct {
	TotalSiteKWh      float64  `json:"totalSiteKWh"`
	NetSiteKWh        float64  `json:"netSiteKWh"`
	TotalSourceKWh    float64  `json:"totalSourceKWh"`
	TotalAreaM2       float64  `json:"totalAreaM2"`
	ConditionedAreaM2 float64  `json:"conditionedAreaM2"`
	EUIKWhPerM2       float64  `json:"euiKWhPerM2"` // total site energy / total building area
	UnmetHeatingHours float64  `json:"unmetHeatingHours"`
	UnmetCoolingHours float64  `json:"unmetCoolingHours"`
	EndUses           []EndUse `json:"endUses"` // non-zero energy cells only, Total End Uses excluded
	// PeakHeatingW is the highest hourly mean of delivered space-heating power, summed over
	// fuels (EnergyPlus's Heating:<fuel> meters); PeakHeatingDailyW the highest daily mean, the
	// figure district-heating power charges use. Nil for a run without hourly heating meters
	// (a design-day run, or one made before EPSM asked for them); 0 when nothing heats.
	PeakHeatingW      *float64 `json:"peakHeatingW"`
	PeakHeatingDailyW *float64 `json:"peakHeatingDailyW"`
	// Zones holds each zone's hours by operative temperature, from which overheating hours
	// follow for any threshold; empty for a run without them.
	Zones []ZoneTemperatures `json:"zones,omitempty"`
}

// Thresholds at which a zone's hours are counted: ZoneTempFromC, then every ZoneTempStepC,
// ZoneTempSteps in all (20.0, 20.1, ... 40.0 °C).
const (
	ZoneTempFromC = 20.0
	ZoneTempStepC = 0.1
	ZoneTempSteps = 201
)

// ZoneTempThreshold is the i-th threshold, computed so that 26.0 is exactly 26.
func ZoneTempThreshold(i int) float64 { return float64(200+i) / 10 }

// ZoneTemperatures is one zone's count of hours by operative temperature over the weather year.
type ZoneTemperatures struct {
	Zone string `json:"zone"`
	// Occupied: only hours with people in the zone are counted. False when the model has no
	// People at all, and then every hour is.
	Occupied bool `json:"occupied"`
	Hours    int  `json:"hours"` // the hours counted
	// Above[i] is how many of them had an operative temperature above ZoneTempThreshold(i).
	Above []int `json:"above"`
}
