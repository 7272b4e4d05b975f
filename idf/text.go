package idf

import (
	"strings"
	"unicode/utf8"
)

const utf8BOM = "\xEF\xBB\xBF"

// checkText rejects input that is not text before the parser turns it into a confusing list
// of bogus objects: users do drop zip files, PDFs and UTF-16 exports on the window.
// latin1 says whether the text will be decoded as Latin-1 (it is not valid UTF-8).
func checkText(s string, latin1 bool) *SyntaxError {
	if strings.HasPrefix(s, "\xFF\xFE") || strings.HasPrefix(s, "\xFE\xFF") {
		return &SyntaxError{Line: 1, Msg: "UTF-16 text is not supported by EnergyPlus: save the file as UTF-8 or ANSI"}
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return &SyntaxError{Line: lineAt(s, i), Msg: "binary data, not an IDF text file"}
	}
	bad, first := 0, -1
	for i := 0; i < len(s); i++ {
		if c := s[i]; isControl(c) || (latin1 && c >= 0x80) {
			bad++
			if first < 0 {
				first = i
			}
		}
	}
	// Real IDF text has no control characters and, when it is Latin-1, only a few accented
	// letters; random binary data is about 60% such bytes. A third is far from both.
	if bad*3 > len(s) {
		return &SyntaxError{Line: lineAt(s, first), Msg: "binary data, not an IDF text file"}
	}
	return nil
}

func isControl(c byte) bool {
	return (c < 0x20 && !isSpace(c)) || c == 0x7f
}

// isSpace is IDF whitespace. EnergyPlus's own parser only skips ASCII whitespace, so a
// no-break space stays part of a name here too.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// lineAt is the 1-based line of byte offset i; "\r\n" and a lone "\r" each end one line.
func lineAt(s string, i int) int {
	line := 1
	for j := 0; j < i && j < len(s); j++ {
		switch s[j] {
		case '\n':
			line++
		case '\r':
			if j+1 >= len(s) || s[j+1] != '\n' {
				line++
			}
		}
	}
	return line
}

// latin1ToUTF8 decodes ISO-8859-1, where every byte is the code point of the same value.
// Old IDF files written on Windows are often in this encoding (e.g. "Göteborg").
func latin1ToUTF8(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}
