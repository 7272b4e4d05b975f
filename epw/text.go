package epw

import (
	"fmt"
	"strings"
	"unicode"
)

// lineReader yields lines ending in "\n", "\r\n" or a lone "\r" (old Mac tools) and counts
// them, so errors can name the line.
type lineReader struct {
	s   string
	pos int
	n   int // number of the line last returned
}

func (r *lineReader) next() (string, bool) {
	if r.pos >= len(r.s) {
		return "", false
	}
	rest := r.s[r.pos:]
	i := strings.IndexAny(rest, "\r\n")
	r.n++
	if i < 0 {
		r.pos = len(r.s)
		return rest, true
	}
	r.pos += i + 1
	if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
		r.pos++
	}
	return rest[:i], true
}

// latin1ToUTF8 decodes ISO-8859-1, where every byte is the code point of the same value.
func latin1ToUTF8(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// removeSpaces turns the EPW's padded dates ("1/ 1") into plain ones ("1/1").
func removeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// quoteShort quotes a value for an error message, cut short when it is long.
func quoteShort(s string) string {
	const max = 40
	n := 0
	for i := range s {
		if n == max {
			return fmt.Sprintf("%q...", s[:i])
		}
		n++
	}
	return fmt.Sprintf("%q", s)
}
