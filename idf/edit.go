package idf

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// FieldEdit sets one field of one object: Object is the index in File.Objects of the file
// parsed from the same text, Field counts from 0 after the class name.
type FieldEdit struct {
	Object int
	Field  int
	Value  string
}

// EditFields returns src with the given fields replaced and extra appended at the end (in the
// file's own line endings), every other byte kept as the user wrote it, comments included.
func EditFields(src []byte, edits []FieldEdit, extra string) ([]byte, error) {
	f, err := Parse(src)
	if err != nil {
		return nil, fmt.Errorf("edit: %w", err)
	}
	if len(f.Macros) > 0 {
		return nil, fmt.Errorf("edit: line %d: %q is an EPMacro line; expand the file with EPMacro first", f.Macros[0].Line, f.Macros[0].Text)
	}
	text := string(src)
	latin1 := !utf8.ValidString(text)
	seen := map[[2]int]bool{}
	var es []edit
	for _, e := range edits {
		if e.Object < 0 || e.Object >= len(f.Objects) || e.Field < 0 {
			return nil, fmt.Errorf("edit: no object %d / field %d", e.Object, e.Field)
		}
		if strings.ContainsAny(e.Value, ",;!\n\r") {
			return nil, fmt.Errorf("edit: value %q for %s at line %d contains a separator", e.Value, f.Objects[e.Object].Class, f.Objects[e.Object].Line)
		}
		key := [2]int{e.Object, e.Field}
		if seen[key] {
			return nil, fmt.Errorf("edit: field %d of %s at line %d set twice", e.Field, f.Objects[e.Object].Class, f.Objects[e.Object].Line)
		}
		seen[key] = true
		es = append(es, setField(text, latin1, f.starts[e.Object], e.Field, e.Value))
	}
	out := applyEdits(text, es)
	if extra != "" {
		nl := newline(text)
		extra = strings.ReplaceAll(strings.ReplaceAll(extra, "\r\n", "\n"), "\n", nl)
		if !strings.HasSuffix(out, nl) && out != "" {
			out += nl
		}
		out += nl + extra
		if !strings.HasSuffix(out, nl) {
			out += nl
		}
	}
	return []byte(out), nil
}
