package runner

import (
	"strings"
	"testing"
)

// EPMacro's messages count the ##fileprefix line ExpandMacros adds; the user's line is one less.
func TestMacroMessagesNameTheUsersLine(t *testing.T) {
	out := "Version,25.2 ;\n  Output:PreprocessorMessage, EPMacro, Severe,\n    at approximately input line number=4: column=11,\n" +
		"    cannot find/read include file,\n    symbol=missing.imf,\n    refer to <file>.epmdet for details.;\n"
	err := macroMessages([]byte(out))
	if err == nil || err.Error() != `EPMacro could not expand it: line 3: cannot find/read include file "missing.imf"` {
		t.Fatalf("got %v", err)
	}
	warning := strings.Replace(out, "Severe", "Warning", 1)
	if err := macroMessages([]byte(warning)); err != nil {
		t.Fatalf("a warning refused the file: %v", err)
	}
}
