package desktop

import (
	"reflect"
	"runtime"
	"testing"

	"epsm/services/importsvc"
	"epsm/store"
)

// What a file manager (or Explorer, through the installer's "%1" association) and a shell pass.
func TestCommandLineFiles(t *testing.T) {
	type tc struct {
		name string
		args []string
		want []string
	}
	dir := "/home/anna/Väder Göteborg"
	tests := []tc{
		{"none", nil, nil},
		{"absolute path kept", []string{"/data/Modell ÅÄÖ (kopia) #2.idf"}, []string{"/data/Modell ÅÄÖ (kopia) #2.idf"}},
		{"relative path taken from the launch folder", []string{"kontor.idf", "../sthlm.epw"},
			[]string{"/home/anna/Väder Göteborg/kontor.idf", "/home/anna/sthlm.epw"}},
		{"flags are not files", []string{"-psn_0_12345", "--disable-gpu", "a.idf"}, []string{"/home/anna/Väder Göteborg/a.idf"}},
		{"a file URI is its path", []string{"file:///data/Modell%20%C3%85.idf"}, []string{"/data/Modell Å.idf"}},
	}
	if runtime.GOOS == "windows" {
		dir = `C:\Users\Åsa\Väder Göteborg`
		tests = []tc{
			{"none", nil, nil},
			{"absolute path kept", []string{`D:\Projekt\Modell ÅÄÖ (kopia) #2.idf`}, []string{`D:\Projekt\Modell ÅÄÖ (kopia) #2.idf`}},
			{"relative path taken from the launch folder", []string{"kontor.idf", `..\sthlm.epw`},
				[]string{`C:\Users\Åsa\Väder Göteborg\kontor.idf`, `C:\Users\Åsa\sthlm.epw`}},
			{"a UNC path kept", []string{`\\server\delad\modell.idf`}, []string{`\\server\delad\modell.idf`}},
			{"flags are not files", []string{"--disable-gpu", "a.idf"}, []string{`C:\Users\Åsa\Väder Göteborg\a.idf`}},
			{"a file URI is its path", []string{"file:///C:/Users/x/Modell%20%C3%85.idf"}, []string{`C:\Users\x\Modell Å.idf`}},
		}
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
