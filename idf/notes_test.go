package idf

import (
	"slices"
	"testing"
)

func TestFieldNotesNameFieldsFromTheirComments(t *testing.T) {
	cases := []struct {
		name string
		src  string
		obj  int
		want []FieldNote
	}{
		{"IDF Editor layout, CRLF", "Version,23.2;\r\n\r\nMaterial,\r\n  Brick,     !- Name\r\n  Rough,     !- Roughness\r\n  0.1;       !- Thickness {m}\r\n", 1,
			[]FieldNote{{3 + 1, "Name"}, {5, "Roughness"}, {6, "Thickness {m}"}}},
		{"several fields on one line: the comment is the last one's", "Zone,\n  Z1, 0, 0,  !- Origin\n  ;\n", 0,
			[]FieldNote{{2, ""}, {2, ""}, {2, "Origin"}, {3, ""}}},
		{"a plain comment is no name; a blank value is on its separator's line", "Zone,\n  Z1, ! just a note\n  ,  !-  Direction  \n  1;\n", 0,
			[]FieldNote{{2, ""}, {3, "Direction"}, {4, ""}}},
		{"Latin-1 comment", "Zone,\n  Z1; !- G\xf6teborg\n", 0, []FieldNote{{2, "Göteborg"}}},
		{"lone CR", "Zone,\r  Z1,\r  0; !- North\r", 0, []FieldNote{{2, ""}, {3, "North"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse([]byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.FieldNotes(c.obj); !slices.Equal(got, c.want) {
				t.Errorf("notes %+v, want %+v", got, c.want)
			}
		})
	}
	f, _ := Parse([]byte("Zone,Z1;"))
	if got := f.FieldNotes(5); got != nil {
		t.Errorf("notes of a missing object: %+v", got)
	}
}
