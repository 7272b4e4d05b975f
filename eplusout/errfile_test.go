package eplusout

import (
	"path/filepath"
	"strings"
	"testing"
)

const sharedOutputs = "../../shared/testdata/outputs"

func TestParseErrFileOnRealFiles(t *testing.T) {
	tests := []struct {
		file        string
		want        ErrSummary
		endContains string
	}{
		{
			file: filepath.Join(sharedOutputs, "openstudio_NoErrorsNoWarnings.err"),
			want: ErrSummary{Completed: true},
		},
		{
			// The closing line's tally (8931) wins over the 52 lines printed: EnergyPlus folds
			// repeats into "recurring" summaries.
			file: filepath.Join(sharedOutputs, "openstudio_RepeatingWarnings.err"),
			want: ErrSummary{Warnings: 8931, Completed: true},
		},
		{
			file: filepath.Join(sharedOutputs, "openstudio_SevereErrors.err"),
			want: ErrSummary{
				Severe:      26,
				FirstFatal:  "IP: Errors occurred on processing IDF file. Preceding condition(s) cause termination.",
				FirstSevere: "Out of range value Numeric Field#1 (Lighting Level), value=-1527598.22490, range={>=0}, in LIGHTS=ZN_1_FLR_1_SEC_1_LIGHTS",
				LastSevere:  `IP: Out of "range" values and/or blank required fields found in input`,
			},
			endContains: "Terminated--Fatal Error Detected",
		},
		{
			// A crash leaves no closing line: counts come from the lines themselves.
			file: filepath.Join(sharedOutputs, "openstudio_WarningsAndCrash.err"),
			want: ErrSummary{Warnings: 9},
		},
		{
			file: "testdata/err-epsm-test-success-25.2.err",
			want: ErrSummary{Warnings: 24, Completed: true},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			got, err := ParseErrFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got.EndLine, tt.endContains) {
				t.Errorf("end line %q does not contain %q", got.EndLine, tt.endContains)
			}
			if tt.want.Completed && !strings.HasPrefix(got.EndLine, "EnergyPlus Completed Successfully") {
				t.Errorf("end line = %q", got.EndLine)
			}
			got.EndLine = ""
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseErrJoinsContinuationLines(t *testing.T) {
	text := "Program Version,EnergyPlus, Version 25.2.0\n" +
		"   ** Severe  ** GetSurfaceData: bad vertex\n" +
		"   **   ~~~   ** in surface WALL-1\n" +
		"   **  Fatal  ** Preceding errors cause termination\n" +
		"   **   ~~~   ** see above\n" +
		"   ************* EnergyPlus Terminated--Fatal Error Detected. 0 Warning; 1 Severe Errors; Elapsed Time=00hr 00min  0.10sec\n"
	got, err := ParseErr(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if got.LastSevere != "GetSurfaceData: bad vertex in surface WALL-1" {
		t.Errorf("last severe = %q", got.LastSevere)
	}
	if got.FirstFatal != "Preceding errors cause termination see above" {
		t.Errorf("first fatal = %q", got.FirstFatal)
	}
	if got.Completed || got.Severe != 1 {
		t.Errorf("got %+v", got)
	}
}

func TestParseErrFileMissingNamesTheFile(t *testing.T) {
	_, err := ParseErrFile("testdata/does-not-exist.err")
	if err == nil || !strings.Contains(err.Error(), "does-not-exist.err") {
		t.Fatalf("err = %v", err)
	}
}

func TestParseEndFile(t *testing.T) {
	tests := []struct {
		file    string
		want    EndSummary
		wantErr bool
	}{
		{file: "testdata/end-1zone-success-25.2.end", want: EndSummary{Completed: true}},
		{file: "testdata/end-fatal-25.2.end", want: EndSummary{Warnings: 1, Severe: 2}},
		{file: "testdata/err-fatal-25.2.err", wantErr: true}, // not an end file
		{file: "testdata/missing.end", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			got, err := ParseEndFile(tt.file)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if tt.wantErr {
				return
			}
			got.Line = ""
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
