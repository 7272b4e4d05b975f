package eplusout

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// FuzzParseErr feeds arbitrary eplusout.err text to the parser: it must never panic and its
// counts must never be negative.
func FuzzParseErr(f *testing.F) {
	for _, p := range []string{"testdata/err-epsm-test-success-25.2.err", "testdata/err-fatal-25.2.err",
		"../../shared/testdata/outputs/openstudio_SevereErrors.err", "../../shared/testdata/outputs/openstudio_WarningsAndCrash.err"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("   ************* EnergyPlus Completed Successfully-- 99999999999999999999 Warning; -1 Severe Errors"))
	f.Add([]byte("   **   ~~~   ** continuation before anything\n   **  Fatal  **"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseErr(bytes.NewReader(data))
		if err != nil {
			return // an over-long line is reported, not a crash
		}
		if s.Warnings < 0 || s.Severe < 0 {
			t.Fatalf("negative counts: %+v", s)
		}
		if _, err := ParseEnd(string(data)); err == nil && !strings.Contains(string(data), "EnergyPlus") {
			t.Fatal("an end line without EnergyPlus was accepted")
		}
	})
}
