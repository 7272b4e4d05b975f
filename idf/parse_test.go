package idf

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The example files are EnergyPlus 9.4 inputs and test.idf is 23.2; parsing does not depend on
// the engine version.
func TestParseFileRealInputs(t *testing.T) {
	tests := []struct {
		file        string
		objects     int
		versionLine int
		class       string // an object to look up
		classLine   int
		field0      string
	}{
		{"energyplus/1ZoneUncontrolled.idf", 53, 91, "Zone", 247, "ZONE ONE"},
		{"energyplus/1ZoneUncontrolledUTF8.idf", 54, 91, "zone", 247, "试验"}, // UTF-8 zone name
		{"energyplus/1ZoneEvapCooler.idf", 75, 63, "OutputControl:Table:Style", 616, "TabAndHTML"},
		{"energyplus/1ZoneUncontrolled_DD2009.idf", 63, 91, "Building", 95, "Simple One Zone (no roof-no floor)"},
		{"epsm/test.idf", 420, 10, "Output:SQLite", 6420, "SimpleAndTabular"}, // CRLF file
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := ParseFile(testFile(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Objects) != tt.objects {
				t.Errorf("objects = %d, want %d", len(f.Objects), tt.objects)
			}
			if len(f.Macros) != 0 {
				t.Errorf("macros = %v, want none", f.Macros)
			}
			v, ok := f.First("VERSION")
			if !ok || v.Line != tt.versionLine {
				t.Errorf("Version at line %d (found %v), want line %d", v.Line, ok, tt.versionLine)
			}
			o, ok := f.First(tt.class)
			if !ok {
				t.Fatalf("no %s object", tt.class)
			}
			if o.Line != tt.classLine || o.Field(0) != tt.field0 {
				t.Errorf("%s: line %d field 0 %q, want line %d %q", tt.class, o.Line, o.Field(0), tt.classLine, tt.field0)
			}
			prev := 0
			for _, o := range f.Objects {
				if o.Line <= prev {
					t.Fatalf("object %s at line %d does not follow line %d", o.Class, o.Line, prev)
				}
				prev = o.Line
				for _, fld := range o.Fields {
					if strings.ContainsAny(fld, "!,;") || fld != strings.TrimSpace(fld) {
						t.Fatalf("%s line %d: field %q has a comment, separator or untrimmed space", o.Class, o.Line, fld)
					}
				}
			}
		})
	}
}

func TestParseTestIDFDetails(t *testing.T) {
	f, err := Parse(readTestFile(t, "epsm/test.idf"))
	if err != nil {
		t.Fatal(err)
	}
	zones := f.All("ZONE")
	if len(zones) != 4 {
		t.Fatalf("zones = %d, want 4", len(zones))
	}
	if zones[0].Line != 2230 || zones[0].Field(0) != "Flr1_Jttestensgatan_3_19_Floor2_Room1" {
		t.Errorf("first zone = line %d %q", zones[0].Line, zones[0].Field(0))
	}
	style, _ := f.First("OutputControl:Table:Style")
	if want := []string{"HTML", "JtoKWH"}; !reflect.DeepEqual(style.Fields, want) {
		t.Errorf("style fields = %q, want %q", style.Fields, want)
	}
	// A blank last field is kept: "    ;   !- Maximum Number of HVAC Sizing Simulation Passes".
	sc, _ := f.First("SimulationControl")
	if len(sc.Fields) != 7 || sc.Field(6) != "" || sc.Field(3) != "No" {
		t.Errorf("SimulationControl fields = %q", sc.Fields)
	}
	if got := sc.Field(99); got != "" {
		t.Errorf("Field(99) = %q, want empty", got)
	}
}

