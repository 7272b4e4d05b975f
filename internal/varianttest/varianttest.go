// Package varianttest writes a real study variant for tests: a model's text, its take-off and
// the variant's IDF exactly as a study writes it, with the default library.
package varianttest

import (
	"os"
	"testing"

	"epsm/idf"
	"epsm/library"
	"epsm/study"
	"epsm/takeoff"
)

// TestIDF is the shared 6,423-line model, from a package folder one level below the module.
const TestIDF = "../../shared/testdata/epsm/test.idf"

// Variant is a base model and one variant of it.
type Variant struct {
	Base    []byte
	Text    []byte // the variant's IDF
	Takeoff *takeoff.Takeoff
	Library *library.Library
}

// Write reads the model at path and writes variant v of it; it fails the test on any error.
func Write(t testing.TB, path string, v study.Variant) Variant {
	t.Helper()
	base, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (the shared test data is cloned beside main/): %v", path, err)
	}
	f, err := idf.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := takeoff.Compute(f)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := library.Default()
	if err != nil {
		t.Fatal(err)
	}
	text, err := study.WriteVariant(base, tk, lib, v)
	if err != nil {
		t.Fatal(err)
	}
	return Variant{Base: base, Text: text, Takeoff: tk, Library: lib}
}
