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
	// An epJSON model dropped in place of an IDF would otherwise read as one long class name.
	if body := strings.TrimLeft(src[base:], " \t\r\n\f\v"); strings.HasPrefix(body, "{") {
		return nil, &SyntaxError{Line: lineAt(src[base:], len(src[base:])-len(body)), Msg: "JSON text (an epJSON model?), not IDF text"}
	}
	lx := newLexer(src, base, latin1)
	p := parser{lx: lx}
	if err := p.run(); err != nil {
		return nil, err
	}
	if len(p.objects) == 0 && len(lx.macros) == 0 {
		return nil, &SyntaxError{Msg: "no IDF objects found (the file is empty or only has comments)"}
	}
	return &File{Objects: p.objects, Macros: lx.macros, starts: p.starts}, nil
}

type parser struct {
	lx      *lexer
	objects []Object
	starts  []int
	// One backing array for all fields: far fewer allocations than a slice per object.
	fields []string
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
			p.fields = append(p.fields, p.lx.text(ft))
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

func emptyClass(t token) error {
	if t.sep == ',' {
		return &SyntaxError{Line: t.line, Msg: "',' with no class name before it (a stray ',' or a missing class name)"}
	}
	return &SyntaxError{Line: t.line, Msg: "';' with no class name before it (a stray ';' or an empty object)"}
}

func unterminated(class string, line int) error {
	return &SyntaxError{Line: line, Msg: fmt.Sprintf("object %s starting at line %d is not terminated by ';'", class, line)}
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
