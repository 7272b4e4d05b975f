package idf

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzFiles = []string{
	"energyplus/1ZoneUncontrolled.idf", "energyplus/1ZoneUncontrolledUTF8.idf",
	"energyplus/1ZoneEvapCooler.idf", "energyplus/1ZoneUncontrolled_DD2009.idf", "epsm/test.idf",
}

var fuzzEdgeCases = []string{
	"", ";", ",", "A", "A,", "A;", "A,;", "!", "##", "##x\nA;", "\xEF\xBB\xBF", "\xEF\xBB\xBFA;",
	"A,1;\r\nB,2;", "A,1;\rB,2;", "A, x !c\n y;", "Zone,G\xF6teborg;", "\x00", "\xFF\xFE",
	"Output:SQLite,Simple,JtoKWH;OutputControl:Table:Style,Comma;", "Output:Table:SummaryReports;",
	"A,##b;", "A,\n##b\n;", "A B:C-D_E,1;", "A\nB,1;", "RunPeriod,r,2,29,2021,2,28,;",
}

// hostileSeeds are the bad and odd model files of the hostile-input corpus (testdata/hostile,
// docs/INPUT_ERRORS.md): the fuzzers start from what the import tests already try.
func hostileSeeds(f *testing.F) [][]byte {
	paths, _ := filepath.Glob("../testdata/hostile/idf-*.idf")
	imf, _ := filepath.Glob("../testdata/hostile/*.imf")
	var out [][]byte
	for _, p := range append(paths, imf...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, data[:min(len(data), 4096)])
	}
	if len(out) < 20 {
		f.Fatalf("only %d hostile model files found: the corpus moved?", len(out))
	}
	return out
}

// seedFuzz adds the first 4 KB of each real input and of each hostile model file, and the
// hand-made edge cases.
func seedFuzz(f *testing.F) {
	for _, file := range fuzzFiles {
		data := readTestFile(f, file)
		f.Add(data[:min(len(data), 4096)])
	}
	for _, data := range hostileSeeds(f) {
		f.Add(data)
	}
	for _, s := range fuzzEdgeCases {
		f.Add([]byte(s))
	}
}

func FuzzParse(f *testing.F) {
	seedFuzz(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Msg == "" || se.Line < 0 {
				t.Fatalf("error %T %q is not a usable *SyntaxError", err, err)
			}
			return
		}
		if len(file.Objects) == 0 && len(file.Macros) == 0 {
			t.Fatal("no error and nothing parsed")
		}
		prev := 1
		for _, o := range file.Objects {
			if o.Line < prev {
				t.Fatalf("object %q at line %d before line %d", o.Class, o.Line, prev)
			}
			prev = o.Line
			if err := checkClass(o.Class, o.Line); err != nil || o.Class == "" {
				t.Fatalf("accepted class %q", o.Class)
			}
			for _, fld := range o.Fields {
				if !utf8.ValidString(fld) || strings.ContainsAny(fld, ",;!") {
					t.Fatalf("field %q is not valid UTF-8 or holds a separator", fld)
				}
			}
		}
		for _, m := range file.Macros {
			if m.Line < 1 || !strings.HasPrefix(m.Text, "##") {
				t.Fatalf("bad macro line %+v", m)
			}
		}
		s := Summarize(file)
		if s.TotalDays(false) < 0 || s.TotalDays(true) < 0 {
			t.Fatalf("negative day count in %+v", s)
		}
		// Writing drops comments, which can push a file with a few stray control bytes over
		// the binary-data threshold, so only clean text must round-trip.
		if len(file.Macros) == 0 && !hasControlBytes(data) {
			assertRoundTrip(t, file)
		}
	})
}

func FuzzPrepareRunCopy(f *testing.F) {
	seedFuzz(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		orig, perr := Parse(data)
		out, inj, err := PrepareRunCopy(data)
		if perr != nil || len(orig.Macros) > 0 {
			if err == nil {
				t.Fatal("PrepareRunCopy accepted input that Parse rejects or that has macros")
			}
			return
		}
		if err != nil {
			t.Fatalf("PrepareRunCopy failed on parseable input: %v", err)
		}
		if !inj.Changed() && !bytes.Equal(out, data) {
			t.Fatal("nothing injected but the text changed")
		}
		got, err := Parse(out)
		if err != nil {
			t.Fatalf("run copy does not parse: %v\n%q", err, out)
		}
		for _, c := range runCopyClasses {
			if want := max(1, len(orig.All(c))); len(got.All(c)) != want {
				t.Fatalf("run copy has %d %s, want %d\n%q", len(got.All(c)), c, want, out)
			}
		}
		for i, o := range orig.Objects {
			if got.Objects[i].Class != o.Class {
				t.Fatalf("object %d changed class from %s to %s", i, o.Class, got.Objects[i].Class)
			}
		}
		again, inj2, err := PrepareRunCopy(out)
		if err != nil || inj2.Changed() || !bytes.Equal(again, out) {
			t.Fatalf("second run copy changed again (%+v, %v):\n%q", inj2, err, out)
		}
	})
}

func hasControlBytes(data []byte) bool {
	for _, c := range data {
		if isControl(c) {
			return true
		}
	}
	return false
}
