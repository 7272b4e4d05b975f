package idf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// WriteTo writes the objects as IDF text, one field per line, without the original comments.
// A file with EPMacro lines is refused: their position decides what they include, and
// writing the objects without them would silently change the model.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	if len(f.Macros) > 0 {
		m := f.Macros[0]
		return 0, fmt.Errorf("write IDF: file has %d EPMacro lines (first at line %d: %s); expand it with EPMacro first", len(f.Macros), m.Line, m.Text)
	}
	var b bytes.Buffer
	for _, o := range f.Objects {
		b.WriteString(o.Class)
		for _, fld := range o.Fields {
			b.WriteByte(',')
			// A value starting with "##" at the start of a line would read back as a macro
			// line, so such a value stays on the separator's line.
			if strings.HasPrefix(fld, "##") {
				b.WriteByte(' ')
			} else {
				b.WriteString("\n    ")
			}
			b.WriteString(fld)
		}
		b.WriteString(";\n\n")
	}
	n, err := w.Write(b.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("write IDF: %w", err)
	}
	return int64(n), nil
}
