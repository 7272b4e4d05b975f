package idd

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Parse reads IDD text. It reads what an index and a value check need and skips every other
// directive (\memo, \note, \reference, \ip-units, ...); an error names the line and the problem.
func Parse(r io.Reader) (*Schema, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("idd: read: %w", err)
	}
	p := parser{s: &Schema{byName: map[string]*Class{}}}
	text := string(data)
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if err := p.line(strings.TrimSpace(line)); err != nil {
			return nil, fmt.Errorf("idd: line %d: %w", n, err)
		}
	}
	if err := p.finish(); err != nil {
		return nil, fmt.Errorf("idd: %w", err)
	}
	return p.s, nil
}

type parser struct {
	s    *Schema
	cur  *Class // the class directives apply to, until the next one starts
	open bool   // cur's last field ended with a comma: more fields follow
}

func (p *parser) line(t string) error {
	if t == "" {
		return nil
	}
	if v, ok := strings.CutPrefix(t, "!IDD_Version"); ok {
		if p.s.version == "" {
			p.s.version = strings.TrimSpace(v)
		}
		return nil
	}
	code, dir := splitLine(t)
	for {
		i := strings.IndexAny(code, ",;")
		if i < 0 {
			if s := strings.TrimSpace(code); s != "" {
				return fmt.Errorf("%q is followed by neither a comma nor a semicolon", s)
			}
			break
		}
		if err := p.token(strings.TrimSpace(code[:i]), code[i] == ','); err != nil {
			return err
		}
		code = code[i+1:]
	}
	if dir != "" {
		return p.directive(dir)
	}
	return nil
}

// token is one item before a separator: a class name, or one of its fields (A1, N1, ...). A
// field's place is its order in the text: the IDD's own numbers skip and repeat in places
// (ZoneProperty:UserViewFactors:BySurfaceName goes N31, N33, ... N309, N301), and EnergyPlus
// reads fields by position.
func (p *parser) token(tok string, more bool) error {
	if !p.open {
		if tok == "" {
			return errors.New("a separator with no class name before it")
		}
		key := strings.ToLower(tok)
		if _, dup := p.s.byName[key]; dup {
			return fmt.Errorf("class %q is defined twice", tok)
		}
		p.cur = &Class{Name: tok, FirstExtensible: -1}
		p.s.byName[key] = p.cur
		p.s.classes = append(p.s.classes, p.cur)
		p.open = more
		return nil
	}
	if len(tok) < 2 || tok[0]&^0x20 != 'A' && tok[0]&^0x20 != 'N' || !allDigits(tok[1:]) {
		return fmt.Errorf("%q in class %s is not a field (A1, N1, ...): is a semicolon missing before it?", tok, p.cur.Name)
	}
	id := tok
	if tok[0] == 'a' || tok[0] == 'n' {
		id = strings.ToUpper(tok[:1]) + tok[1:]
	}
	p.cur.Fields = append(p.cur.Fields, Field{ID: id, Numeric: id[0] == 'N'})
	p.open = more
	return nil
}

