package idf

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestWriteToRoundTripsRealInputs(t *testing.T) {
	for _, file := range []string{
		"energyplus/1ZoneUncontrolled.idf", "energyplus/1ZoneUncontrolledUTF8.idf",
		"energyplus/1ZoneEvapCooler.idf", "energyplus/1ZoneUncontrolled_DD2009.idf", "epsm/test.idf",
	} {
		t.Run(file, func(t *testing.T) {
			f, err := ParseFile(testFile(t, file))
			if err != nil {
				t.Fatal(err)
			}
			assertRoundTrip(t, f)
		})
	}
}

func TestWriteToEdgeValues(t *testing.T) {
	f, err := Parse([]byte("Zone,##not a macro, A !c\n B,G\xF6teborg;\nLead Input;"))
	if err != nil {
		t.Fatal(err)
	}
	assertRoundTrip(t, f)
}

func TestWriteToRefusesMacros(t *testing.T) {
	f, err := Parse([]byte("##include a.imf\nVersion,9.4;"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err == nil || !strings.Contains(err.Error(), "EPMacro") {
		t.Errorf("WriteTo error = %v, want an EPMacro refusal", err)
	}
}

// assertRoundTrip writes f and checks that the text parses back to the same objects.
func assertRoundTrip(t *testing.T, f *File) {
	t.Helper()
	var b bytes.Buffer
	n, err := f.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d bytes", n, b.Len())
	}
	g, err := Parse(b.Bytes())
	if err != nil {
		t.Fatalf("written text does not parse: %v", err)
	}
	if len(g.Objects) != len(f.Objects) {
		t.Fatalf("round trip: %d objects, want %d", len(g.Objects), len(f.Objects))
	}
	for i := range f.Objects {
		a, b := f.Objects[i], g.Objects[i]
		if !reflect.DeepEqual(a.Class, b.Class) || !reflect.DeepEqual(a.Fields, b.Fields) {
			t.Fatalf("object %d: %s %q became %s %q", i, a.Class, a.Fields, b.Class, b.Fields)
		}
	}
}
