package desktop

import (
	"path/filepath"
	"testing"

	"epsm/internal/tempdir"
	"epsm/store"
)

func TestFitWindow(t *testing.T) {
	area := ScreenArea{Width: 1920, Height: 1080}
	tests := []struct {
		name string
		in   WindowGeometry
		area ScreenArea
		want WindowGeometry
		ok   bool
	}{
		{"kept as it was", WindowGeometry{X: 100, Y: 50, Width: 1200, Height: 800}, area, WindowGeometry{X: 100, Y: 50, Width: 1200, Height: 800}, true},
		{"nothing remembered", WindowGeometry{}, area, WindowGeometry{}, false},
		{"off to the right (monitor unplugged)", WindowGeometry{X: 2500, Y: 50, Width: 1200, Height: 800}, area, WindowGeometry{X: 360, Y: 50, Width: 1200, Height: 800}, true},
		{"off to the left", WindowGeometry{X: -1150, Y: 50, Width: 1200, Height: 800}, area, WindowGeometry{X: 360, Y: 50, Width: 1200, Height: 800}, true},
		{"title bar above the screen", WindowGeometry{X: 10, Y: -40, Width: 1200, Height: 800}, area, WindowGeometry{X: 10, Y: 140, Width: 1200, Height: 800}, true},
		{"bigger than the screen now", WindowGeometry{X: 0, Y: 0, Width: 3000, Height: 2000}, area, WindowGeometry{X: 0, Y: 0, Width: 1920, Height: 1080}, true},
		{"smaller than the minimum", WindowGeometry{X: 0, Y: 0, Width: 200, Height: 100}, area, WindowGeometry{X: 0, Y: 0, Width: 900, Height: 600}, true},
		{"partly off but grabbable", WindowGeometry{X: 1700, Y: 900, Width: 1200, Height: 800}, area, WindowGeometry{X: 1700, Y: 900, Width: 1200, Height: 800}, true},
		{"maximised flag kept", WindowGeometry{X: 0, Y: 0, Width: 1200, Height: 800, Maximised: true}, area, WindowGeometry{X: 0, Y: 0, Width: 1200, Height: 800, Maximised: true}, true},
		{"no screen information", WindowGeometry{X: 0, Y: 0, Width: 1200, Height: 800}, ScreenArea{}, WindowGeometry{X: 0, Y: 0, Width: 1200, Height: 800}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FitWindow(tt.in, tt.area, 900, 600)
			if ok != tt.ok || (ok && got != tt.want) {
				t.Errorf("FitWindow(%+v) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestWindowGeometryIsRememberedAcrossRestarts(t *testing.T) {
	dir := filepath.Join(tempdir.New(t), "data")
	c, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := loadWindowGeometry(c); ok {
		t.Fatal("a fresh data folder remembers a window")
	}
	want := WindowGeometry{X: 40, Y: 30, Width: 1400, Height: 900}
	if err := saveWindowGeometry(c, want); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if c, err = store.Open(dir); err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, ok := loadWindowGeometry(c); !ok || got != want {
		t.Errorf("after a restart: %+v %v, want %+v", got, ok, want)
	}
}