// splitLine splits a trimmed line into its code (class name, field ids and separators) and
// the directive after its backslash, dropping a "!" comment.
func splitLine(t string) (code, dir string) {
	i := strings.IndexAny(t, `!\`)
	if i < 0 {
		return t, ""
	}
	if t[i] == '\\' {
		dir = t[i+1:]
	}
	return t[:i], dir
}

// fieldDirective tells the field directives the index reads; Parse skips every other one.
func fieldDirective(name string) bool {
	switch name {
	case "field", "type", "units", "minimum", "minimum>", "maximum", "maximum<", "default", "key",
		"autosizable", "autocalculatable", "required-field", "object-list", "begin-extensible":
		return true
	}
	return false
}

// classDirective tells the class directives the index reads.
func classDirective(name string) bool {
	return name == "min-fields" || strings.HasPrefix(name, "extensible:")
}

// directive applies one \name value: to the class (\min-fields, \extensible:N) or to its last
// field so far.
func (p *parser) directive(dir string) error {
	name, value := splitDirective(dir)
	switch {
	case name == "group":
		return nil
	case classDirective(name):
		if p.cur == nil {
			return fmt.Errorf(`\%s before any class`, name)
		}
		return p.setClass(name, value)
	case !fieldDirective(name):
		return nil
	case p.cur == nil || len(p.cur.Fields) == 0:
		return fmt.Errorf(`\%s before any field`, name)
	}
	f := &p.cur.Fields[len(p.cur.Fields)-1]
	switch name {
	case "field":
		f.Name = value
	case "type":
		f.Type = Type(strings.ToLower(value))
		f.Numeric = f.Numeric || f.Type == TypeReal || f.Type == TypeInteger
	case "units":
		f.Units = value
	case "minimum", "minimum>", "maximum", "maximum<":
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf(`\%s of field %q of class %s: %q is not a number`, name, f.Name, p.cur.Name, value)
		}
		b := &Bound{Value: v, Exclusive: strings.HasSuffix(name, ">") || strings.HasSuffix(name, "<")}
		if strings.HasPrefix(name, "minimum") {
			f.Min = b
		} else {
			f.Max = b
		}
	case "default":
		f.Default = value
	case "key":
		f.Keys = append(f.Keys, value)
	case "autosizable":
		f.Autosizable = true
	case "autocalculatable":
		f.Autocalculatable = true
	case "required-field":
		f.Required = true
	case "object-list":
		f.ObjectLists = append(f.ObjectLists, value)
	case "begin-extensible":
		if p.cur.FirstExtensible < 0 {
			p.cur.FirstExtensible = len(p.cur.Fields) - 1
		}
	}
	return nil
}

func (p *parser) setClass(name, value string) error {
	if n, ok := strings.CutPrefix(name, "extensible:"); ok {
		size, err := strconv.Atoi(n)
		if err != nil || size < 1 {
			return fmt.Errorf(`\extensible:%s of class %s is not a group size`, n, p.cur.Name)
		}
		p.cur.Extensible = size
		return nil
	}
	n, err := strconv.Atoi(value)
	if err != nil || n < 0 {
		return fmt.Errorf(`\min-fields of class %s: %q is not a count`, p.cur.Name, value)
	}
	p.cur.MinFields = n
	return nil
}

// splitDirective splits "minimum> 0" into "minimum>" and "0", and "extensible:2 - repeat the
// last field" into "extensible:2" and the rest.
func splitDirective(dir string) (name, value string) {
	i := 0
	for i < len(dir) && (dir[i] == '-' || 'a' <= dir[i]|0x20 && dir[i]|0x20 <= 'z') {
		i++
	}
	switch {
	case i < len(dir) && (dir[i] == '>' || dir[i] == '<'):
		i++
	case i < len(dir) && dir[i] == ':':
		i++
		for i < len(dir) && isDigit(dir[i]) {
			i++
		}
	}
	return strings.ToLower(dir[:i]), strings.TrimSpace(dir[i:])
}

// finish checks the file did not stop inside a class, then completes each class: the fields
// the IDD leaves unnamed in a repeating group (Site:SpectrumData lists "N7, N8," bare) take the
// group's limits and a name numbered on, and the index of names is built.
func (p *parser) finish() error {
	if p.open {
		return fmt.Errorf("the text ends inside class %s: its last field ends with a comma, not a semicolon", p.cur.Name)
	}
	if p.s.version == "" {
		if c, ok := p.s.Class("Version"); ok && len(c.Fields) > 0 {
			p.s.version = c.Fields[0].Default
		}
	}
	for _, c := range p.s.classes {
		if c.Extensible > 0 && c.FirstExtensible < 0 {
			return fmt.Errorf(`class %s is \extensible:%d with no \begin-extensible field`, c.Name, c.Extensible)
		}
		for i := range c.Fields {
			if c.Fields[i].Name != "" || c.Extensible == 0 || i-c.Extensible < c.FirstExtensible {
				continue
			}
			c.Fields[i] = c.groupCopy(i, c.Fields[i].ID)
		}
		c.Fields = slices.Clone(c.Fields) // drop append's spare capacity: the schema lives as long as the app
		c.index = make(map[string]int, len(c.Fields))
		for i, f := range c.Fields {
			if k := fieldKey(f.Name); k != "" {
				if _, dup := c.index[k]; !dup {
					c.index[k] = i
				}
			}
		}
	}
	return nil
}

func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
