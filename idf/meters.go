package idf

import "strings"

// hourlyMeter is a facility meter a run copy asks EnergyPlus to write hourly into
// eplusout.sql, so that a run's hourly profile can be shown without a second run.
type hourlyMeter struct {
	Name string // EnergyPlus 25.2 meter name, e.g. "NaturalGas:Facility"
	// Fuel values (IDF field values such as a boiler's Fuel Type) and object classes that mean
	// the model uses this fuel. Electricity has none: it is always requested.
	fuelValues []string
	classes    []string
}

// facilityMeters are the meters requested, in this order. A meter the model does not have
// costs a warning in eplusout.err ("Output:Meter: invalid Key Name ... not found"), so every
// meter but electricity is requested only when a field names its fuel or an object supplies it.
var facilityMeters = []hourlyMeter{
	{Name: "Electricity:Facility"},
	{Name: "NaturalGas:Facility", fuelValues: []string{"NaturalGas"}},
	{Name: "DistrictHeatingWater:Facility", fuelValues: []string{"DistrictHeatingWater"}, classes: []string{"DistrictHeating:Water"}},
	{Name: "DistrictHeatingSteam:Facility", fuelValues: []string{"DistrictHeatingSteam"}, classes: []string{"DistrictHeating:Steam"}},
	{Name: "DistrictCooling:Facility", fuelValues: []string{"DistrictCooling"}, classes: []string{"DistrictCooling"}},
	{Name: "Propane:Facility", fuelValues: []string{"Propane"}},
	{Name: "FuelOilNo1:Facility", fuelValues: []string{"FuelOilNo1"}},
	{Name: "FuelOilNo2:Facility", fuelValues: []string{"FuelOilNo2"}},
	{Name: "Diesel:Facility", fuelValues: []string{"Diesel"}},
	{Name: "Gasoline:Facility", fuelValues: []string{"Gasoline"}},
	{Name: "Coal:Facility", fuelValues: []string{"Coal"}},
	{Name: "OtherFuel1:Facility", fuelValues: []string{"OtherFuel1"}},
	{Name: "OtherFuel2:Facility", fuelValues: []string{"OtherFuel2"}},
}

// Classes whose fields name a fuel without making the building use it: cost escalations,
// emission factors, tariffs and reporting requests.
var fuelMentionOnly = []string{"lifecyclecost:", "fuelfactors", "utilitycost:", "output:", "outputcontrol:", "meter:", "energymanagementsystem:", "environmentalimpactfactors", "componentcost:"}

func mentionsOnly(class string) bool {
	c := strings.ToLower(class)
	for _, p := range fuelMentionOnly {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// hourlyMetersToAdd returns the facility meters the model uses that it does not already
// write hourly (non-cumulative) to eplusout.sql. Output:Meter:MeterFileOnly counts: EnergyPlus
// writes those to eplusout.sql as well, and asking again would warn.
func hourlyMetersToAdd(f *File) []string {
	used := map[string]bool{}
	requested := map[string]bool{}
	for _, o := range f.Objects {
		switch strings.ToLower(o.Class) {
		case "output:meter", "output:meter:meterfileonly":
			if fr := strings.ToLower(o.Field(1)); fr == "" || fr == "hourly" {
				requested[strings.ToLower(o.Field(0))] = true
			}
			continue
		}
		for _, m := range facilityMeters {
			for _, c := range m.classes {
				if strings.EqualFold(o.Class, c) {
					used[m.Name] = true
				}
			}
		}
		if mentionsOnly(o.Class) {
			continue
		}
		for i := range o.Fields {
			v := o.Field(i)
			if v == "" {
				continue
			}
			for _, m := range facilityMeters {
				for _, fv := range m.fuelValues {
					if strings.EqualFold(v, fv) {
						used[m.Name] = true
					}
				}
			}
		}
	}
	var out []string
	for i, m := range facilityMeters {
		if (i == 0 || used[m.Name]) && !requested[strings.ToLower(m.Name)] {
			out = append(out, m.Name)
		}
	}
	return out
}

// addHeatingMeters reports whether the run copy needs the Heating:* request. The wildcard
// matches whichever fuels heat the building (a heat pump's electricity, district heating) and
// warns about none when nothing heats.
func addHeatingMeters(f *File) bool {
	for _, o := range f.Objects {
		switch strings.ToLower(o.Class) {
		case "output:meter", "output:meter:meterfileonly":
			if fr := strings.ToLower(o.Field(1)); (fr == "" || fr == "hourly") && strings.EqualFold(strings.TrimSpace(o.Field(0)), HeatingMeters) {
				return false
			}
		}
	}
	return true
}

// HeatingMeters is the wildcard meter request for space heating by every fuel: EnergyPlus
// writes Heating:<fuel> (and Heating:EnergyTransfer, with per-zone sub-meters) hourly.
const HeatingMeters = "Heating:*"

// Zone output variables a run copy asks for, for summer overheating.
const (
	ZoneOperativeTemperature = "Zone Operative Temperature"
	ZoneOccupantCount        = "Zone People Occupant Count"
)

// zoneVariablesToAdd returns the zone variables overheating needs that the model does not
// already write hourly for every zone. The occupant count only when the model has People.
func zoneVariablesToAdd(f *File) []string {
	hasPeople := false
	requested := map[string]bool{}
	for _, o := range f.Objects {
		switch strings.ToLower(o.Class) {
		case "people":
			hasPeople = true
		case "output:variable":
			if key := strings.TrimSpace(o.Field(0)); key == "*" || key == "" {
				if fr := strings.ToLower(o.Field(2)); fr == "hourly" {
					requested[strings.ToLower(strings.TrimSpace(o.Field(1)))] = true
				}
			}
		}
	}
	var out []string
	if !requested[strings.ToLower(ZoneOperativeTemperature)] {
		out = append(out, ZoneOperativeTemperature)
	}
	if hasPeople && !requested[strings.ToLower(ZoneOccupantCount)] {
		out = append(out, ZoneOccupantCount)
	}
	return out
}

// variableObject is the appended text of one hourly output variable for every zone.
func variableObject(name string) []string {
	return []string{"Output:Variable,", "    *,                       !- Key Value", pad("    "+name+",", 29) + "!- Variable Name", "    Hourly;                  !- Reporting Frequency"}
}

// meterObject is the appended text of one hourly meter request.
func meterObject(name string) []string {
	return []string{"Output:Meter,", pad("    "+name+",", 29) + "!- Key Name", "    Hourly;                  !- Reporting Frequency"}
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s + " "
	}
	return s + strings.Repeat(" ", n-len(s))
}

// HourlyMetersMissing returns the facility meters a run copy does not request hourly although
// PrepareRunCopy would add them today: non-empty for a run copy made before EPSM asked for hourly
// meters (its eplusout.sql has no hourly facility data; a new run has).
func HourlyMetersMissing(runCopy []byte) ([]string, error) {
	f, err := Parse(runCopy)
	if err != nil {
		return nil, err
	}
	return hourlyMetersToAdd(f), nil
}

// IsFacilityMeter reports whether name is one of the per-fuel facility meters EPSM asks for
// hourly (Electricity:Facility, NaturalGas:Facility, ...): together they are the site energy.
func IsFacilityMeter(name string) bool {
	for _, m := range facilityMeters {
		if strings.EqualFold(m.Name, name) {
			return true
		}
	}
	return false
}
