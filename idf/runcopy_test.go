package idf

import (
	"bytes"
	"strings"
	"testing"
)

// runCopyClasses are the objects every run copy must hold exactly once.
var runCopyClasses = []string{"Output:SQLite", "Output:Table:SummaryReports", "OutputControl:Table:Style"}

// checkRunCopy asserts what every run copy must satisfy: it parses, holds each output object
// exactly once, asks for tabular SQLite and an HTML table, and keeps the original objects.
func checkRunCopy(t *testing.T, src, out []byte) *File {
	t.Helper()
	orig, err := Parse(src)
	if err != nil {
		t.Fatalf("original does not parse: %v", err)
	}
	f, err := Parse(out)
	if err != nil {
		t.Fatalf("run copy does not parse: %v\n%s", err, out)
	}
	for _, c := range runCopyClasses {
		if n := len(f.All(c)); n != 1 {
			t.Errorf("run copy has %d %s objects, want 1", n, c)
		}
	}
	if sq, _ := f.First("Output:SQLite"); !strings.EqualFold(sq.Field(0), "SimpleAndTabular") {
		t.Errorf("Output:SQLite option = %q", sq.Field(0))
	}
	if st, _ := f.First("OutputControl:Table:Style"); !strings.Contains(strings.ToLower(st.Field(0)), "html") && !strings.EqualFold(st.Field(0), "All") {
		t.Errorf("table style %q does not include HTML", st.Field(0))
	}
	if sr, _ := f.First("Output:Table:SummaryReports"); !hasAllSummary(sr) {
		t.Errorf("summary reports %q lack AllSummary", sr.Fields)
	}
	if len(hourlyMetersToAdd(f)) != 0 {
		t.Errorf("run copy still lacks hourly meters %q", hourlyMetersToAdd(f))
	}
	if len(f.Objects) < len(orig.Objects) {
		t.Errorf("run copy has %d objects, original %d", len(f.Objects), len(orig.Objects))
	}
	for i, o := range orig.Objects {
		if f.Objects[i].Class != o.Class || f.Objects[i].Line != o.Line {
			t.Fatalf("object %d moved: %s line %d -> %s line %d", i, o.Class, o.Line, f.Objects[i].Class, f.Objects[i].Line)
		}
	}
	return f
}

func TestPrepareRunCopyRealInputs(t *testing.T) {
	tests := []struct {
		file string
		want OutputInjection
	}{
		// Already has HTML style, AllSummary and SimpleAndTabular SQLite: only the hourly
		// meters are added (its water heater burns DistrictHeatingWater; the NaturalGas in its
		// LifeCycleCost:UsePriceEscalation is a price, not a use).
		// Heating:* and the zone temperatures go into every run copy; the occupant count only
		// into test.idf's, the one model with People.
		{"epsm/test.idf", OutputInjection{AddedHourlyMeters: 3, AddedZoneVariables: 2}},
		{"energyplus/1ZoneUncontrolledUTF8.idf", OutputInjection{AddedHourlyMeters: 2, AddedZoneVariables: 1}},
		// Style ALL / TabAndHTML / HTML already include HTML; SQLite is missing.
		{"energyplus/1ZoneUncontrolled.idf", OutputInjection{AddedSQLite: true, AddedHourlyMeters: 2, AddedZoneVariables: 1}},
		{"energyplus/1ZoneEvapCooler.idf", OutputInjection{AddedSQLite: true, AddedHourlyMeters: 2, AddedZoneVariables: 1}},
		{"energyplus/1ZoneUncontrolled_DD2009.idf", OutputInjection{AddedSQLite: true, AddedHourlyMeters: 2, AddedZoneVariables: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := readTestFile(t, tt.file)
			out, inj, err := PrepareRunCopy(src)
			if err != nil {
				t.Fatal(err)
			}
			if inj != tt.want {
				t.Errorf("injection = %+v, want %+v", inj, tt.want)
			}
			checkRunCopy(t, src, out)
			if !inj.Changed() && !bytes.Equal(out, src) {
				t.Error("complete file came back changed")
			}
			if !bytes.HasPrefix(out, src) {
				t.Error("run copy does not start with the original bytes")
			}
		})
	}
}

func TestPrepareRunCopyKeepsCRLF(t *testing.T) {
	src := readTestFile(t, "epsm/test.idf")
	// Drop the SQLite object (the last one) so something must be appended.
	i := bytes.Index(src, []byte("Output:SQLite,"))
	src = src[:i]
	out, inj, err := PrepareRunCopy(src)
	if err != nil {
		t.Fatal(err)
	}
	if !inj.AddedSQLite || inj.AddedSummaryReports || inj.AddedOrChangedTableStyle {
		t.Errorf("injection = %+v, want only AddedSQLite", inj)
	}
	added := out[len(src):]
	if bytes.Count(added, []byte("\n")) != bytes.Count(added, []byte("\r\n")) {
		t.Errorf("added text has bare LF line endings: %q", added)
	}
	checkRunCopy(t, src, out)
}

