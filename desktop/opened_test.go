package desktop

import (
	"path/filepath"
	"reflect"
	"testing"

	"epsm/services/importsvc"
	"epsm/store"
)

func TestCommandLineFiles(t *testing.T) {
	dir := filepath.FromSlash("/home/anna/Väder Göteborg")
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"none", nil, nil},
		{"absolute path kept", []string{"/data/Modell ÅÄÖ (kopia) #2.idf"}, []string{filepath.FromSlash("/data/Modell ÅÄÖ (kopia) #2.idf")}},
		{"relative path taken from the launch folder", []string{"kontor.idf", "../sthlm.epw"},
			[]string{filepath.Join(dir, "kontor.idf"), filepath.FromSlash("/home/anna/sthlm.epw")}},
		{"flags are not files", []string{"-psn_0_12345", "--disable-gpu", "a.idf"}, []string{filepath.Join(dir, "a.idf")}},
		{"a file URI is its path", []string{"file:///data/Modell%20%C3%85.idf"}, []string{filepath.FromSlash("/data/Modell Å.idf")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commandLineFiles(tt.args, dir); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("commandLineFiles(%q) = %q, want %q", tt.args, got, tt.want)
			}
		})
	}
}

func TestInstanceIDIsPerDataFolder(t *testing.T) {
	a, b := instanceID("/home/anna/.local/share/epsm"), instanceID("/tmp/other")
	if a == b {
		t.Fatalf("two data folders share the instance id %s: a second folder could never have its own window", a)
	}
	if a != instanceID("/home/anna/.local/share/epsm/") {
		t.Errorf("the same folder written two ways has two ids")
	}
	for _, r := range a {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			t.Fatalf("instance id %q has %q: not valid in a D-Bus name", a, r)
		}
	}
}

// Files opened before the page loaded wait for it; after it has loaded they are pushed.
func TestOpenedFilesHeldUntilThePageLoads(t *testing.T) {
	var o openedFiles
	first := importsvc.ImportReport{Models: []store.Model{{ID: 1, Name: "a.idf"}}}
	second := importsvc.ImportReport{Errors: []importsvc.ImportError{{Path: "/x/b.epw", Message: "not an EPW file"}}}
	if !o.hold(first) || !o.hold(second) {
		t.Fatal("a report opened before the page loaded was not held")
	}
	got := o.take()
	if len(got.Models) != 1 || got.Models[0].Name != "a.idf" || len(got.Errors) != 1 || got.Errors[0].Path != "/x/b.epw" {
		t.Fatalf("the page got %+v, want both reports merged", got)
	}
	if o.hold(first) {
		t.Fatal("a report opened after the page loaded was held instead of pushed")
	}
	if again := o.take(); len(again.Models)+len(again.Errors) != 0 {
		t.Fatalf("a second read gave %+v, want nothing", again)
	}
}
