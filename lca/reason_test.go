package lca

import "testing"

// Every reason has its code in the TypeScript enum (AllReasonCodes) and its own sentence: the
// window decides by the code and shows the sentence, so neither may be missing.
func TestReasonCodesAndSentences(t *testing.T) {
	names, sentences := map[string]bool{}, map[string]bool{}
	for _, c := range AllReasonCodes {
		if s := c.Value.Sentence(); s == "" || sentences[s] {
			t.Errorf("%s: sentence %q is empty or another reason's", c.Value, s)
		}
		if c.TSName == "" || names[c.TSName] {
			t.Errorf("%s: TypeScript name %q is empty or used twice", c.Value, c.TSName)
		}
		names[c.TSName], sentences[c.Value.Sentence()] = true, true
	}
	if len(AllReasonCodes) != len(reasonSentences) {
		t.Errorf("AllReasonCodes has %d codes, the sentences %d: the window could not decide by every reason", len(AllReasonCodes), len(reasonSentences))
	}
}
