package idf

import "strings"

// lexer splits IDF text into fields. It works on the raw bytes: every byte the grammar cares
// about is ASCII, so offsets stay valid in the original text even when the file is Latin-1,
// which lets PrepareRunCopy edit the user's bytes in place.
type lexer struct {
	src       string
	pos       int
	line      int
	lineStart bool // only blanks since the last line break: "##" here starts a macro line
	latin1    bool

	// Cached offsets of the next '\n' and '\r' at or after pos (len(src) if none). Comment
	// skipping uses them so that a file of 50 MB of comments is scanned once, in
	// IndexByte-sized steps, even with lone-CR line endings.
	nextNL, nextCR int

	macros []MacroLine
}

// token is one field: the text between two separators with comments and macro lines removed.
type token struct {
	lo, hi int  // span of the field's content in src, first to last non-blank byte; lo < 0 if blank
	line   int  // line of the content's first byte, or of the separator when blank
	sep    byte // ',' or ';', or 0 at the end of the input
	sepPos int
	broken bool // a comment or macro line sits inside [lo, hi)
}

func newLexer(src string, pos int, latin1 bool) *lexer {
	return &lexer{src: src, pos: pos, line: 1, lineStart: true, latin1: latin1, nextNL: -1, nextCR: -1}
}

// next returns the next field. At the end of the input it returns sep == 0 with whatever
// content was left unterminated.
func (lx *lexer) next() token {
	t := token{lo: -1}
	interrupted := false // a comment or macro line came after the first content byte
	src := lx.src
	for lx.pos < len(src) {
		c := src[lx.pos]
		switch {
		case c == ',' || c == ';':
			t.sep, t.sepPos = c, lx.pos
			if t.lo < 0 {
				t.line = lx.line
			}
			lx.pos++
			lx.lineStart = false
			return t
		case c == '\n':
			lx.line++
			lx.pos++
			lx.lineStart = true
		case c == '\r':
			lx.line++
			lx.pos++
			if lx.pos < len(src) && src[lx.pos] == '\n' {
				lx.pos++
			}
			lx.lineStart = true
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			lx.pos++
		case c == '!':
			lx.pos = lx.eol()
			interrupted = interrupted || t.lo >= 0
		case c == '#' && lx.lineStart && lx.pos+1 < len(src) && src[lx.pos+1] == '#':
			lx.macro()
			interrupted = interrupted || t.lo >= 0
		default:
			if t.lo < 0 {
				t.lo, t.line = lx.pos, lx.line
			}
			if interrupted {
				t.broken = true
			}
			lx.pos++
			t.hi = lx.pos
			lx.lineStart = false
		}
	}
	if t.lo < 0 {
		t.line = lx.line
	}
	t.sepPos = len(src)
	return t
}

// eol is the offset of the line break that ends the current line (or len(src)).
func (lx *lexer) eol() int {
	if lx.nextNL < lx.pos {
		lx.nextNL = indexFrom(lx.src, lx.pos, '\n')
	}
	if lx.nextCR < lx.pos {
		lx.nextCR = indexFrom(lx.src, lx.pos, '\r')
	}
	return min(lx.nextNL, lx.nextCR)
}

func indexFrom(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return len(s)
}

// macro records the EPMacro line starting at pos and moves to its end.
func (lx *lexer) macro() {
	end := lx.eol()
	text := strings.TrimRight(lx.src[lx.pos:end], " \t\f\v")
	if lx.latin1 {
		text = latin1ToUTF8(text)
	}
	lx.macros = append(lx.macros, MacroLine{Line: lx.line, Text: text})
	lx.pos = end
}

// text is the field's value as UTF-8 with comments and macro lines removed.
func (lx *lexer) text(t token) string {
	if t.lo < 0 {
		return ""
	}
	s := lx.src[t.lo:t.hi]
	if t.broken {
		s = stripComments(s)
	}
	if lx.latin1 {
		s = latin1ToUTF8(s)
	}
	return s
}

// stripComments removes comments and macro lines from the inside of one field, the rare case
// of a value split over lines with a comment between its parts.
func stripComments(s string) string {
	var b strings.Builder
	lineStart := false // s starts at a content byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '!' || (c == '#' && lineStart && i+1 < len(s) && s[i+1] == '#'):
			for i+1 < len(s) && s[i+1] != '\n' && s[i+1] != '\r' {
				i++
			}
			continue
		case c == '\n' || c == '\r':
			lineStart = true
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
		default:
			lineStart = false
		}
		b.WriteByte(c)
	}
	return b.String()
}
