package idd

import (
	"strconv"
	"strings"
)

// Schema is a parsed IDD. It is read-only once parsed and safe for concurrent use.
type Schema struct {
	version string
	classes []*Class
	byName  map[string]*Class // lower-case name
}

// Class is one IDD object type.
type Class struct {
	Name   string  // as the IDD spells it
	Fields []Field // in IDF order: Fields[0] is the field right after the class name
	// MinFields is \min-fields: the fields an object of this class always has.
	MinFields int
	// Extensible is the size of the repeating group (\extensible:N), 0 when there is none;
	// FirstExtensible is the index in Fields of its first field (\begin-extensible), -1 then.
	Extensible      int
	FirstExtensible int

	index map[string]int // normalised field name -> first field of that name
}

// Type is a field's \type.
type Type string

const (
	TypeReal         Type = "real"
	TypeInteger      Type = "integer"
	TypeAlpha        Type = "alpha"
	TypeChoice       Type = "choice"
	TypeObjectList   Type = "object-list"
	TypeExternalList Type = "external-list"
	TypeNode         Type = "node"
)

// Bound is a field's \minimum or \maximum; Exclusive for \minimum> and \maximum<.
type Bound struct {
	Value     float64
	Exclusive bool
}

// Field is one field of a class.
type Field struct {
	ID   string // the IDD's own numbering, per kind: "A1", "N10"
	Name string // \field, as the IDD spells it; empty for the few it leaves unnamed
	// Numeric: the field takes a number. N fields do, and a few A fields typed real
	// (Chiller:Electric:ASHRAE205's flow rates, which may also be Autosize).
	Numeric bool
	Type    Type   // \type; empty when the IDD gives none
	Units   string // \units (SI)
	// Min and Max are nil when the IDD gives no bound.
	Min, Max         *Bound
	Default          string
	Keys             []string // \key: the choices, as the IDD spells them
	Autosizable      bool
	Autocalculatable bool
	Required         bool
	ObjectLists      []string // \object-list: the named lists a value must come from
}

// Version is the IDD's version (from its !IDD_Version line), such as "25.2.0".
func (s *Schema) Version() string { return s.version }

// Classes returns every class in the IDD's order.
func (s *Schema) Classes() []*Class { return s.classes }

// Class finds a class by name, ignoring letter case (IDF class names are case-insensitive).
func (s *Schema) Class(name string) (*Class, bool) {
	c, ok := s.byName[strings.ToLower(strings.TrimSpace(name))]
	return c, ok
}

// Field finds a field by name and returns its index (from 0 after the class name). The name is
// matched ignoring letter case, repeated spaces, a leading "!-" and a trailing unit in braces,
// so a line copied from an IDF comment ("!- Sensible Heat Recovery Effectiveness {dimensionless}")
// resolves. A field of the repeating group beyond those the IDD lists ("Vertex 500
// X-coordinate") resolves too when the IDD's names number the groups, and so does a field's IDD
// id ("N11"), which IDF Editor writes for fields the IDD does not name.
func (c *Class) Field(name string) (int, Field, bool) {
	key := fieldKey(name)
	if i, ok := c.index[key]; ok {
		return i, c.Fields[i], true
	}
	i, ok := c.extendedIndex(key)
	if !ok {
		i, ok = c.idIndex(key)
	}
	if !ok {
		return -1, Field{}, false
	}
	f, _ := c.FieldAt(i)
	return i, f, true
}

// idIndex finds a field by its IDD id ("n11"), which IDF Editor writes as the comment of a
// field the IDD leaves unnamed or does not list (LifeCycleCost:UsePriceEscalation past year 9).
// The IDD's ids skip and repeat in places, so they are only the last resort.
func (c *Class) idIndex(key string) (int, bool) {
	if len(key) < 2 || key[0] != 'a' && key[0] != 'n' || !allDigits(key[1:]) {
		return 0, false
	}
	id := strings.ToUpper(key[:1]) + key[1:]
	for i, f := range c.Fields {
		if f.ID == id {
			return i, true
		}
	}
	last, ok := c.lastGroup()
	if !ok {
		return 0, false
	}
	num, _ := strconv.Atoi(key[1:])
	for pos, f := range c.Fields[last : last+c.Extensible] {
		step, m := c.groupCount(last, f.ID[0]), idNumber(f.ID)
		if f.ID[0] == id[0] && num > m && (num-m)%step == 0 {
			return last + pos + (num-m)/step*c.Extensible, true
		}
	}
	return 0, false
}

