package desktop

import (
	"encoding/json"
	"fmt"

	"epsm/store"
)

// WindowGeometry is the main window's size and place, remembered across restarts.
type WindowGeometry struct {
	X         int  `json:"x"`
	Y         int  `json:"y"`
	Width     int  `json:"width"`
	Height    int  `json:"height"`
	Maximised bool `json:"maximised"`
}

// ScreenArea is what the desktop reports about the screens: Wails v2 gives each screen's size
// but not where it sits, so the area is the screens' widths side by side and the tallest height.
type ScreenArea struct {
	Width, Height int
}

// minVisible is how much of the window must stay on a screen to be grabbed by its title bar.
const minVisible = 120

// FitWindow returns the remembered geometry made safe for the screens there are now: no larger
// than the area and no smaller than the minimum, and moved back when so little of it would be
// on a screen that the user could not grab it (a monitor unplugged since). ok is false when
// nothing usable was remembered, and the window keeps its default size, centred.
func FitWindow(g WindowGeometry, area ScreenArea, minW, minH int) (WindowGeometry, bool) {
	if g.Width <= 0 || g.Height <= 0 || area.Width <= 0 || area.Height <= 0 {
		return g, false
	}
	g.Width = clamp(g.Width, minW, max(area.Width, minW))
	g.Height = clamp(g.Height, minH, max(area.Height, minH))
	if g.X+g.Width < minVisible || g.X > area.Width-minVisible {
		g.X = max((area.Width-g.Width)/2, 0)
	}
	if g.Y < 0 || g.Y > area.Height-minVisible {
		g.Y = max((area.Height-g.Height)/2, 0)
	}
	return g, true
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

const settingWindow = "window.geometry"

// loadWindowGeometry returns the remembered window geometry; ok is false when there is none.
func loadWindowGeometry(st *store.Store) (WindowGeometry, bool) {
	raw, ok, err := st.Setting(settingWindow)
	if err != nil || !ok {
		return WindowGeometry{}, false
	}
	var g WindowGeometry
	if json.Unmarshal([]byte(raw), &g) != nil {
		return WindowGeometry{}, false
	}
	return g, true
}

// saveWindowGeometry remembers the window's geometry for the next start.
func saveWindowGeometry(st *store.Store, g WindowGeometry) error {
	js, _ := json.Marshal(g)
	if err := st.SetSetting(settingWindow, string(js)); err != nil {
		return fmt.Errorf("remember the window size: %w", err)
	}
	return nil
}
