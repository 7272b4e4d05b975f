package idf

import "strings"

// Object is one IDF object. Class is as written in the file (e.g. "Zone"); Fields excludes the
// class name (nil when there are none); Line is the 1-based line where the class name starts.
type Object struct {
	Class  string
	Fields []string
	Line   int
}

// MacroLine is an EPMacro directive (a line starting with "##", such as "##include x.imf").
// EnergyPlus only understands these after EPMacro has expanded them, so callers must refuse
// the file or run EPMacro (energyplus -m) first.
type MacroLine struct {
	Line int
	Text string // the directive, trimmed, e.g. "##include common.imf"
}

// File is a parsed IDF file: its objects in file order and its EPMacro lines.
type File struct {
	Objects []Object
	Macros  []MacroLine

	// starts[i] is the byte offset of Objects[i]'s class name in the parsed text. It is kept
	// here, not in Object, so that Object stays a plain value; PrepareRunCopy needs it to
	// rewrite one field while keeping every other byte of the user's text.
	starts []int
	// src is the parsed text (the fields are substrings of it, so keeping it costs nothing)
	// and latin1 says it was decoded as Latin-1: FieldNotes reads an object's comments again.
	src    string
	latin1 bool
}

// All returns the objects of a class in file order. EnergyPlus class names are
// case-insensitive, so "zone" finds "Zone".
func (f *File) All(class string) []Object {
	var out []Object
	for _, o := range f.Objects {
		if strings.EqualFold(o.Class, class) {
			out = append(out, o)
		}
	}
	return out
}

// First returns the first object of a class (case-insensitive).
func (f *File) First(class string) (Object, bool) {
	if i := f.firstIndex(class); i >= 0 {
		return f.Objects[i], true
	}
	return Object{}, false
}

func (f *File) firstIndex(class string) int {
	for i, o := range f.Objects {
		if strings.EqualFold(o.Class, class) {
			return i
		}
	}
	return -1
}

// Field returns trimmed field i (0 is the first field after the class name), or "" if the
// object has fewer fields: EnergyPlus treats missing trailing fields as blank.
func (o Object) Field(i int) string {
	if i < 0 || i >= len(o.Fields) {
		return ""
	}
	return strings.TrimSpace(o.Fields[i])
}
