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
}
