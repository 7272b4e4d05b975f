package idd

import (
	"bytes"
	"compress/gzip"
	"io"
	"reflect"
	"strings"
	"testing"
)

// sample holds what the real IDD writes in odd places: an inline comment after a class name, a
// comma inside a field name, bare field ids with an inline \note, a class with no fields,
// directive text after \extensible:N, and CRLF line ends.
const sample = "!IDD_Version 9.9.1\r\n" +
	"! a comment \\field Not A Field\r\n" +
	"\\group Things\r\n" +
	"Lead Input;\r\n" +
	"Thing:Spectrum,  ! the class's own comment\r\n" +
	"  \\memo a memo, with \\field inside\r\n" +
	"  \\extensible:2 - repeat the last two fields\r\n" +
	"  \\min-fields 3\r\n" +
	"  A1, \\field Name\r\n" +
	"      \\required-field\r\n" +
	"  N1, \\field Flag, 0 or 1\r\n" +
	"      \\type integer\r\n" +
	"      \\minimum> -1\r\n" +
	"      \\maximum< 2.5\r\n" +
	"      \\key 0\r\n" +
	"      \\key 1\r\n" +
	"  N2, \\field Wavelength 1\r\n" +
	"      \\begin-extensible\r\n" +
	"      \\units micron\r\n" +
	"      \\autosizable\r\n" +
	"  A2, \\field Kind 1\r\n" +
	"      \\type choice\r\n" +
	"      \\key Solar\r\n" +
	"  N3, \\field Wavelength 2\r\n" +
	"  A3, \\field Kind 2\r\n" +
	"  N4, A4; \\note fields as indicated\r\n" +
	"      \\ip-units in\r\n"

func TestParseSample(t *testing.T) {
	s, err := Parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if s.Version() != "9.9.1" {
		t.Errorf("version %q", s.Version())
	}
	var names []string
	for _, c := range s.Classes() {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(names, []string{"Lead Input", "Thing:Spectrum"}) {
		t.Fatalf("classes %q", names)
	}
	c, _ := s.Class("THING:SPECTRUM")
	if c.MinFields != 3 || c.Extensible != 2 || c.FirstExtensible != 2 || len(c.Fields) != 8 {
		t.Errorf("min-fields %d, extensible %d from %d, %d fields", c.MinFields, c.Extensible, c.FirstExtensible, len(c.Fields))
	}
	want := []Field{
		{ID: "A1", Name: "Name", Required: true},
		{ID: "N1", Name: "Flag, 0 or 1", Numeric: true, Type: TypeInteger, Min: &Bound{-1, true}, Max: &Bound{2.5, true}, Keys: []string{"0", "1"}},
		{ID: "N2", Name: "Wavelength 1", Numeric: true, Units: "micron", Autosizable: true},
		{ID: "A2", Name: "Kind 1", Type: TypeChoice, Keys: []string{"Solar"}},
		{ID: "N3", Name: "Wavelength 2", Numeric: true},
		{ID: "A3", Name: "Kind 2"},
	}
	if !reflect.DeepEqual(c.Fields[:6], want[:6]) {
		t.Errorf("fields\n %+v\nwant\n %+v", c.Fields[:6], want[:6])
	}
	if f := c.Fields[6]; f.ID != "N4" || f.Name != "Wavelength 3" || f.Units != "micron" || !f.Autosizable {
		t.Errorf("unnamed N4 = %+v", f)
	}
	if f := c.Fields[5]; f.ID != "A3" || f.Name != "Kind 2" {
		t.Errorf("A3 = %+v", f)
	}
	if f, _ := c.FieldAt(7); f.ID != "A4" || f.Name != "Kind 3" || f.Type != TypeChoice { // as Kind 1, the group's first
		t.Errorf("unnamed A4 = %+v", f)
	}
	if f, _ := c.FieldAt(9); f.ID != "A5" || f.Name != "Kind 4" || f.Type != TypeChoice {
		t.Errorf("A5, past the list = %+v", f)
	}
	if i, _, ok := c.Field("!- flag,  0 or 1 {}"); !ok || i != 1 {
		t.Errorf(`Field("!- flag,  0 or 1 {}") = %d, %v`, i, ok)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	tests := []struct{ text, err string }{
		{"A,\n A1, \\field x\n", "idd: the text ends inside class A: its last field ends with a comma, not a semicolon"},
		{"A,\n B1; \\field x\n", `idd: line 2: "B1" in class A is not a field (A1, N1, ...): is a semicolon missing before it?`},
		{"A,\n A1,\n Next,\n", `idd: line 3: "Next" in class A is not a field (A1, N1, ...): is a semicolon missing before it?`},
		{"A,\n A1,,\n", `idd: line 2: "" in class A is not a field (A1, N1, ...): is a semicolon missing before it?`},
		{"A;\na;\n", `idd: line 2: class "a" is defined twice`},
		{"A,\n \\units m\n A1;\n", `idd: line 2: \units before any field`},
		{"\\min-fields 2\n", `idd: line 1: \min-fields before any class`},
		{"A,\n N1; \\field x\n \\minimum zero\n", `idd: line 3: \minimum of field "x" of class A: "zero" is not a number`},
		{"A,\n \\min-fields two\n A1;\n", `idd: line 2: \min-fields of class A: "two" is not a count`},
		{"A,\n \\extensible:0\n A1;\n", `idd: line 2: \extensible:0 of class A is not a group size`},
		{"A,\n \\extensible:1\n A1;\n", `idd: class A is \extensible:1 with no \begin-extensible field`},
		{"A\n", `idd: line 1: "A" is followed by neither a comma nor a semicolon`},
		{";\n", "idd: line 1: a separator with no class name before it"},
	}
	for _, tt := range tests {
		t.Run(tt.err, func(t *testing.T) {
			if _, err := Parse(strings.NewReader(tt.text)); err == nil || err.Error() != tt.err {
				t.Errorf("Parse(%q) = %v, want %s", tt.text, err, tt.err)
			}
		})
	}
}

func strippedEmbedded(t testing.TB) string {
	t.Helper()
	z, err := gzip.NewReader(bytes.NewReader(embeddedIDD))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A cut anywhere in the first classes of the real dictionary gives a schema or an error, never
// a panic; a cut between two classes gives those before it.
func TestParseTruncated(t *testing.T) {
	text := strippedEmbedded(t)[:6000]
	for n := range len(text) {
		s, err := Parse(strings.NewReader(text[:n]))
		if err == nil && s == nil {
			t.Fatalf("cut at %d: no schema and no error", n)
		}
	}
	cut := strings.Index(text, "\nSimulationControl,")
	s, err := Parse(strings.NewReader(text[:cut]))
	if err != nil || len(s.Classes()) != 1 || s.Classes()[0].Name != "Version" {
		t.Errorf("cut before SimulationControl: %v, %v", s, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add(strippedEmbedded(f)[:3000])
	for _, s := range []string{"", ";", ",", "A,", "A,\\", "\\", "A,\nN1,\\extensible:", "A,\\extensible:3\nA1,\\begin-extensible\nA2,N1;", "!IDD_Version"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := Parse(strings.NewReader(text))
		if err != nil {
			return
		}
		for _, c := range s.Classes() {
			for i := range len(c.Fields) + 5 {
				if f, ok := c.FieldAt(i); ok {
					c.Field(f.Name)
					_ = f.Check("1")
				}
			}
			c.Suggest("x y z")
		}
	})
}
