package idf

import "fmt"

// SyntaxError reports malformed input with its line.
type SyntaxError struct {
	Line int // 1-based; 0 when the problem is the file as a whole
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Line <= 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// maxQuoted keeps messages readable when a "class name" is really a page of stray text.
const maxQuoted = 60

func quoteShort(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return fmt.Sprintf("%q...", s[:i])
		}
		n++
	}
	return fmt.Sprintf("%q", s)
}
