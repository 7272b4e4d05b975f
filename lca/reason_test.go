package lca

import "testing"

// Every reason has its code in the TypeScript enum (AllReasonCodes) and its sentence: the window
// decides by the code and shows the sentence, so neither may be missing, and the sentences stay
// what the export's notes have always said.
func TestReasonCodesAndSentences(t *testing.T) {
	want := map[ReasonCode]string{
		ReasonIncomplete:     "incomplete",
		ReasonZeroBaseline:   "baseline is zero",
		ReasonBaseline:       "baseline: nothing to pay back",
		ReasonNoCostSaving:   "no annual energy cost saving: never pays back",
		ReasonNoCarbonSaving: "no annual operational carbon saving: never pays back",
		ReasonTooLong:        "saving too small to pay back in a representable time",
		ReasonOutOfRange:     "percentage too large to represent",
	}
	names := map[string]bool{}
	for _, c := range AllReasonCodes {
		if c.Value.Sentence() != want[c.Value] {
			t.Errorf("%s: sentence %q, want %q", c.Value, c.Value.Sentence(), want[c.Value])
		}
		if c.TSName == "" || names[c.TSName] {
			t.Errorf("%s: TypeScript name %q is empty or used twice", c.Value, c.TSName)
		}
		names[c.TSName] = true
		delete(want, c.Value)
	}
	for c := range want {
		t.Errorf("AllReasonCodes lacks %s: the window could not decide by it", c)
	}
}