func TestParseGrammar(t *testing.T) {
	type obj = Object // parsed objects are plain values, comparable with literals
	tests := []struct {
		name   string
		in     string
		want   []obj
		macros []MacroLine
	}{
		{"one line", "Version,9.4;", []obj{{"Version", []string{"9.4"}, 1}}, nil},
		{"no fields", "\n\n  Lead Input;", []obj{{"Lead Input", nil, 3}}, nil},
		{"no fields after others", "A,1;B;", []obj{{"A", []string{"1"}, 1}, {"B", nil, 1}}, nil},
		{"comment inside field", "Zone,\n  A !- Name\n  , B;", []obj{{"Zone", []string{"A", "B"}, 1}}, nil},
		{"comment splits a value", "Zone, A !x\n B;", []obj{{"Zone", []string{"A \n B"}, 1}}, nil},
		{"comment hides separators", "Zone, A ! ; , \n;", []obj{{"Zone", []string{"A"}, 1}}, nil},
		{"class after comment", "! header\n  ! more\n\tTimestep , 4 ;", []obj{{"Timestep", []string{"4"}, 3}}, nil},
		{"blank fields", "Output:SQLite,,  ,;", []obj{{"Output:SQLite", []string{"", "", ""}, 1}}, nil},
		{"CRLF", "A,1;\r\nB,\r\n2;\r\n", []obj{{"A", []string{"1"}, 1}, {"B", []string{"2"}, 2}}, nil},
		{"lone CR", "A,1;\r!c\rB,\r2;", []obj{{"A", []string{"1"}, 1}, {"B", []string{"2"}, 3}}, nil},
		{"BOM", "\xEF\xBB\xBFVersion,23.2;", []obj{{"Version", []string{"23.2"}, 1}}, nil},
		{"Latin-1", "Building,G\xF6teborg \xC5s;", []obj{{"Building", []string{"Göteborg Ås"}, 1}}, nil},
		{"UTF-8 kept", "Zone,试验;", []obj{{"Zone", []string{"试验"}, 1}}, nil},
		{"no-break space is not trimmed", "Zone,\u00a0A;", []obj{{"Zone", []string{"\u00a0A"}, 1}}, nil},
		{"hash inside a value", "Zone,A##B, #C;", []obj{{"Zone", []string{"A##B", "#C"}, 1}}, nil},
		{
			"macros", "##fileprefix C:\\x\n  ##include common.imf ! note\nZone,\n##set1 a = 1\n A;\n",
			[]obj{{"Zone", []string{"A"}, 3}},
			[]MacroLine{{1, `##fileprefix C:\x`}, {2, "##include common.imf ! note"}, {4, "##set1 a = 1"}},
		},
		{"only macros", "##include all.imf\n", nil, []MacroLine{{1, "##include all.imf"}}},
		{"no final newline after comment", "A,1; ! end", []obj{{"A", []string{"1"}, 1}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Objects; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("objects = %+v\nwant      %+v", got, tt.want)
			}
			if !reflect.DeepEqual(f.Macros, tt.macros) {
				t.Errorf("macros = %+v, want %+v", f.Macros, tt.macros)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		msg  string // the message must contain this
	}{
		{"empty", "", 0, "no IDF objects found"},
		{"only comments", "! a\r\n  ! b\r\n\r\n", 0, "no IDF objects found"},
		{"only BOM", "\xEF\xBB\xBF", 0, "no IDF objects found"},
		{"NUL byte", "Version,9.4;\nZone,\x00A;", 2, "binary data, not an IDF text file"},
		{"mostly control bytes", "\x01\x02\x03\x04A,1;", 1, "binary data"},
		{"random high bytes", "A;\n\x81\x92\xF3\xE4\x85\x86\x97\x98\x89\x8a", 2, "binary data"},
		{"UTF-16", "\xFF\xFEV\x00e\x00", 1, "UTF-16"},
		{"unterminated", "Version,9.4;\n\nZone,\n  A,\n  B\n", 3, "object Zone starting at line 3 is not terminated by ';'"},
		{"unterminated class only", "A;\n  Timestep ! no fields\n", 2, "object Timestep starting at line 2 is not terminated by ';'"},
		{"stray semicolon", "Version,9.4;\n;\n", 2, "';' with no class name"},
		{"double semicolon", "Version,9.4;;", 1, "';' with no class name"},
		{"stray comma", "Version,9.4;\n\n , Zone;", 3, "',' with no class name"},
		{"bad class character", "Version,9.4;\nZone=1,A;", 2, `invalid class name "Zone=1"`},
		{"missing comment mark", "Version,9.4;\nThis is my model\nZone,A;", 2, "text spans lines"},
		{"non-ASCII class", "Zöne,A;", 1, "invalid class name"},
		{"empty is said to be empty", "  \r\n", 0, "the file is empty"},
		{"only comments are said to be comments", "! a\n", 0, "the file has only comments"},
		{"missing ';' before the next object", "Version,9.4;\nZone,\n  A,\n  0   !- Direction\nBuildingSurface:Detailed,\n  W;\n", 5,
			`BuildingSurface:Detailed looks like the start of a new object, but the Zone object above it (line 2) has no ';' after its last value "0"`},
		{"missing ';' before a class used elsewhere", "Zone,B;\nZone,\n  A\nZone,\n  C;\n", 4, "Zone looks like the start of a new object"},
		{"weather file", "LOCATION,Golden,CO,USA,TMY3,724666,39.74,-105.18,-7.0,1829.0\n", 1, "this is an EPW weather file"},
		{"epJSON", "\n{\"Version\": {\"Version 1\": {\"version_identifier\": \"23.2\"}}}", 2, "JSON text (an epJSON model?), not IDF text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.in))
			if err == nil {
				t.Fatalf("no error, got %d objects", len(f.Objects))
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if se.Line != tt.line || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("got line %d %q, want line %d containing %q", se.Line, se.Msg, tt.line, tt.msg)
			}
			if tt.line > 0 && !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("Error() = %q, want a line prefix", err.Error())
			}
		})
	}
}

func TestParseFileErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.idf")
	if err := os.WriteFile(bad, []byte("Version,9.4;\nZone,\n A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string
	}{
		{bad, "parse " + bad + ": line 2: object Zone starting at line 2 is not terminated by ';'"},
		{filepath.Join(dir, "missing.idf"), "read " + filepath.Join(dir, "missing.idf") + ":"},
		{dir, "read " + dir + ":"},
	}
	for _, tt := range tests {
		_, err := ParseFile(tt.path)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseFile(%s) error = %v, want prefix %q", tt.path, err, tt.want)
		}
	}
}

// A value split over lines (with or without a comment between its parts) is legal IDF and
// must not be mistaken for a missing ';'.
func TestSplitValuesAreNotMissingSemicolons(t *testing.T) {
	for _, in := range []string{"Zone,\n  My\n  zone,0;", "A, x !c\n y;", "Zone,B;\nZone,\n  Living room\n  Zone ground floor,1;", "Schedule:Compact,S,Any,\n Through: 12/31,\n For: AllDays,\n Until: 24:00,1;"} {
		if _, err := Parse([]byte(in)); err != nil {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
}

func TestAllAndFirstIgnoreCase(t *testing.T) {
	f, err := Parse([]byte("zone,a;\nBuilding,b;\nZONE,c;\nZone,d;"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range f.All("Zone") {
		names = append(names, o.Field(0))
	}
	if want := []string{"a", "c", "d"}; !reflect.DeepEqual(names, want) {
		t.Errorf("All(Zone) = %q, want %q", names, want)
	}
	if _, ok := f.First("Site:Location"); ok {
		t.Error("First found a class that is not there")
	}
}

func TestFieldsDoNotShareCapacity(t *testing.T) {
	f, err := Parse([]byte("A,1;\nB,2;"))
	if err != nil {
		t.Fatal(err)
	}
	_ = append(f.Objects[0].Fields, "x")
	if f.Objects[1].Fields[0] != "2" {
		t.Fatalf("appending to one object's fields changed the next object: %q", f.Objects[1].Fields)
	}
}
