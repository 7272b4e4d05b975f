package desktop

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template"
)

// The file types EPSM opens are declared once per system: wails.json's fileAssociations (from
// which Wails makes the Windows icons and the macOS Info.plist), the NSIS installer's registry
// entries, the macOS Info.plist template, and the Linux desktop entry with its MIME types.
// A double-click on a model works on every system only if all of them name the same types.

type association struct{ Ext, Name, Description, IconName, Role string }

type wailsProject struct {
	Name string `json:"name"`
	Info struct {
		ProductName      string        `json:"productName"`
		ProductVersion   string        `json:"productVersion"`
		Comments         string        `json:"comments"`
		Copyright        string        `json:"copyright"`
		FileAssociations []association `json:"fileAssociations"`
	} `json:"info"`
}

func readWailsProject(t *testing.T) wailsProject {
	t.Helper()
	var p wailsProject
	b, err := os.ReadFile("../wails.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	exts := []string{}
	for _, a := range p.Info.FileAssociations {
		exts = append(exts, a.Ext)
	}
	if !slices.Equal(exts, []string{"idf", "epw"}) {
		t.Fatalf("wails.json associates %v, want idf and epw", exts)
	}
	return p
}

func TestFileTypesAreDeclaredAlikeOnEverySystem(t *testing.T) {
	p := readWailsProject(t)

	t.Run("icons", func(t *testing.T) {
		for _, a := range p.Info.FileAssociations {
			// Wails makes build/windows/<icon>.ico and the app's <icon>.icns from build/<icon>.png.
			if _, err := os.Stat("../build/" + a.IconName + ".png"); err != nil {
				t.Errorf(".%s: %v", a.Ext, err)
			}
		}
	})

	t.Run("windows installer", func(t *testing.T) {
		nsi, err := os.ReadFile("../build/windows/installer/project.nsi")
		if err != nil {
			t.Fatal(err)
		}
		got := regexp.MustCompile(`(?m)^\s*!insertmacro epsm\.associate (.*)$`).FindAllStringSubmatch(string(nsi), -1)
		if len(got) != len(p.Info.FileAssociations) {
			t.Fatalf("project.nsi associates %d types, wails.json %d", len(got), len(p.Info.FileAssociations))
		}
		for i, a := range p.Info.FileAssociations {
			want := fmt.Sprintf("%q %q %q %q", a.Ext, a.Name, a.Description, a.IconName)
			if strings.TrimSpace(got[i][1]) != want {
				t.Errorf("project.nsi: %s, wails.json: %s", got[i][1], want)
			}
		}
	})

	t.Run("macOS Info.plist", func(t *testing.T) {
		// Rendered as Wails renders it (text/template over the project's wails.json).
		src, err := os.ReadFile("../build/darwin/Info.plist")
		if err != nil {
			t.Fatal(err)
		}
		tmpl, err := template.New("Info.plist").Parse(string(src))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := tmpl.Execute(&out, p); err != nil {
			t.Fatal(err)
		}
		plist := out.String()
		if err := wellFormed(plist); err != nil {
			t.Fatalf("the rendered Info.plist is not well-formed XML: %v\n%s", err, plist)
		}
		id := regexp.MustCompile(`<key>CFBundleIdentifier</key>\s*<string>([^<]*)</string>`).FindStringSubmatch(plist)
		if id == nil || !regexp.MustCompile(`^[A-Za-z0-9.-]+$`).MatchString(id[1]) {
			t.Errorf("bundle identifier %v: letters, digits, '.' and '-' only", id)
		}
		for _, a := range p.Info.FileAssociations {
			for _, want := range []string{
				"<string>org.epsm." + a.Ext + "</string>",
				"<key>public.filename-extension</key>\n              <array>\n                <string>" + a.Ext + "</string>",
				"<key>CFBundleTypeRole</key>\n            <string>" + a.Role + "</string>",
			} {
				if !strings.Contains(plist, want) {
					t.Errorf(".%s: the Info.plist lacks %q", a.Ext, want)
				}
			}
		}
	})

	t.Run("linux desktop entry and MIME types", func(t *testing.T) {
		entry, err := os.ReadFile("../build/linux/epsm-desktop.desktop")
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^MimeType=(.*)$`).FindStringSubmatch(string(entry))
		if m == nil {
			t.Fatal("the desktop entry has no MimeType")
		}
		entryTypes := strings.Split(strings.TrimSuffix(m[1], ";"), ";")
		if !regexp.MustCompile(`(?m)^Exec=epsm %F$`).Match(entry) {
			t.Errorf("the desktop entry's Exec does not pass the opened files (%s)", "%F")
		}
		var mime struct {
			Types []struct {
				Type  string `xml:"type,attr"`
				Globs []struct {
					Pattern string `xml:"pattern,attr"`
				} `xml:"glob"`
			} `xml:"mime-type"`
		}
		b, err := os.ReadFile("../build/linux/epsm-desktop-mime.xml")
		if err != nil {
			t.Fatal(err)
		}
		if err := xml.Unmarshal(b, &mime); err != nil {
			t.Fatal(err)
		}
		globs := map[string]string{} // *.idf -> its type
		var declared []string
		for _, mt := range mime.Types {
			declared = append(declared, mt.Type)
			for _, g := range mt.Globs {
				globs[g.Pattern] = mt.Type
			}
		}
		if !slices.Equal(entryTypes, declared) {
			t.Errorf("the desktop entry opens %v, the MIME file declares %v", entryTypes, declared)
		}
		for _, a := range p.Info.FileAssociations {
			if globs["*."+a.Ext] == "" {
				t.Errorf("no MIME type matches *.%s", a.Ext)
			}
		}
	})
}

func wellFormed(doc string) error {
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
