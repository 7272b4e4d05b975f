package idfdiff

import (
	"reflect"
	"strings"
	"testing"
)

const base = `Version,
    23.2;                    !- Version Identifier

Timestep,4;

Material,
    Brick,                   !- Name
    Rough,                   !- Roughness
    0.1,                     !- Thickness {m}
    0.9;                     !- Conductivity {W/m-K}

BuildingSurface:Detailed,
    Wall 1,                  !- Name
    Wall,                    !- Surface Type
    Old Wall,                !- Construction Name
    Z1;                      !- Zone Name

Output:Variable,*,Site Outdoor Air Drybulb Temperature,hourly;
Output:Variable,*,Zone Mean Air Temperature,hourly;
`

func compare(t *testing.T, before, after string) Diff {
	t.Helper()
	d, err := Compare(Source{"base.idf", []byte(before)}, Source{"variant.idf", []byte(after)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCompare(t *testing.T) {
	cases := []struct {
		name  string
		after string
		want  []ObjectChange
	}{
		{"the same text", base, nil},
		{"comments, blanks and line endings only",
			strings.ReplaceAll(strings.ReplaceAll(base, "    Rough,                   !- Roughness", "Rough ,   ! rough it is"), "\n", "\r\n"), nil},
		{"a changed field, named by its comment, with its lines",
			strings.Replace(base, "Old Wall,", "EPSM wall Insulated,", 1),
			[]ObjectChange{{Kind: Changed, Class: "BuildingSurface:Detailed", Name: "Wall 1", BeforeLine: 12, AfterLine: 12,
				Fields: []Field{{Index: 2, Name: "Construction Name", Before: "Old Wall", After: "EPSM wall Insulated", BeforeLine: 15, AfterLine: 15}}}}},
		{"a field set past the object's end has no comment and no line before",
			strings.Replace(base, "0.9;                     !- Conductivity {W/m-K}", "0.9,,1800;", 1),
			[]ObjectChange{{Kind: Changed, Class: "Material", Name: "Brick", BeforeLine: 6, AfterLine: 6,
				Fields: []Field{{Index: 5, Name: "field 6", After: "1800", AfterLine: 10}}}}},
		{"an added object, with all its fields, after a comment",
			base + "! ---- EPSM variant V1\nConstruction,\n  EPSM wall,  !- Name\n  Brick;  !- Outside Layer\n",
			[]ObjectChange{{Kind: Added, Class: "Construction", Name: "EPSM wall", AfterLine: 21, Fields: []Field{
				{Index: 0, Name: "Name", After: "EPSM wall", AfterLine: 22}, {Index: 1, Name: "Outside Layer", After: "Brick", AfterLine: 23}}}}},
		{"a removed object, where it stood",
			strings.Replace(base, "Output:Variable,*,Site Outdoor Air Drybulb Temperature,hourly;\n", "", 1),
			[]ObjectChange{{Kind: Removed, Class: "Output:Variable", Name: "*", BeforeLine: 18, Fields: []Field{
				{Index: 0, Name: "field 1", Before: "*", BeforeLine: 18}, {Index: 1, Name: "field 2", Before: "Site Outdoor Air Drybulb Temperature", BeforeLine: 18},
				{Index: 2, Name: "field 3", Before: "hourly", BeforeLine: 18}}}}},
		{"unnamed objects matched by class: Version and Timestep changed, not removed and added",
			strings.Replace(strings.Replace(base, "23.2;", "24.1;", 1), "Timestep,4;", "Timestep,6;", 1),
			[]ObjectChange{
				{Kind: Changed, Class: "Version", Name: "24.1", BeforeLine: 1, AfterLine: 1, Fields: []Field{{Index: 0, Name: "Version Identifier", Before: "23.2", After: "24.1", BeforeLine: 2, AfterLine: 2}}},
				{Kind: Changed, Class: "Timestep", Name: "6", BeforeLine: 4, AfterLine: 4, Fields: []Field{{Index: 0, Name: "field 1", Before: "4", After: "6", BeforeLine: 4, AfterLine: 4}}},
			}},
		{"objects alike by class and first field: the changed one found, the identical one kept",
			strings.Replace(base, "Zone Mean Air Temperature,hourly", "Zone Mean Air Temperature,timestep", 1),
			[]ObjectChange{{Kind: Changed, Class: "Output:Variable", Name: "*", BeforeLine: 19, AfterLine: 19,
				Fields: []Field{{Index: 2, Name: "field 3", Before: "hourly", After: "timestep", BeforeLine: 19, AfterLine: 19}}}}},
		{"names match case-insensitively, as EnergyPlus reads them",
			strings.Replace(base, "    Brick,", "    BRICK,", 1),
			[]ObjectChange{{Kind: Changed, Class: "Material", Name: "BRICK", BeforeLine: 6, AfterLine: 6,
				Fields: []Field{{Index: 0, Name: "Name", Before: "Brick", After: "BRICK", BeforeLine: 7, AfterLine: 7}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := compare(t, base, c.after)
			if !reflect.DeepEqual(d.Objects, c.want) {
				t.Errorf("objects\n%+v\nwant\n%+v", d.Objects, c.want)
			}
			if d.Empty() != (len(c.want) == 0) {
				t.Errorf("Empty() = %v with %d objects", d.Empty(), len(c.want))
			}
		})
	}
}

func TestCountsAndOrderFollowTheVariant(t *testing.T) {
	after := strings.Replace(strings.Replace(base, "Old Wall,", "New Wall,", 1), "Timestep,4;\n", "", 1) +
		"Construction,New Wall,Brick;\nMaterial:NoMass,Board,Smooth,0.5;\n"
	d := compare(t, base, after)
	var order []string
	for _, o := range d.Objects {
		order = append(order, string(o.Kind)+" "+o.Class)
	}
	want := []string{"removed Timestep", "changed BuildingSurface:Detailed", "added Construction", "added Material:NoMass"}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	if d.Added != 2 || d.Removed != 1 || d.Changed != 1 || d.FieldsChanged != 1 {
		t.Errorf("counts %+v", d)
	}
}

func TestCompareNamesTheFileThatDoesNotParse(t *testing.T) {
	_, err := Compare(Source{"base.idf", []byte(base)}, Source{"V3.idf", []byte("Zone,Z1\n")})
	if err == nil || !strings.Contains(err.Error(), "V3.idf") || !strings.Contains(err.Error(), "not terminated") {
		t.Errorf("error %v, want one naming V3.idf and the missing ';'", err)
	}
}
