package report

import (
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	h, _ := os.Create("/tmp/rep.html")
	WriteHTML(h, sample())
	h.Close()
	p, _ := os.Create("/tmp/rep.pdf")
	WritePDF(p, sample())
	p.Close()
}
