package idf

import (
	"bytes"
	"testing"
	"time"
)

// Recorded on the development machine (go1.26, linux/amd64): see the package report.
func BenchmarkParseTestIDF(b *testing.B) {
	data := readTestFile(b, "epsm/test.idf")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// A file that is almost all comments must cost time linear in its size; 50 MB here.
func BenchmarkParse50MBComments(b *testing.B) {
	data := append(bytes.Repeat([]byte("! a comment line of IDF text, typical of generated files ......\r\n"), 50<<20/65), "Version,23.2;"...)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPrepareRunCopyTestIDF(b *testing.B) {
	data := readTestFile(b, "epsm/test.idf")
	for b.Loop() {
		if _, _, err := PrepareRunCopy(data); err != nil {
			b.Fatal(err)
		}
	}
}

// Guards against quadratic comment scanning (a lone-CR file once made every comment search
// run to the end of the file): linear parsing takes about 0.1 s here, quadratic hours.
func TestParseLargeCommentFilesInLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB inputs")
	}
	for _, eol := range []string{"\n", "\r", "\r\n"} {
		line := "! comment" + eol
		data := append(bytes.Repeat([]byte(line), 50<<20/len(line)), "Version,23.2;"...)
		start := time.Now()
		f, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q line endings: 50 MB of comments took %v", eol, d)
		}
		if want := 50<<20/len(line) + 1; f.Objects[0].Line != want {
			t.Errorf("%q line endings: Version on line %d, want %d", eol, f.Objects[0].Line, want)
		}
	}
}
