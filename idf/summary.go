package idf

import (
	"strconv"
	"strings"
)

// RunPeriod is a RunPeriod object (weather-file simulation period).
type RunPeriod struct {
	Name       string `json:"name"`
	BeginMonth int    `json:"beginMonth"`
	BeginDay   int    `json:"beginDay"`
	EndMonth   int    `json:"endMonth"`
	EndDay     int    `json:"endDay"`
	BeginYear  int    `json:"beginYear"`
	EndYear    int    `json:"endYear"` // 0 if blank
	Days       int    `json:"days"`    // inclusive day count; 0 if the dates are invalid
}

// DesignDay is a SizingPeriod:DesignDay object.
type DesignDay struct {
	Name  string `json:"name"`
	Month int    `json:"month"`
	Day   int    `json:"day"`
}

// Summary is what a model will simulate and report, read without the IDD.
type Summary struct {
	Version      string      `json:"version"` // Version Identifier, e.g. "23.2" (empty if missing)
	BuildingName string      `json:"buildingName"`
	Zones        int         `json:"zones"` // count of Zone objects
	ZoneNames    []string    `json:"zoneNames"`
	RunPeriods   []RunPeriod `json:"runPeriods"`
	DesignDays   []DesignDay `json:"designDays"`
	// SizingPeriod:WeatherFileDays and SizingPeriod:WeatherFileConditionType, in the order
	// EnergyPlus runs them (after the design days); Kind is "RunPeriod".
	WeatherSizingPeriods []Environment `json:"weatherSizingPeriods"`

	RunSizingPeriods  bool `json:"runSizingPeriods"`  // SimulationControl "Run Simulation for Sizing Periods" (default Yes)
	RunWeatherPeriods bool `json:"runWeatherPeriods"` // SimulationControl "Run Simulation for Weather File Run Periods" (default Yes)
	DoZoneSizing      bool `json:"doZoneSizing"`
	DoSystemSizing    bool `json:"doSystemSizing"`
	DoPlantSizing     bool `json:"doPlantSizing"`

	HasHVACTemplate bool   `json:"hasHVACTemplate"` // any HVACTemplate:* object: needs ExpandObjects (energyplus -x)
	HasSQLiteOutput bool   `json:"hasSQLiteOutput"` // an Output:SQLite object exists
	TableStyle      string `json:"tableStyle"`      // Column Separator of OutputControl:Table:Style, "" if none
	Annual          bool   `json:"annual"`          // will run a weather-file run period (RunWeatherPeriods && len(RunPeriods) > 0)
}

// Summarize reads the facts a launcher needs from a parsed file.
func Summarize(f *File) Summary {
	s := Summary{RunSizingPeriods: true, RunWeatherPeriods: true}
	if o, ok := f.First("Version"); ok {
		s.Version = o.Field(0)
	}
	if o, ok := f.First("Building"); ok {
		s.BuildingName = o.Field(0)
	}
	if o, ok := f.First("SimulationControl"); ok {
		// Same tests as EnergyPlus's GetProjectData: sizing only on "Yes", runs unless "No".
		s.DoZoneSizing = strings.EqualFold(o.Field(0), "Yes")
		s.DoSystemSizing = strings.EqualFold(o.Field(1), "Yes")
		s.DoPlantSizing = strings.EqualFold(o.Field(2), "Yes")
		s.RunSizingPeriods = !strings.EqualFold(o.Field(3), "No")
		s.RunWeatherPeriods = !strings.EqualFold(o.Field(4), "No")
	}
	if o, ok := f.First("OutputControl:Table:Style"); ok {
		s.TableStyle = o.Field(0)
	}
	oldRunPeriod := majorVersion(s.Version) > 0 && majorVersion(s.Version) < 9
	for _, o := range f.Objects {
		switch c := strings.ToLower(o.Class); {
		case c == "zone":
			s.Zones++
			s.ZoneNames = append(s.ZoneNames, o.Field(0))
		case c == "runperiod" && oldRunPeriod:
			s.RunPeriods = append(s.RunPeriods, oldRunPeriodOf(o))
		case c == "runperiod" || c == "runperiod:customrange":
			s.RunPeriods = append(s.RunPeriods, runPeriodOf(o))
		case c == "sizingperiod:designday":
			s.DesignDays = append(s.DesignDays, DesignDay{Name: o.Field(0), Month: atoi(o.Field(1)), Day: atoi(o.Field(2))})
		case c == "output:sqlite":
			s.HasSQLiteOutput = true
		case strings.HasPrefix(c, "hvactemplate:"):
			s.HasHVACTemplate = true
		}
	}
	s.WeatherSizingPeriods = weatherSizingPeriods(f)
	s.Annual = s.RunWeatherPeriods && len(s.RunPeriods) > 0
	return s
}

// runPeriodOf reads the RunPeriod layout of EnergyPlus 9.0 and later (and the 8.x
// RunPeriod:CustomRange, which has the same first fields).
func runPeriodOf(o Object) RunPeriod {
	rp := RunPeriod{
		Name:       o.Field(0),
		BeginMonth: atoi(o.Field(1)), BeginDay: atoi(o.Field(2)), BeginYear: atoi(o.Field(3)),
		EndMonth: atoi(o.Field(4)), EndDay: atoi(o.Field(5)), EndYear: atoi(o.Field(6)),
	}
	rp.Days = periodDays(rp.BeginMonth, rp.BeginDay, rp.BeginYear, rp.EndMonth, rp.EndDay, rp.EndYear)
	return rp
}

// oldRunPeriodOf reads the RunPeriod of EnergyPlus 8.x and older, which had no year fields
// after the days; reading it with the new layout would take the end month for a year.
func oldRunPeriodOf(o Object) RunPeriod {
	rp := RunPeriod{
		Name:       o.Field(0),
		BeginMonth: atoi(o.Field(1)), BeginDay: atoi(o.Field(2)),
		EndMonth: atoi(o.Field(3)), EndDay: atoi(o.Field(4)),
	}
	rp.Days = periodDays(rp.BeginMonth, rp.BeginDay, 0, rp.EndMonth, rp.EndDay, 0)
	return rp
}

// weatherSizingPeriods lists the weather-file sizing periods in EnergyPlus's order: all
// SizingPeriod:WeatherFileDays, then all SizingPeriod:WeatherFileConditionType.
func weatherSizingPeriods(f *File) []Environment {
	var envs []Environment
	for _, o := range f.All("SizingPeriod:WeatherFileDays") {
		days := periodDays(atoi(o.Field(1)), atoi(o.Field(2)), 0, atoi(o.Field(3)), atoi(o.Field(4)), 0)
		envs = append(envs, Environment{Name: o.Field(0), Kind: KindRunPeriod, Days: days})
	}
	for _, o := range f.All("SizingPeriod:WeatherFileConditionType") {
		// The typical and extreme periods of an EPW are weeks.
		envs = append(envs, Environment{Name: o.Field(0), Kind: KindRunPeriod, Days: 7})
	}
	return envs
}

// atoi reads an integer field; blank or malformed gives 0 (EnergyPlus reports those itself).
func atoi(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil && x > -1e9 && x < 1e9 && x == float64(int(x)) {
		return int(x)
	}
	return 0
}

// majorVersion is the leading number of a Version Identifier ("9.4" -> 9), 0 if unreadable.
func majorVersion(v string) int {
	major, _, _ := strings.Cut(v, ".")
	n, err := strconv.Atoi(strings.TrimSpace(major))
	if err != nil {
		return 0
	}
	return n
}
