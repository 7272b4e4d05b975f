package idf

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// ParseFile reads and parses an IDF file. Errors name the path.
func ParseFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return f, nil
}

// Parse parses IDF text. It accepts a UTF-8 BOM, LF, CRLF and lone-CR line endings, and
// Latin-1 text (decoded to UTF-8 when the bytes are not valid UTF-8). Every error is a
// *SyntaxError.
func Parse(data []byte) (*File, error) {
	src := string(data)
	base := 0
	if strings.HasPrefix(src, utf8BOM) {
		base = len(utf8BOM)
	}
	latin1 := !utf8.ValidString(src)
	if err := checkText(src[base:], latin1); err != nil {
		return nil, err
	}
	body := strings.TrimLeft(src[base:], " \t\r\n\f\v")
	if body == "" {
		return nil, &SyntaxError{Msg: "no IDF objects found: the file is empty"}
	}
	// An epJSON model dropped in place of an IDF would otherwise read as one long class name.
	if strings.HasPrefix(body, "{") {
		return nil, &SyntaxError{Line: lineAt(src[base:], len(src[base:])-len(body)), Msg: "JSON text (an epJSON model?), not IDF text"}
	}
	// A weather file renamed .idf would otherwise fail on its second line with a puzzling
	// message about a missing ';'.
	if len(body) > 9 && strings.EqualFold(body[:9], "LOCATION,") {
		return nil, &SyntaxError{Line: lineAt(src[base:], len(src[base:])-len(body)), Msg: "this is an EPW weather file (it starts with LOCATION,), not an IDF model"}
	}
	lx := newLexer(src, base, latin1)
	p := parser{lx: lx}
	if err := p.run(); err != nil {
		return nil, err
	}
	if len(p.objects) == 0 && len(lx.macros) == 0 {
		return nil, &SyntaxError{Msg: "no IDF objects found: the file has only comments"}
	}
	if err := p.missingSemicolon(); err != nil {
		return nil, err
	}
	return &File{Objects: p.objects, Macros: lx.macros, starts: p.starts, src: src, latin1: latin1}, nil
}

type parser struct {
	lx      *lexer
	objects []Object
	starts  []int
	// One backing array for all fields: far fewer allocations than a slice per object.
	fields []string
	// spans are fields whose value runs over a line break: the usual sign of a ';' missing
	// at the end of an object, checked once every class name in the file is known.
	spans []spanningField
}

// spanningField is a field whose last line holds a word that may be the next object's class.
type spanningField struct {
	class     string // the object the field belongs to
	classLine int
	line      int    // line of the word
	value     string // the field's text before the line break
	word      string // the text on its last line
}

func (p *parser) run() error {
	for {
		t := p.lx.next()
		if t.sep == 0 && t.lo < 0 {
			return nil
		}
		if t.lo < 0 {
			return emptyClass(t)
		}
		class := p.lx.text(t)
		if err := checkClass(class, t.line); err != nil {
			return err
		}
		if t.sep == 0 {
			return unterminated(class, t.line)
		}
		obj := Object{Class: class, Line: t.line}
		first := len(p.fields)
		for sep := t.sep; sep == ','; {
			ft := p.lx.next()
			if ft.sep == 0 {
				return unterminated(class, t.line)
			}
			text := p.lx.text(ft)
			if ft.sep == ',' && strings.ContainsAny(text, "\r\n") {
				p.noteSpan(class, t.line, ft.line, text)
			}
			p.fields = append(p.fields, text)
			sep = ft.sep
		}
		// Capacity capped so a caller appending to one object's Fields cannot overwrite the next.
		if len(p.fields) > first {
			obj.Fields = p.fields[first:len(p.fields):len(p.fields)]
		}
		p.objects = append(p.objects, obj)
		p.starts = append(p.starts, t.lo)
	}
}

func (p *parser) noteSpan(class string, classLine, line int, text string) {
	cut := strings.LastIndexAny(text, "\r\n")
	word := strings.TrimSpace(text[cut+1:])
	if word == "" || strings.ContainsAny(word, " \t") || checkClass(word, 0) != nil {
		return
	}
	p.spans = append(p.spans, spanningField{class: class, classLine: classLine, line: line + lineAt(text, len(text)) - 1,
		value: strings.TrimSpace(text[:cut]), word: word})
}

// missingSemicolon finds an object that runs into the next one because its ';' is missing:
// EnergyPlus would read the next object's class name as a value and report a confusing
// error far from the cause. A field split over lines is legal IDF, so the word after the
// line break must be a class name used elsewhere in the file (same case: "my\nzone" is a
// name), or look like one (A:B).
func (p *parser) missingSemicolon() error {
	if len(p.spans) == 0 {
		return nil
	}
	classes := make(map[string]bool, 64)
	for _, o := range p.objects {
		classes[o.Class] = true
	}
	for _, s := range p.spans {
		if !classes[s.word] && !strings.Contains(s.word, ":") {
			continue
		}
		return &SyntaxError{Line: s.line, Msg: fmt.Sprintf(
			"%s looks like the start of a new object, but the %s object above it (line %d) has no ';' after its last value %s",
			s.word, s.class, s.classLine, quoteShort(s.value))}
	}
	return nil
}

func emptyClass(t token) error {
	if t.sep == ',' {
		return &SyntaxError{Line: t.line, Msg: "',' with no class name before it (a stray ',' or a missing class name)"}
	}
	return &SyntaxError{Line: t.line, Msg: "';' with no class name before it (a stray ';' or an empty object)"}
}

func unterminated(class string, line int) error {
	return &SyntaxError{Line: line, Msg: fmt.Sprintf("object %s starting at line %d is not terminated by ';' before the end of the file (is the file cut short, or its last ';' missing?)", class, line)}
}

// checkClass accepts what EnergyPlus class names are made of. Anything else means stray text
// (often a missing '!' or ';') that EnergyPlus would reject with a far less helpful message.
func checkClass(class string, line int) error {
	for i := 0; i < len(class); i++ {
		c := class[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == ':' || c == '-' || c == '_' || c == ' ' {
			continue
		}
		hint := ""
		if c == '\n' || c == '\r' {
			hint = " (text spans lines: is a ';' or '!' missing?)"
		}
		return &SyntaxError{Line: line, Msg: fmt.Sprintf(
			"invalid class name %s: IDF class names contain only letters, digits, ':', '-', '_' and spaces%s",
			quoteShort(class), hint)}
	}
	return nil
}