// hourlyOutputs asks for the hourly meters and zone temperatures a run copy needs (blank
// frequency means hourly for a meter).
const hourlyOutputs = "\nOutput:Meter,Electricity:Facility;\nOutput:Meter,Heating:*;\nOutput:Variable,*,Zone Operative Temperature,Hourly;"

func TestPrepareRunCopyEdits(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string // exact run copy
		changed OutputInjection
	}{
		{
			name: "comma style keeps unit conversion",
			in: "Version,23.2;\nOutput:SQLite,SimpleAndTabular;\nOutput:Table:SummaryReports,AllSummary;\n" +
				"OutputControl:Table:Style,\n    Comma,    !- Column Separator\n    JtoKWH;   !- Unit Conversion\n",
			want: "Version,23.2;\nOutput:SQLite,SimpleAndTabular;\nOutput:Table:SummaryReports,AllSummary;\n" +
				"OutputControl:Table:Style,\n    CommaAndHTML,    !- Column Separator\n    JtoKWH;   !- Unit Conversion\n",
			changed: OutputInjection{AddedOrChangedTableStyle: true},
		},
		{
			name:    "simple SQLite keeps unit conversion, tab and xml styles",
			in:      "Output:SQLite, Simple, JtoKWH;\nOutputControl:Table:Style, tab;\nOutput:Table:SummaryReports,AllSummaryAndMonthly;",
			want:    "Output:SQLite, SimpleAndTabular, JtoKWH;\nOutputControl:Table:Style, TabAndHTML;\nOutput:Table:SummaryReports,AllSummaryAndMonthly;",
			changed: OutputInjection{ChangedSQLite: true, AddedOrChangedTableStyle: true},
		},
		{
			name:    "XML, blank and missing separators",
			in:      "OutputControl:Table:Style,XML;Output:SQLite,  ;Output:Table:SummaryReports, ;",
			want:    "OutputControl:Table:Style,XMLandHTML;Output:SQLite,  SimpleAndTabular;Output:Table:SummaryReports, AllSummary;",
			changed: OutputInjection{AddedOrChangedTableStyle: true, ChangedSQLite: true, ExtendedSummaryReports: true},
		},
		{
			name:    "object without fields",
			in:      "OutputControl:Table:Style;\nOutput:SQLite;\nOutput:Table:SummaryReports,ZoneComponentLoadSummary;",
			want:    "OutputControl:Table:Style, CommaAndHTML;\nOutput:SQLite, SimpleAndTabular;\nOutput:Table:SummaryReports,ZoneComponentLoadSummary, AllSummary;",
			changed: OutputInjection{AddedOrChangedTableStyle: true, ChangedSQLite: true, ExtendedSummaryReports: true},
		},
		{
			name:    "fixed and commaandxml",
			in:      "OutputControl:Table:Style,Fixed;Output:SQLite,SimpleAndTabular;Output:Table:SummaryReports,AllSummary;",
			want:    "OutputControl:Table:Style,HTML;Output:SQLite,SimpleAndTabular;Output:Table:SummaryReports,AllSummary;",
			changed: OutputInjection{AddedOrChangedTableStyle: true},
		},
		{
			name: "appends after a trailing comment without newline",
			in:   "Version,9.4; ! no newline",
			want: "Version,9.4; ! no newline\n\n! Added by EPSM to this run copy: results are read from these outputs.\n" +
				"Output:SQLite,\n    SimpleAndTabular;        !- Option Type\n\n" +
				"Output:Table:SummaryReports,\n    AllSummary;              !- Report 1 Name\n\n" +
				"OutputControl:Table:Style,\n    HTML;                    !- Column Separator\n\n" +
				"Output:Meter,\n    Electricity:Facility,    !- Key Name\n    Hourly;                  !- Reporting Frequency\n\n" +
				"Output:Meter,\n    Heating:*,               !- Key Name\n    Hourly;                  !- Reporting Frequency\n\n" +
				"Output:Variable,\n    *,                       !- Key Value\n    Zone Operative Temperature, !- Variable Name\n    Hourly;                  !- Reporting Frequency\n",
			changed: OutputInjection{AddedSQLite: true, AddedSummaryReports: true, AddedOrChangedTableStyle: true, AddedHourlyMeters: 2, AddedZoneVariables: 1},
		},
		{
			name:    "Latin-1 bytes are kept",
			in:      "Building,G\xF6teborg;\nOutputControl:Table:Style,Comma;Output:SQLite,SimpleAndTabular;Output:Table:SummaryReports,AllSummary;",
			want:    "Building,G\xF6teborg;\nOutputControl:Table:Style,CommaAndHTML;Output:SQLite,SimpleAndTabular;Output:Table:SummaryReports,AllSummary;",
			changed: OutputInjection{AddedOrChangedTableStyle: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.changed.AddedHourlyMeters == 0 {
				// These cases are about the other objects: the meter is there already.
				tt.in += hourlyOutputs
				tt.want += hourlyOutputs
			}
			out, inj, err := PrepareRunCopy([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("run copy =\n%q\nwant\n%q", out, tt.want)
			}
			if inj != tt.changed {
				t.Errorf("injection = %+v, want %+v", inj, tt.changed)
			}
			checkRunCopy(t, []byte(tt.in), out)
		})
	}
}

