package idf

import (
	"strings"
	"testing"
)

func TestEditFieldsKeepsEverythingElse(t *testing.T) {
	src := "Version,25.2;\r\n! keep me\r\nBuildingSurface:Detailed,\r\n  Wall 1,  !- Name\r\n  Wall,    !- Type\r\n  OLD WALL, !- Construction Name\r\n  Z1;\r\nZone,Z1;\r\n"
	f, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := EditFields([]byte(src), []FieldEdit{{Object: 1, Field: 2, Value: "NEW WALL"}}, "Construction,\n  NEW WALL,\n  M1;\n")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.Contains(s, "  NEW WALL, !- Construction Name\r\n") || !strings.Contains(s, "! keep me\r\n") || strings.Contains(s, "OLD WALL") {
		t.Fatalf("edited text:\n%q", s)
	}
	if !strings.HasSuffix(s, "Construction,\r\n  NEW WALL,\r\n  M1;\r\n") {
		t.Fatalf("appended text not in the file's line endings:\n%q", s)
	}
	g, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Objects) != len(f.Objects)+1 || g.Objects[1].Field(2) != "NEW WALL" {
		t.Fatalf("parsed back: %+v", g.Objects)
	}
	if _, err := EditFields([]byte(src), []FieldEdit{{Object: 1, Field: 2, Value: "A,B"}}, ""); err == nil {
		t.Error("a value with a comma was accepted")
	}
	if _, err := EditFields([]byte(src), []FieldEdit{{Object: 9, Field: 0, Value: "x"}}, ""); err == nil {
		t.Error("an edit of a missing object was accepted")
	}
}
