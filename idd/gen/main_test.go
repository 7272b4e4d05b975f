package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/idd"
)

const sample = "!IDD_Version 9.9.1\n! header\n\\group G\nThing,\n  \\memo m\n  A1; \\field Name\n    \\note n\n    \\required-field\n"

// The same IDD gives the same bytes (no time stamp in the gzip header), which read back as the
// stripped text.
func TestRunWritesTheStrippedCopy(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "Energy+.idd")
	if err := os.WriteFile(in, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	var outs [][]byte
	for _, name := range []string{"a.idd.gz", "b.idd.gz"} {
		out := filepath.Join(dir, name)
		if err := run(in, out); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two runs on the same IDD wrote different bytes")
	}
	z, err := gzip.NewReader(bytes.NewReader(outs[0]))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(z)
	var want bytes.Buffer
	if err := idd.Strip(&want, strings.NewReader(sample)); err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() || want.String() != "!IDD_Version 9.9.1\nThing,\nA1; \\field Name\n\\required-field\n" {
		t.Errorf("wrote %q, Strip gives %q", got, want.String())
	}
}

func TestRunRefusesABadIDD(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "Energy+.idd")
	if err := os.WriteFile(in, []byte("Thing,\n  A1, \\field Name\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.idd.gz")
	err := run(in, out)
	if err == nil || !strings.Contains(err.Error(), in) || !strings.Contains(err.Error(), "ends inside class Thing") {
		t.Errorf("run = %v, want an error naming %s and the class", err, in)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a bad IDD still wrote the output")
	}
}
