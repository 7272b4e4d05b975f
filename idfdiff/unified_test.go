package idfdiff

import (
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	changed := strings.Replace(base, "Old Wall,", "New Wall,", 1)
	hunk := `--- base.idf
+++ variant.idf
@@ -12,7 +12,7 @@
 BuildingSurface:Detailed,
     Wall 1,                  !- Name
     Wall,                    !- Surface Type
-    Old Wall,                !- Construction Name
+    New Wall,                !- Construction Name
     Z1;                      !- Zone Name
 
 Output:Variable,*,Site Outdoor Air Drybulb Temperature,hourly;
`
	cases := []struct {
		name      string
		after     string
		max       int
		want      string
		lines     int
		truncated bool
	}{
		{"the same model in CRLF is no change", strings.ReplaceAll(base, "\n", "\r\n"), 0, "", 0, false},
		{"a changed line with three lines of context", changed, 0, hunk, 11, false},
		{"a CRLF variant diffs as LF", strings.ReplaceAll(changed, "\n", "\r\n"), 0, hunk, 11, false},
		{"cut at the limit, the full count kept", changed, 4, strings.Join(strings.SplitAfter(hunk, "\n")[:4], ""), 4, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Unified(Source{"base.idf", []byte(base)}, Source{"variant.idf", []byte(c.after)}, c.max)
			if err != nil {
				t.Fatal(err)
			}
			if r.Text != c.want {
				t.Errorf("diff\n%s\nwant\n%s", r.Text, c.want)
			}
			if r.Lines != c.lines || r.Truncated != c.truncated || (c.truncated && r.AllLines != 11) {
				t.Errorf("lines %d of %d, truncated %v; want %d, %v", r.Lines, r.AllLines, r.Truncated, c.lines, c.truncated)
			}
		})
	}
}
