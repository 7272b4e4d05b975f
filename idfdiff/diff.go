package idfdiff

import (
	"fmt"
	"strconv"
	"strings"

	"epsm/idf"
)

// Kind says what happened to an object.
type Kind string

const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Source is one model's text and the name errors call it by.
type Source struct {
	Name string
	Text []byte
}

// Field is one field that differs. For an added object Before is blank and BeforeLine 0; for a
// removed one After is blank and AfterLine 0. A field past an object's last one is blank, as
// EnergyPlus reads it, and its line is 0.
type Field struct {
	Index      int    `json:"index"` // 0 is the first field after the class name
	Name       string `json:"name"`  // from the "!-" comment (the after file's first), else "field N" (1-based)
	Before     string `json:"before"`
	After      string `json:"after"`
	BeforeLine int    `json:"beforeLine"`
	AfterLine  int    `json:"afterLine"`
}

// ObjectChange is one object added, removed or changed: an added or removed one with all its fields,
// a changed one with only those that differ.
type ObjectChange struct {
	Kind       Kind    `json:"kind"` // "added", "removed" or "changed"
	Class      string  `json:"class"`
	Name       string  `json:"name"`       // the first field (the after file's when both have it)
	BeforeLine int     `json:"beforeLine"` // where the class name stands; 0 when added
	AfterLine  int     `json:"afterLine"`  // 0 when removed
	Fields     []Field `json:"fields"`
}

// Diff is what the after model changes: objects in the after file's order, each removed one
// where it stood (after the objects that came before it in both files).
type Diff struct {
	Objects       []ObjectChange `json:"objects"`
	Added         int            `json:"added"`
	Removed       int            `json:"removed"`
	Changed       int            `json:"changed"`
	FieldsChanged int            `json:"fieldsChanged"` // fields of the changed objects that differ
}

// Empty says the two models are the same model.
func (d Diff) Empty() bool { return len(d.Objects) == 0 }

// Compare returns what after changes against before. Each text must parse as IDF; an error
// names the source that does not.
func Compare(before, after Source) (Diff, error) {
	b, err := idf.Parse(before.Text)
	if err != nil {
		return Diff{}, fmt.Errorf("compare %s: %w", before.Name, err)
	}
	a, err := idf.Parse(after.Text)
	if err != nil {
		return Diff{}, fmt.Errorf("compare %s: %w", after.Name, err)
	}
	return compareFiles(b, a), nil
}

func compareFiles(b, a *idf.File) Diff {
	pair := match(b.Objects, a.Objects) // index in a -> index in b, or -1
	used := make([]bool, len(b.Objects))
	for _, j := range pair {
		if j >= 0 {
			used[j] = true
		}
	}
	var d Diff
	next := 0 // objects of b before next are placed
	placeRemoved := func(upTo int) {
		for ; next < upTo; next++ {
			if !used[next] {
				d.Objects = append(d.Objects, whole(Removed, b, next))
				d.Removed++
			}
		}
	}
	for i, j := range pair {
		if j < 0 {
			d.Objects = append(d.Objects, whole(Added, a, i))
			d.Added++
			continue
		}
		placeRemoved(j)
		if o, ok := changed(b, j, a, i); ok {
			d.Objects = append(d.Objects, o)
			d.Changed++
			d.FieldsChanged += len(o.Fields)
		}
	}
	placeRemoved(len(b.Objects))
	return d
}

// match pairs each object of after with one of before, or -1: same class and first field
// (identical ones first, then in order), then the only object of a class in both files.
func match(before, after []idf.Object) []int {
	groups := map[string][]int{} // key -> unmatched objects of before, in order
	perClass := map[string][2]int{}
	for j, o := range before {
		k := key(o)
		groups[k] = append(groups[k], j)
		c := perClass[strings.ToLower(o.Class)]
		c[0]++
		perClass[strings.ToLower(o.Class)] = c
	}
	for _, o := range after {
		c := perClass[strings.ToLower(o.Class)]
		c[1]++
		perClass[strings.ToLower(o.Class)] = c
	}
	pair := make([]int, len(after))
	for i := range pair {
		pair[i] = -1
	}
	take := func(k string, n int) int {
		g := groups[k]
		j := g[n]
		groups[k] = append(g[:n:n], g[n+1:]...)
		return j
	}
	// Identical objects first, so that one added among many alike does not shift the rest.
	for i, o := range after {
		k := key(o)
		for n, j := range groups[k] {
			if sameFields(before[j], o) {
				pair[i] = take(k, n)
				break
			}
		}
	}
	for i, o := range after {
		if k := key(o); pair[i] < 0 && len(groups[k]) > 0 {
			pair[i] = take(k, 0)
		}
	}
	// A class with one object in each file is one object whose first field changed (Version,
	// Timestep, Building renamed).
	for i, o := range after {
		class := strings.ToLower(o.Class)
		if pair[i] >= 0 || perClass[class] != [2]int{1, 1} {
			continue
		}
		for k, g := range groups {
			if len(g) == 1 && strings.EqualFold(before[g[0]].Class, o.Class) {
				pair[i] = take(k, 0)
				break
			}
		}
	}
	return pair
}

func key(o idf.Object) string {
	return strings.ToLower(o.Class) + "\x00" + strings.ToLower(o.Field(0))
}

func sameFields(x, y idf.Object) bool {
	for i := range max(len(x.Fields), len(y.Fields)) {
		if x.Field(i) != y.Field(i) {
			return false
		}
	}
	return true
}

// changed is the changed object a[i] is against b[j], if any field differs.
func changed(b *idf.File, j int, a *idf.File, i int) (ObjectChange, bool) {
	bo, ao := b.Objects[j], a.Objects[i]
	if sameFields(bo, ao) {
		return ObjectChange{}, false
	}
	bn, an := b.FieldNotes(j), a.FieldNotes(i)
	o := ObjectChange{Kind: Changed, Class: ao.Class, Name: ao.Field(0), BeforeLine: bo.Line, AfterLine: ao.Line}
	for k := range max(len(bo.Fields), len(ao.Fields)) {
		if bo.Field(k) == ao.Field(k) {
			continue
		}
		bnote, anote := noteAt(bn, k), noteAt(an, k)
		o.Fields = append(o.Fields, Field{Index: k, Name: fieldName(k, anote, bnote), Before: bo.Field(k), After: ao.Field(k),
			BeforeLine: bnote.Line, AfterLine: anote.Line})
	}
	return o, true
}

// whole is object i of f, added or removed, with all its fields.
func whole(kind Kind, f *idf.File, i int) ObjectChange {
	obj := f.Objects[i]
	notes := f.FieldNotes(i)
	o := ObjectChange{Kind: kind, Class: obj.Class, Name: obj.Field(0), Fields: make([]Field, len(obj.Fields))}
	for k := range obj.Fields {
		n := noteAt(notes, k)
		fl := Field{Index: k, Name: fieldName(k, n)}
		if kind == Added {
			fl.After, fl.AfterLine = obj.Field(k), n.Line
		} else {
			fl.Before, fl.BeforeLine = obj.Field(k), n.Line
		}
		o.Fields[k] = fl
	}
	if kind == Added {
		o.AfterLine = obj.Line
	} else {
		o.BeforeLine = obj.Line
	}
	return o
}

func noteAt(notes []idf.FieldNote, k int) idf.FieldNote {
	if k < len(notes) {
		return notes[k]
	}
	return idf.FieldNote{}
}

func fieldName(k int, notes ...idf.FieldNote) string {
	for _, n := range notes {
		if n.Name != "" {
			return n.Name
		}
	}
	return "field " + strconv.Itoa(k+1)
}