// FieldAt returns the field at index i. In a class with a repeating group, an index past the
// fields the IDD lists is a further copy of the group (EnergyPlus accepts any number of them),
// named and numbered on from the last listed group.
func (c *Class) FieldAt(i int) (Field, bool) {
	if i < 0 {
		return Field{}, false
	}
	if i < len(c.Fields) {
		return c.Fields[i], true
	}
	last, ok := c.lastGroup()
	if !ok {
		return Field{}, false
	}
	k, pos := (i-last)/c.Extensible, (i-last)%c.Extensible
	id := c.Fields[last+pos].ID
	return c.groupCopy(i, id[:1]+strconv.Itoa(idNumber(id)+k*c.groupCount(last, id[0]))), true
}

// groupCopy makes the field at index i of a repeating group the IDD does not spell out: the
// limits of the group's first copy (EnergyPlus checks every copy against it), never required,
// and the name of the copy before it numbered on ("Vertex 121 X-coordinate" after 120).
func (c *Class) groupCopy(i int, id string) Field {
	pos := (i - c.FirstExtensible) % c.Extensible
	f := c.Fields[c.FirstExtensible+pos]
	f.ID, f.Required = id, false
	prev := i - c.Extensible // the same field of an earlier copy the IDD lists
	for prev >= len(c.Fields) {
		prev -= c.Extensible
	}
	f.Name = c.Fields[prev].Name
	if prev-c.Extensible >= c.FirstExtensible {
		f.Name = numberOn(c.Fields[prev-c.Extensible].Name, f.Name, (i-prev)/c.Extensible)
	}
	return f
}

// lastGroup is the index of the first field of the last complete repeating group listed.
func (c *Class) lastGroup() (int, bool) {
	if c.Extensible <= 0 || c.FirstExtensible < 0 {
		return 0, false
	}
	groups := (len(c.Fields) - c.FirstExtensible) / c.Extensible
	if groups < 1 {
		return 0, false
	}
	return c.FirstExtensible + (groups-1)*c.Extensible, true
}

// groupCount is how many fields of one kind (A or N) a repeating group holds.
func (c *Class) groupCount(start int, kind byte) int {
	n := 0
	for _, f := range c.Fields[start : start+c.Extensible] {
		if f.ID[0] == kind {
			n++
		}
	}
	return n
}

// extendedIndex resolves a normalised name of a group beyond the listed ones: the last two
// listed groups give the name's pattern, its number and the step between groups.
func (c *Class) extendedIndex(key string) (int, bool) {
	last, ok := c.lastGroup()
	if !ok || last-c.Extensible < c.FirstExtensible {
		return 0, false
	}
	for pos := range c.Extensible {
		prefix, n, step, suffix, ok := numberStep(fieldKey(c.Fields[last-c.Extensible+pos].Name), fieldKey(c.Fields[last+pos].Name))
		if !ok {
			continue
		}
		digits, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		digits, ok = strings.CutSuffix(digits, suffix)
		m, err := strconv.Atoi(digits)
		if !ok || err != nil || digits != strconv.Itoa(m) || m <= n || (m-n)%step != 0 {
			continue
		}
		return last + pos + (m-n)/step*c.Extensible, true
	}
	return 0, false
}

// numberStep compares the names of one field in two successive groups ("vertex 119
// x-coordinate", "vertex 120 x-coordinate"): they must differ only in one number, which grows.
func numberStep(a, b string) (prefix string, n, step int, suffix string, ok bool) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for i > 0 && isDigit(a[i-1]) { // the common start may end inside the number
		i--
	}
	ja, jb := i, i
	for ja < len(a) && isDigit(a[ja]) {
		ja++
	}
	for jb < len(b) && isDigit(b[jb]) {
		jb++
	}
	if ja == i || jb == i || a[ja:] != b[jb:] {
		return "", 0, 0, "", false
	}
	na, _ := strconv.Atoi(a[i:ja])
	nb, _ := strconv.Atoi(b[i:jb])
	if nb <= na {
		return "", 0, 0, "", false
	}
	return b[:i], nb, nb - na, b[jb:], true
}

// numberOn names a field k groups after the one named b, the group before b's naming it a.
// Names that do not number their groups stay as they are ("Wavelength").
func numberOn(a, b string, k int) string {
	if k == 0 {
		return b
	}
	prefix, n, step, suffix, ok := numberStep(a, b)
	if !ok {
		return b
	}
	return prefix + strconv.Itoa(n+k*step) + suffix
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func idNumber(id string) int {
	n, _ := strconv.Atoi(id[1:])
	return n
}

// fieldKey normalises a field name for lookup: lower case, single spaces, no "!-" before it and
// no "{units}" after it.
func fieldKey(name string) string {
	name = strings.TrimSpace(name)
	name = strings.TrimSpace(strings.TrimPrefix(name, "!-"))
	if strings.HasSuffix(name, "}") {
		if i := strings.LastIndexByte(name, '{'); i > 0 {
			name = name[:i]
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}
