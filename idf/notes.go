package idf

import "strings"

// FieldNote is where one field of an object is written and what its "!-" comment calls it.
type FieldNote struct {
	Line int    // 1-based line of the value, or of its separator when the value is blank
	Name string // the text of a "!- Name {unit}" comment after the field on its line; "" if none
}

// FieldNotes returns a note per field of object i (in the order of Object.Fields), read again
// from the parsed text with its comments. IDF Editor and most generated models name each field in a
// "!-" comment after it, which is the only place an IDD-less reader learns a field's name.
func (f *File) FieldNotes(i int) []FieldNote {
	if i < 0 || i >= len(f.Objects) || i >= len(f.starts) {
		return nil
	}
	text := f.src
	lx := newLexer(text, f.starts[i], f.latin1)
	lx.lineStart = false // the class name, not the start of a line
	lx.line = f.Objects[i].Line
	lx.next() // the class name
	notes := make([]FieldNote, 0, len(f.Objects[i].Fields))
	for range f.Objects[i].Fields {
		t := lx.next()
		notes = append(notes, FieldNote{Line: t.line, Name: fieldComment(text, t.sepPos, f.latin1)})
		if t.sep != ',' {
			break
		}
	}
	return notes
}

// fieldComment is the "!-" comment that follows the separator at sep on the same line, when
// nothing but blanks stands between them (another field on the line takes the comment).
func fieldComment(src string, sep int, latin1 bool) string {
	j := sep + 1
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if !strings.HasPrefix(src[j:], "!-") {
		return ""
	}
	end := j + 2
	for end < len(src) && src[end] != '\n' && src[end] != '\r' {
		end++
	}
	name := strings.TrimSpace(src[j+2 : end])
	if latin1 {
		name = latin1ToUTF8(name)
	}
	return name
}
