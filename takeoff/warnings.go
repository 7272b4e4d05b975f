package takeoff

import "fmt"

// differences names the surfaces this take-off counts differently from EnergyPlus's
// Window-Wall Ratio and Skylight-Roof Ratio tables, and the exterior surfaces no element
// covers, so that a user comparing the two reports sees why they differ. EnergyPlus 25.2
// (OutputReportTabular, checked on the engine) bins every exterior or ground-contact base
// surface by tilt: 60–120° is wall, below 60° roof, above 120° ignored; it adds window frames
// to the opening area.
func differences(items []*item) []string {
	var out []string
	var framed int
	var frameArea float64
	var firstFramed string
	for _, it := range items {
		where := fmt.Sprintf("%s %q (line %d)", it.Class, it.Name, it.Line)
		tilt := it.TiltDeg
		switch {
		case it.parent == nil && it.exp == other:
			out = append(out, fmt.Sprintf("%s: boundary %s is a user-defined condition, not outdoors or ground: not counted in any element", where, it.Boundary))
		case it.parent == nil && it.exp == ground && it.cls == "Roof":
			out = append(out, fmt.Sprintf("%s: a roof in contact with the ground is not counted in any element", where))
		case it.parent != nil && it.Element == "" && it.exp != interior && it.parent.Element != "":
			out = append(out, fmt.Sprintf("%s: a %s in %q (element %s) is not counted in any element", where, it.cls, it.parent.Name, it.parent.Element))
		case it.Element == ElementWall && (tilt < 60 || tilt > 120):
			out = append(out, fmt.Sprintf("%s: a wall tilted %.1f°; EnergyPlus's envelope report counts it as %s", where, tilt, tiltClass(tilt)))
		case it.Element == ElementRoof && tilt >= 60:
			out = append(out, fmt.Sprintf("%s: a roof tilted %.1f°; EnergyPlus's envelope report counts it as %s", where, tilt, tiltClass(tilt)))
		case it.Element == ElementGroundWall && tilt >= 60 && tilt <= 120:
			out = append(out, fmt.Sprintf("%s: a wall in contact with the ground; EnergyPlus's Gross Wall Area includes it (not its Above Ground Wall Area)", where))
		}
		if it.FrameAreaM2 > 0 {
			framed++
			frameArea += it.FrameAreaM2
			if firstFramed == "" {
				firstFramed = it.Name
			}
		}
	}
	if framed > 0 {
		out = append(out, fmt.Sprintf("%d windows have frames (%.2f m² in all, first %q): window areas here are the openings without frame; "+
			"EnergyPlus adds the frames to its Window Opening Area and takes them from the walls' net area", framed, frameArea, firstFramed))
	}
	return out
}

func tiltClass(tilt float64) string {
	switch {
	case tilt < 60:
		return "roof area"
	case tilt <= 120:
		return "wall area"
	}
	return "neither wall nor roof"
}
