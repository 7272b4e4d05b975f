package desktop

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"epsm/internal/tempdir"
	"epsm/services/dialog"
)

// saveDialog answers every save dialog with one path and remembers what it was asked.
type saveDialog struct {
	path      string
	suggested string
}

func (d *saveDialog) OpenFiles(string, dialog.Filter) ([]string, error) { return nil, nil }
func (d *saveDialog) OpenFile(string, dialog.Filter) (string, error)    { return "", nil }
func (d *saveDialog) ChooseFolder(string) (string, error)               { return "", nil }
func (d *saveDialog) SaveFile(_, name string, _ dialog.Filter) (string, error) {
	d.suggested = name
	return d.path, nil
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestChartImagesAreSavedAsTheBytesTheChartMade(t *testing.T) {
	pngData := pngBytes(t)
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>Δ 1,234 kWh</text></svg>`
	dir := tempdir.New(t)
	tests := []struct {
		name, dataURL, path, wantPath string
		want                          []byte
		wantErr                       string
	}{
		{name: "png", dataURL: "data:image/png;base64," + base64.StdEncoding.EncodeToString(pngData), path: "scatter.png", wantPath: "scatter.png", want: pngData},
		{name: "svg percent-encoded", dataURL: "data:image/svg+xml;charset=utf-8," + url.PathEscape(svg), path: "end uses.svg", wantPath: "end uses.svg", want: []byte(svg)},
		{name: "svg base64 gets its extension", dataURL: "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(svg)), path: "heat map", wantPath: "heat map.svg", want: []byte(svg)},
		{name: "wrong type", dataURL: "data:text/html,<b>x</b>", path: "x.png", wantErr: "neither PNG nor SVG"},
		{name: "png that is not", dataURL: "data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte("GIF89a")), path: "x.png", wantErr: "not a PNG"},
		{name: "not a data URL", dataURL: "/tmp/x.png", path: "x.png", wantErr: "not a data URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := WriteChartImage(filepath.Join(dir, tt.path), tt.dataURL)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				if _, err := os.Stat(filepath.Join(dir, tt.path)); err == nil {
					t.Error("a refused image was written")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != filepath.Join(dir, tt.wantPath) {
				t.Errorf("path = %s, want %s", got, tt.wantPath)
			}
			data, err := os.ReadFile(got)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, tt.want) {
				t.Errorf("file holds %q, want %q", data, tt.want)
			}
			if tt.name == "png" {
				if img, err := png.Decode(bytes.NewReader(data)); err != nil || img.Bounds().Dx() != 3 {
					t.Errorf("saved PNG does not decode: %v", err)
				}
			}
		})
	}
}

func TestSaveChartImageAsksWhereAndWrites(t *testing.T) {
	dir := tempdir.New(t)
	d := &saveDialog{path: filepath.Join(dir, "chosen.png")}
	a := &Shell{dialogs: d}
	pngData := pngBytes(t)
	got, err := a.SaveChartImage("../study scatter.png", "data:image/png;base64,"+base64.StdEncoding.EncodeToString(pngData))
	if err != nil {
		t.Fatal(err)
	}
	if d.suggested != "study scatter.png" || got != d.path {
		t.Errorf("suggested %q, saved to %q", d.suggested, got)
	}
	if data, _ := os.ReadFile(d.path); !bytes.Equal(data, pngData) {
		t.Error("saved bytes differ")
	}
	// Cancelled: nothing written, no error.
	d.path = ""
	if got, err := a.SaveChartImage("x.png", "data:image/png;base64,"+base64.StdEncoding.EncodeToString(pngData)); got != "" || err != nil {
		t.Errorf("cancelled save = %q, %v", got, err)
	}
}
