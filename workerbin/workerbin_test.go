package workerbin

import (
	"bytes"
	"compress/gzip"
	"os"
	"testing"
)

// The worker the app sends is the embedded one, unzipped and executable, written once per
// version: a second app start reuses it.
func TestExtractWritesTheWorkerOnce(t *testing.T) {
	want := []byte("#!/bin/sh\necho worker\n")
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(want)
	zw.Close()
	old := compressed
	t.Cleanup(func() { compressed = old })
	compressed = zipped.Bytes()

	dir := t.TempDir()
	p, err := Extract(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if !bytes.Equal(got, want) {
		t.Fatalf("worker = %q, want %q", got, want)
	}
	fi, _ := os.Stat(p)
	if fi.Mode()&0o100 == 0 {
		t.Fatalf("worker mode %v is not executable", fi.Mode())
	}
	before := fi.ModTime()
	os.Chtimes(p, before.Add(-3600e9), before.Add(-3600e9))
	again, err := Extract(dir)
	if err != nil || again != p {
		t.Fatalf("second Extract = %q, %v; want %q", again, err, p)
	}
	if fi2, _ := os.Stat(p); !fi2.ModTime().Equal(before.Add(-3600e9)) {
		t.Fatal("the worker was written again")
	}

	compressed = nil
	if p, err := Extract(dir); p != "" || err != nil {
		t.Fatalf("a build without a worker gave %q, %v", p, err)
	}
}
