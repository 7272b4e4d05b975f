package epw

import (
	"bytes"
	"testing"
)

// Recorded on the development machine (go1.26, linux/amd64): see the package report.
func BenchmarkParseGolden(b *testing.B) {
	data := readTestFile(b, golden)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
