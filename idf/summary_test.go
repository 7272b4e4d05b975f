package idf

import (
	"reflect"
	"testing"
)

// Facts read from the files themselves (Version 9.4 examples and the 23.2 test.idf).
func TestSummarizeRealInputs(t *testing.T) {
	type env struct {
		Kind string
		Days int
	}
	tests := []struct {
		file          string
		version       string
		building      string
		zones         []string
		designDays    int
		runPeriods    []RunPeriod
		runSizing     bool
		runWeather    bool
		doPlantSizing bool
		sqlite        bool
		style         string
		annual        bool
		days          int // TotalDays(false)
		daysForced    int // TotalDays(true), as with energyplus -a
		firstEnv      env
	}{
		{
			file: "energyplus/1ZoneUncontrolled.idf", version: "9.4", building: "Simple One Zone (Wireframe DXF)",
			zones: []string{"ZONE ONE"}, designDays: 2,
			runPeriods: []RunPeriod{{Name: "Run Period 1", BeginMonth: 1, BeginDay: 1, EndMonth: 12, EndDay: 31, Days: 365}},
			runSizing:  true, runWeather: true, style: "ALL", annual: true,
			days: 2 + 365, daysForced: 365, firstEnv: env{KindDesignDay, 1},
		},
		{
			file: "energyplus/1ZoneUncontrolledUTF8.idf", version: "9.4", building: "Simple One Zone (Wireframe DXF)",
			zones: []string{"试验"}, designDays: 2,
			runPeriods: []RunPeriod{{Name: "Run Period 1", BeginMonth: 1, BeginDay: 1, EndMonth: 12, EndDay: 31, Days: 365}},
			runSizing:  true, runWeather: true, sqlite: true, style: "ALL", annual: true,
			days: 367, daysForced: 365, firstEnv: env{KindDesignDay, 1},
		},
		{
			// Design days only: it has a RunPeriod, but SimulationControl does not run it.
			file: "energyplus/1ZoneUncontrolled_DD2009.idf", version: "9.4", building: "Simple One Zone (no roof-no floor)",
			zones: []string{"ZONE ONE"}, designDays: 15,
			runPeriods: []RunPeriod{{Name: "TestRun", BeginMonth: 1, BeginDay: 1, EndMonth: 12, EndDay: 31, Days: 365}},
			runSizing:  true, runWeather: false, style: "HTML", annual: false,
			days: 15, daysForced: 365, firstEnv: env{KindDesignDay, 1},
		},
		{
			file: "energyplus/1ZoneEvapCooler.idf", version: "9.4", building: "Bldg",
			zones: []string{"Main Zone"}, designDays: 2,
			runPeriods: []RunPeriod{{Name: "Run Period 1", BeginMonth: 1, BeginDay: 1, EndMonth: 12, EndDay: 31, Days: 365}},
			runSizing:  true, runWeather: true, style: "TabAndHTML", annual: true,
			days: 367, daysForced: 365, firstEnv: env{KindDesignDay, 1},
		},
		{
			// Sizing periods are not run; the weather run period is the year 2006.
			file: "epsm/test.idf", version: "23.2", building: "Jttestensgatan 3_19",
			zones: []string{
				"Flr1_Jttestensgatan_3_19_Floor2_Room1", "Jttestensgatan_3_19_Floor1_Room1",
				"Jttestensgatan_3_19_Floor2_Room1", "Jttestensgatan_3_19_Floor4_Room1",
			},
			designDays: 2,
			runPeriods: []RunPeriod{{Name: "Run Period 1", BeginMonth: 1, BeginDay: 1, BeginYear: 2006, EndMonth: 12, EndDay: 31, EndYear: 2006, Days: 365}},
			runSizing:  false, runWeather: true, doPlantSizing: true, sqlite: true, style: "HTML", annual: true,
			days: 365, daysForced: 365, firstEnv: env{KindRunPeriod, 365},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := ParseFile(testFile(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			s := Summarize(f)
			if s.Version != tt.version || s.BuildingName != tt.building {
				t.Errorf("version %q building %q, want %q %q", s.Version, s.BuildingName, tt.version, tt.building)
			}
			if s.Zones != len(tt.zones) || !reflect.DeepEqual(s.ZoneNames, tt.zones) {
				t.Errorf("zones %d %q, want %q", s.Zones, s.ZoneNames, tt.zones)
			}
			if len(s.DesignDays) != tt.designDays {
				t.Errorf("design days = %d, want %d", len(s.DesignDays), tt.designDays)
			}
			if !reflect.DeepEqual(s.RunPeriods, tt.runPeriods) {
				t.Errorf("run periods = %+v, want %+v", s.RunPeriods, tt.runPeriods)
			}
			if s.RunSizingPeriods != tt.runSizing || s.RunWeatherPeriods != tt.runWeather || s.DoPlantSizing != tt.doPlantSizing || s.DoZoneSizing || s.DoSystemSizing {
				t.Errorf("SimulationControl read as %+v", s)
			}
			if s.HasSQLiteOutput != tt.sqlite || s.TableStyle != tt.style || s.Annual != tt.annual || s.HasHVACTemplate {
				t.Errorf("sqlite %v style %q annual %v hvactemplate %v, want %v %q %v false",
					s.HasSQLiteOutput, s.TableStyle, s.Annual, s.HasHVACTemplate, tt.sqlite, tt.style, tt.annual)
			}
			if got := s.TotalDays(false); got != tt.days {
				t.Errorf("TotalDays(false) = %d, want %d (%+v)", got, tt.days, s.Environments(false))
			}
			if got := s.TotalDays(true); got != tt.daysForced {
				t.Errorf("TotalDays(true) = %d, want %d", got, tt.daysForced)
			}
			if envs := s.Environments(false); len(envs) == 0 || (env{envs[0].Kind, envs[0].Days}) != tt.firstEnv {
				t.Errorf("first environment of %+v, want %+v", envs, tt.firstEnv)
			}
			for _, e := range s.Environments(true) {
				if e.Kind != KindRunPeriod {
					t.Errorf("forced annual run includes %+v", e)
				}
			}
		})
	}
}

func TestSummaryDesignDays(t *testing.T) {
	f, err := ParseFile(testFile(t, "energyplus/1ZoneUncontrolled.idf"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Environment{
		{"Denver Centennial  Golden   N Ann Htg 99% Condns DB", KindDesignDay, 1},
		{"Denver Centennial  Golden   N Ann Clg 1% Condns DB=>MWB", KindDesignDay, 1},
		{"Run Period 1", KindRunPeriod, 365},
	}
	if got := Summarize(f).Environments(false); !reflect.DeepEqual(got, want) {
		t.Errorf("environments = %+v\nwant %+v", got, want)
	}
	if dd := Summarize(f).DesignDays[1]; dd.Month != 7 || dd.Day != 21 {
		t.Errorf("cooling design day on %d/%d, want 7/21", dd.Month, dd.Day)
	}
}

func TestSummarizeSynthetic(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		envs   []Environment // Environments(false)
		forced []Environment // Environments(true)
		check  func(t *testing.T, s Summary)
	}{
		{
			name:   "no SimulationControl runs sizing and weather periods",
			in:     "Version,23.2;\nSizingPeriod:DesignDay,DD1,1,21;\nRunPeriod,RP,6,1,,6,30,;",
			envs:   []Environment{{"DD1", KindDesignDay, 1}, {"RP", KindRunPeriod, 30}},
			forced: []Environment{{"RP", KindRunPeriod, 30}},
			check: func(t *testing.T, s Summary) {
				if !s.RunSizingPeriods || !s.RunWeatherPeriods || s.DoZoneSizing || !s.Annual {
					t.Errorf("defaults wrong: %+v", s)
				}
			},
		},
		{
			name:   "forced annual without run period",
			in:     "SimulationControl,Yes,Yes,Yes,Yes,No;\nSizingPeriod:DesignDay,DD1,1,21;",
			envs:   []Environment{{"DD1", KindDesignDay, 1}},
			forced: []Environment{{"ANNUAL", KindRunPeriod, 365}},
			check: func(t *testing.T, s Summary) {
				if !s.DoZoneSizing || !s.DoSystemSizing || !s.DoPlantSizing || s.Annual {
					t.Errorf("flags wrong: %+v", s)
				}
			},
		},
		{
			name: "weather sizing periods run after design days",
			in: "SizingPeriod:WeatherFileConditionType,Wk,SummerExtreme;\nSizingPeriod:WeatherFileDays,Jan,1,1,1,14;\n" +
				"SizingPeriod:DesignDay,DD,7,21;\nRunPeriod,Leap,1,1,2020,12,31,2020;\nRunPeriod,Two years,1,1,2019,12,31,2020;",
			envs: []Environment{
				{"DD", KindDesignDay, 1}, {"Jan", KindRunPeriod, 14}, {"Wk", KindRunPeriod, 7},
				{"Leap", KindRunPeriod, 366}, {"Two years", KindRunPeriod, 731},
			},
			forced: []Environment{{"Leap", KindRunPeriod, 366}, {"Two years", KindRunPeriod, 731}},
		},
		{
			name:   "HVACTemplate and old 8.x RunPeriod layout",
			in:     "Version,8.9;\nHVACTemplate:Zone:IdealLoadsAirSystem,Z;\nRunPeriod,Old,1,1,12,31,Tuesday;",
			envs:   []Environment{{"Old", KindRunPeriod, 365}},
			forced: []Environment{{"Old", KindRunPeriod, 365}},
			check: func(t *testing.T, s Summary) {
				if !s.HasHVACTemplate {
					t.Error("HVACTemplate not detected")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			s := Summarize(f)
			if got := s.Environments(false); !reflect.DeepEqual(got, tt.envs) {
				t.Errorf("Environments(false) = %+v\nwant %+v", got, tt.envs)
			}
			if got := s.Environments(true); !reflect.DeepEqual(got, tt.forced) {
				t.Errorf("Environments(true) = %+v\nwant %+v", got, tt.forced)
			}
			if tt.check != nil {
				tt.check(t, s)
			}
		})
	}
}

func TestPeriodDays(t *testing.T) {
	tests := []struct {
		name                   string
		bm, bd, by, em, ed, ey int
		want                   int
	}{
		{"year without years", 1, 1, 0, 12, 31, 0, 365},
		{"one day", 7, 21, 0, 7, 21, 0, 1},
		{"wraps the year end", 12, 1, 0, 1, 31, 0, 62},
		{"winter across Feb without years", 10, 1, 0, 3, 31, 0, 182},
		{"leap year", 1, 1, 2020, 12, 31, 2020, 366},
		{"non-leap year", 1, 1, 2006, 12, 31, 2006, 365},
		{"February of a leap year", 2, 1, 2024, 2, 29, 2024, 29},
		{"multi-year", 1, 1, 2019, 12, 31, 2021, 1096},
		{"begin year only, wrapping", 12, 1, 2019, 2, 29, 0, 91},
		{"end year only", 12, 1, 0, 1, 31, 2021, 62},
		{"end before begin", 1, 1, 2021, 12, 31, 2020, 0},
		{"Feb 29 in a non-leap year", 2, 29, 2021, 3, 1, 2021, 0},
		{"Feb 29 without years counts as Feb 28", 2, 1, 0, 2, 29, 0, 28},
		{"invalid month", 13, 1, 0, 12, 31, 0, 0},
		{"invalid day", 4, 31, 0, 5, 1, 0, 0},
		{"blank dates", 0, 0, 0, 0, 0, 0, 0},
		{"long multi-year without overflow", 1, 1, 1, 12, 31, 1000, 365242},
	}
	for _, tt := range tests {
		if got := periodDays(tt.bm, tt.bd, tt.by, tt.em, tt.ed, tt.ey); got != tt.want {
			t.Errorf("%s: periodDays = %d, want %d", tt.name, got, tt.want)
		}
	}
}
