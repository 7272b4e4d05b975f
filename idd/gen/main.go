// Command gen writes the idd package's embedded dictionary: an engine's Energy+.idd stripped to
// what idd.Parse reads (idd.Strip), gzip'd without a time stamp so the same input gives the
// same bytes.
//
//	go run ./idd/gen -in /path/to/EnergyPlus/Energy+.idd -out idd/data/Energy+25.2.idd.gz
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"

	"epsm/idd"
)

func main() {
	in := flag.String("in", "", "the engine's Energy+.idd")
	out := flag.String("out", "", "the gzip'd stripped copy to write")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -in Energy+.idd -out Energy+<version>.idd.gz")
		os.Exit(2)
	}
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var stripped bytes.Buffer
	if err := idd.Strip(&stripped, f); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	s, err := idd.Parse(bytes.NewReader(stripped.Bytes()))
	if err != nil {
		return fmt.Errorf("%s, stripped: %w", in, err)
	}
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if _, err := w.Write(stripped.Bytes()); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, z.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: EnergyPlus %s, %d classes, %d bytes stripped, %d gzip'd\n", out, s.Version(), len(s.Classes()), stripped.Len(), z.Len())
	return nil
}