func TestPrepareRunCopyRefuses(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"syntax error", "Zone,A", "prepare run copy: line 1: object Zone starting at line 1 is not terminated"},
		{"macro", "##include base.imf\nVersion,9.4;", `prepare run copy: line 1: "##include base.imf" is an EPMacro line`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := PrepareRunCopy([]byte(tt.in))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestPrepareRunCopyHourlyMeters(t *testing.T) {
	const base = "Output:SQLite,SimpleAndTabular;\nOutput:Table:SummaryReports,AllSummary;\nOutputControl:Table:Style,HTML;\n"
	tests := []struct {
		name string
		in   string
		want []string // Key Names of the appended Output:Meter objects, in order
	}{
		{"electricity always", "Lights,L1,Zone1;", []string{"Electricity:Facility", "Heating:*"}},
		{"a gas boiler and district cooling", "Boiler:HotWater,B1,naturalgas,1000;\nDistrictCooling,DC1,In,Out,10000;",
			[]string{"Electricity:Facility", "NaturalGas:Facility", "DistrictCooling:Facility", "Heating:*"}},
		{"district heating object", "DistrictHeating:Water,DH,In,Out,autosize;", []string{"Electricity:Facility", "DistrictHeatingWater:Facility", "Heating:*"}},
		{"prices and factors are not uses", "LifeCycleCost:UsePriceEscalation,Gas esc,NaturalGas,2011;\nFuelFactors,Propane,1;", []string{"Electricity:Facility", "Heating:*"}},
		{"already hourly", "Output:Meter,electricity:facility,hourly;\nOutput:Meter:MeterFileOnly,NaturalGas:Facility,Hourly;\nBoiler:HotWater,B1,NaturalGas;\nOutput:Meter,heating:*;", nil},
		{"other frequency or cumulative still needs hourly", "Output:Meter,Electricity:Facility,Monthly;\nOutput:Meter:Cumulative,Electricity:Facility,Hourly;\nOutput:Meter,Heating:*,Daily;", []string{"Electricity:Facility", "Heating:*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(base + tt.in)
			out, inj, err := PrepareRunCopy(src)
			if err != nil {
				t.Fatal(err)
			}
			f := checkRunCopy(t, src, out)
			var got []string
			end := len(f.Objects) - inj.AddedZoneVariables
			for _, o := range f.Objects[end-inj.AddedHourlyMeters : end] {
				if o.Class != "Output:Meter" || o.Field(1) != "Hourly" {
					t.Errorf("appended %s %q", o.Class, o.Fields)
				}
				got = append(got, o.Field(0))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("meters added = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPrepareRunCopyZoneVariables(t *testing.T) {
	const base = "Output:SQLite,SimpleAndTabular;\nOutput:Table:SummaryReports,AllSummary;\nOutputControl:Table:Style,HTML;\n"
	tests := []struct {
		name string
		in   string
		want []string // Variable Names of the appended Output:Variable objects, in order
	}{
		{"no People: temperatures only (an occupant count would warn)", "Zone,Z1;", []string{ZoneOperativeTemperature}},
		{"People: occupied hours too", "Zone,Z1;\nPeople,P1,Z1,Occ;", []string{ZoneOperativeTemperature, ZoneOccupantCount}},
		{"already hourly for every zone", "People,P1,Z1;\nOutput:Variable,*,zone operative temperature,hourly;\nOutput:Variable,,Zone People Occupant Count,Hourly;", nil},
		{"one zone or another frequency is not enough", "Output:Variable,Z1,Zone Operative Temperature,Hourly;\nOutput:Variable,*,Zone Operative Temperature,Timestep;", []string{ZoneOperativeTemperature}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(base + tt.in)
			out, inj, err := PrepareRunCopy(src)
			if err != nil {
				t.Fatal(err)
			}
			f := checkRunCopy(t, src, out)
			var got []string
			for _, o := range f.Objects[len(f.Objects)-inj.AddedZoneVariables:] {
				if o.Class != "Output:Variable" || o.Field(0) != "*" || o.Field(2) != "Hourly" {
					t.Errorf("appended %s %q", o.Class, o.Fields)
				}
				got = append(got, o.Field(1))
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("variables added = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHourlyMetersMissingTellsOldRunCopies(t *testing.T) {
	src := readTestFile(t, "energyplus/1ZoneUncontrolled.idf")
	old, err := HourlyMetersMissing(src) // a run copy made before the meters were added
	if err != nil || strings.Join(old, ",") != "Electricity:Facility" {
		t.Errorf("old run copy misses %q, %v", old, err)
	}
	out, _, err := PrepareRunCopy(src)
	if err != nil {
		t.Fatal(err)
	}
	if now, err := HourlyMetersMissing(out); err != nil || len(now) != 0 {
		t.Errorf("current run copy misses %q, %v", now, err)
	}
}
